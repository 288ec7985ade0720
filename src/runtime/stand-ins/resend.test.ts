/**
 * The Worker's `resend` stand-in sends what the SDK sends and answers what the SDK answers, for
 * every kind of reply the resend-email plugin tells apart (src: plugins/delivery/resend-email/errors.ts).
 */
import { Resend as Sdk } from 'resend'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Resend as StandIn } from './resend.ts'

type Reply = () => Promise<Response>

const replies: Record<string, Reply> = {
  sent: async () => Response.json({ id: 'e-1' }, { headers: { 'x-request-id': 'r1' } }),
  rejected: async () =>
    Response.json(
      { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' },
      { status: 422 },
    ),
  quota: async () =>
    Response.json(
      { statusCode: 429, name: 'daily_quota_exceeded', message: 'Quota' },
      { status: 429 },
    ),
  'not JSON': async () => new Response('<html>bad gateway</html>', { status: 502 }),
  'empty body': async () => new Response(null, { status: 503, statusText: 'Unavailable' }),
  unreachable: async () => {
    throw new TypeError('fetch failed')
  },
}

interface Seen {
  url: string
  method: string
  headers: Array<[string, string]>
  body: unknown
  signal: boolean
}

async function run(client: 'sdk' | 'stand-in', reply: Reply) {
  const seen: Seen[] = []
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push({
      url,
      method: init.method ?? 'GET',
      headers: [...new Headers(init.headers)].sort(),
      body: JSON.parse(String(init.body)),
      signal: init.signal instanceof AbortSignal,
    })
    return reply()
  })
  const options = { baseUrl: 'https://resend.test' }
  const resend = client === 'sdk' ? new Sdk('re_key', options) : new StandIn('re_key', options)
  const result = await resend.emails.send(
    {
      from: 'Propusk <no-reply@example.com>',
      to: ['ivan@example.com'],
      subject: 'Код',
      html: '<p>123456</p>',
      text: '123456',
      replyTo: 'help@example.com',
    },
    { idempotencyKey: 'otp:1', signal: AbortSignal.timeout(5_000) },
  )
  return { seen, result }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('resend stand-in', () => {
  for (const [name, reply] of Object.entries(replies)) {
    it(`sends and answers as the SDK does: ${name}`, async () => {
      const sdk = await run('sdk', reply)
      const standIn = await run('stand-in', reply)
      expect(standIn).toEqual(sdk)
      expect(standIn.seen).toHaveLength(1)
    })
  }

  it('answers a timed-out send with no status, as the SDK does', async () => {
    const timedOut: Reply = async () => {
      throw new DOMException('The operation timed out.', 'TimeoutError')
    }
    const { result } = await run('stand-in', timedOut)
    expect(result).toEqual({
      data: null,
      error: (await run('sdk', timedOut)).result.error,
      headers: null,
    })
    expect(result.error?.statusCode).toBeNull()
  })
})
