import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const route = '/v1/auth/setup-link/verify'
const oversized = JSON.stringify({ token: 'x'.repeat(1024 * 1024 + 10) })

/** A body of unknown length, as a chunked or HTTP/2 upload arrives. */
function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.subarray(offset, offset + 64 * 1024))
      offset += 64 * 1024
    },
  })
}

describe('request body limit', () => {
  it('refuses a declared Content-Length over 1 MiB from the header alone', async () => {
    running = await createTestPropusk()
    const response = await running.app.request(route, {
      method: 'POST',
      body: oversized,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(oversized.length),
      },
    })
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload_too_large')
  })

  it('counts a body of unknown length as it is read, and refuses it past 1 MiB', async () => {
    running = await createTestPropusk()
    const response = await running.app.request(route, {
      method: 'POST',
      body: streamOf(oversized),
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload_too_large')
  })

  it('lets bodies within the limit through to validation, declared or streamed', async () => {
    running = await createTestPropusk()
    const small = JSON.stringify({ token: 5 })
    const declared = await running.app.request(route, {
      method: 'POST',
      body: small,
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(small.length) },
    })
    expect((await declared.json()).error.code).toBe('validation_failed')
    const streamed = await running.app.request(route, {
      method: 'POST',
      body: streamOf(small),
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit)
    expect((await streamed.json()).error.code).toBe('validation_failed')
  })

  it('leaves GET requests and the headers every answer carries alone', async () => {
    running = await createTestPropusk()
    const response = await running.app.request('/.well-known/jwks.json')
    expect(response.status).toBe(200)
    // The route's own caching wins over the API default; the defaults fill in the rest.
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    )
    expect(response.headers.get('x-request-id')).toMatch(/^req_[A-Za-z0-9_-]{16}$/)
    expect(response.headers.get('strict-transport-security')).toContain('max-age=63072000')
    const ids = new Set<string>()
    for (let i = 0; i < 300; i++) {
      ids.add((await running.app.request('/healthz')).headers.get('x-request-id') ?? '')
    }
    expect(ids.size).toBe(300)
  })
})
