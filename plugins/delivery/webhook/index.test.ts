import { describe, expect, it } from 'vitest'
import { createHmac, providerTestPropusk, unavailable } from 'propusk/testing'

const secret = 'whsec_0123456789abcdef'

const sms = {
  channel: 'sms' as const,
  to: '+79161234567',
  text: 'Код: 4821',
  purpose: 'otp',
  appId: 'engineer-app',
  idempotencyKey: 'otp:chl_1:1',
}
const call = { channel: 'call' as const, to: '+79161234567', purpose: 'otp', idempotencyKey: 'c1' }

/** The README's verification snippet, verbatim: it must accept what the plugin sends. */
async function verifyPropuskSignature(
  secret: string,
  header: string | null,
  rawBody: string,
  toleranceSeconds = 300,
): Promise<boolean> {
  const parts = Object.fromEntries(
    (header ?? '').split(',').map((kv) => kv.split('=', 2) as [string, string]),
  )
  const t = Number(parts.t)
  if (!Number.isInteger(t) || !parts.v1) return false
  if (Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false
  const enc = new TextEncoder()
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  )
  const mac = new Uint8Array(parts.v1.match(/../g)?.map((h) => parseInt(h, 16)) ?? [])
  // crypto.subtle.verify compares in constant time.
  return crypto.subtle.verify('HMAC', key, mac, enc.encode(`${t}.${rawBody}`))
}

const provider = providerTestPropusk({
  pluginId: 'webhook-delivery',
  env: (url) => ({
    DELIVERY_SMS: 'webhook-delivery',
    DELIVERY_CALL: 'webhook-delivery',
    WEBHOOK_DELIVERY_URL: url,
    WEBHOOK_DELIVERY_SECRET: secret,
  }),
  settings: () => ({}),
  message: sms,
})
const { start, sendError } = provider

describe('webhook-delivery', () => {
  it('posts the documented JSON with a Stripe-style signature', async () => {
    const fake = await provider.fake({ status: 202, json: { messageId: 'ext-1' } })
    const { services } = await start(`${fake.url}/hooks/propusk`)
    expect(await services.delivery.send(sms)).toEqual({
      provider: 'webhook-delivery',
      status: 'sent',
      messageId: 'ext-1',
    })
    const [request] = fake.requests
    expect(request).toMatchObject({ method: 'POST', path: '/hooks/propusk' })
    expect(request?.headers['content-type']).toBe('application/json')
    const body = request?.json()
    expect(body).toEqual({
      id: expect.stringMatching(/^msg_[0-9a-f]{32}$/),
      channel: 'sms',
      to: '+79161234567',
      text: 'Код: 4821',
      subject: null,
      html: null,
      purpose: 'otp',
      appId: 'engineer-app',
      idempotencyKey: 'otp:chl_1:1',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    expect(request?.headers['idempotency-key']).toBe(body?.id)

    const header = request?.headers['propusk-signature'] ?? ''
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? []
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${request?.body}`).digest('hex'))
    expect(await verifyPropuskSignature(secret, header, request?.body ?? '')).toBe(true)
    expect(await verifyPropuskSignature(secret, header, `${request?.body} `)).toBe(false)
    expect(await verifyPropuskSignature('another-secret-xx', header, request?.body ?? '')).toBe(
      false,
    )
  })

  it('retries 5xx and timeouts with the same id and body, and delivers once', async () => {
    const fake = await provider.fake(
      { status: 503, text: 'busy' },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 400))
        return { status: 200 }
      },
      { status: 200 },
    )
    const { services } = await start(fake.url, { timeoutMs: 150 })
    const receipt = await services.delivery.send(sms)
    expect(fake.requests).toHaveLength(3)
    expect(new Set(fake.requests.map((r) => r.body)).size).toBe(1)
    expect(receipt.messageId).toBe(fake.requests[0]?.json().id)
  })

  it('gives up after maxRetries as retryable provider_unavailable', async () => {
    const fake = await provider.fake({ status: 500 })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject(unavailable(true))
    expect(fake.requests).toHaveLength(3)
  })

  it('takes the receiver’s delivery error code on a 4xx and does not retry', async () => {
    const fake = await provider.fake({
      status: 422,
      json: { error: { code: 'invalid_recipient', message: 'not a mobile number' } },
    })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject({ code: 'invalid_recipient', retryable: false })
    fake.respond({ status: 400, json: { error: { code: 'nonsense' } } })
    expect(await sendError(propusk)).toMatchObject({ code: 'provider_rejected' })
    expect(fake.requests).toHaveLength(2)
  })

  it('reads callerDigits for calls and fails a call answered without them', async () => {
    const fake = await provider.fake({ json: { callerDigits: '74951234567' } })
    const propusk = await start(fake.url)
    expect((await propusk.services.delivery.send(call)).callerDigits).toBe('4567')
    expect(fake.requests[0]?.json()).toMatchObject({ channel: 'call', text: null })

    fake.respond({ status: 200, json: {} })
    expect(await sendError(propusk, call)).toMatchObject(unavailable(false))
    expect(fake.requests).toHaveLength(2)
  })

  it('posts each channel to its own URL when configured', async () => {
    const fake = await provider.fake({ json: { callerDigits: '1234' } })
    const propusk = await start(`${fake.url}/all`, { urls: { call: `${fake.url}/calls` } })
    await propusk.services.delivery.send(call)
    await propusk.services.delivery.send(sms)
    expect(fake.requests.map((r) => r.path)).toEqual(['/calls', '/all'])
  })

  it('refuses to start when selected without a URL or secret', async () => {
    expect(await provider.startupProblems({ DELIVERY_CALL: 'webhook-delivery' })).toMatch(
      /WEBHOOK_DELIVERY_URL[\s\S]*WEBHOOK_DELIVERY_SECRET/,
    )
  })
})
