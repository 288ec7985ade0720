import { describe, expect, it } from 'vitest'
import { closedOrigin, providerTestPropusk, unavailable, type TestPropusk } from 'propusk/testing'

const email = {
  channel: 'email' as const,
  to: 'ivan@example.com',
  subject: 'Код входа',
  text: 'Ваш код: 482193',
  html: '<p>Ваш код: <b>482193</b></p>',
  purpose: 'otp',
  idempotencyKey: 'otp:chl_123:1',
}

const ok = { status: 200, json: { id: '49a3999c-0ce1-4ea6-ab68-afcd6dc2e794' } }

const provider = providerTestPropusk({
  pluginId: 'resend-email',
  env: () => ({
    DELIVERY_EMAIL: 'resend-email',
    RESEND_API_KEY: 're_test_key',
    EMAIL_FROM: 'Propusk <no-reply@example.com>',
  }),
  message: email,
})
const { start, sendError } = provider

async function logRows(propusk: TestPropusk) {
  const { rows } = await propusk.services.sql.execute({
    sql: `SELECT status, provider_message_id, error_code FROM delivery_log
          WHERE provider = 'resend-email' ORDER BY created_at`,
    args: [],
  })
  return rows.map((row) => ({ ...row }))
}

describe('resend-email', () => {
  it('posts the documented JSON with Bearer auth and the idempotency key', async () => {
    const fake = await provider.fake(ok)
    const propusk = await start(fake.url)
    const { services } = propusk
    expect(await services.delivery.send(email)).toEqual({
      provider: 'resend-email',
      status: 'sent',
      messageId: '49a3999c-0ce1-4ea6-ab68-afcd6dc2e794',
    })
    const [request] = fake.requests
    expect(request).toMatchObject({ method: 'POST', path: '/emails' })
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer re_test_key',
      'content-type': 'application/json',
      'idempotency-key': 'otp:chl_123:1',
      // Sent by the official SDK, which names itself.
      'user-agent': expect.stringMatching(/^resend-node:/),
    })
    expect(request?.json()).toEqual({
      from: 'Propusk <no-reply@example.com>',
      to: ['ivan@example.com'],
      subject: 'Код входа',
      text: 'Ваш код: 482193',
      html: '<p>Ваш код: <b>482193</b></p>',
    })
    expect(await logRows(propusk)).toEqual([
      { status: 'sent', provider_message_id: ok.json.id, error_code: null },
    ])
  })

  it('sends reply_to when set and hashes a key longer than 256 characters', async () => {
    const fake = await provider.fake(ok)
    const { services } = await start(fake.url, { replyTo: 'support@example.com' })
    await services.delivery.send({ ...email, html: undefined, idempotencyKey: 'k'.repeat(300) })
    const [request] = fake.requests
    expect(request?.headers['idempotency-key']).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(request?.json()).toEqual({
      from: 'Propusk <no-reply@example.com>',
      to: ['ivan@example.com'],
      subject: 'Код входа',
      text: 'Ваш код: 482193',
      reply_to: 'support@example.com',
    })
  })

  it('retries a timeout and a dropped connection with the same key', async () => {
    const late = () => new Promise<typeof ok>((resolve) => setTimeout(() => resolve(ok), 1_000))
    const fake = await provider.fake(late, { drop: true }, ok)
    const { services } = await start(fake.url, { timeoutMs: 100 })
    expect((await services.delivery.send(email)).messageId).toBe(ok.json.id)
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'otp:chl_123:1',
      'otp:chl_123:1',
      'otp:chl_123:1',
    ])
  })

  it('retries 429 and 5xx with the same key: one e-mail', async () => {
    const fake = await provider.fake(
      { status: 429, json: { statusCode: 429, name: 'rate_limit_exceeded', message: 'slow down' } },
      { status: 500, json: { statusCode: 500, name: 'internal_server_error', message: 'oops' } },
      ok,
    )
    const { services } = await start(fake.url)
    expect((await services.delivery.send(email)).messageId).toBe(ok.json.id)
    expect(fake.requests).toHaveLength(3)
    expect(new Set(fake.requests.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set(['otp:chl_123:1']),
    )
  })

  it('stops after two retries and says the provider is down', async () => {
    const fake = await provider.fake({ status: 503, text: 'unavailable' })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject(unavailable(true))
    expect(fake.requests).toHaveLength(3)
  })

  it.each([
    [
      422,
      'validation_error',
      'Invalid `to` field. The email address needs to follow the format.',
      'invalid_recipient',
    ],
    [
      422,
      'invalid_from_address',
      'Invalid `from` field. The email address needs to follow the format.',
      'provider_rejected',
    ],
    [401, 'missing_api_key', 'Missing API key in the authorization header.', 'provider_rejected'],
    [403, 'invalid_api_key', 'API key is invalid.', 'provider_rejected'],
    [
      429,
      'daily_quota_exceeded',
      'You have reached your daily email sending quota.',
      'provider_rejected',
    ],
  ])('maps %i %s (%s) to %s without retrying', async (status, name, message, expected) => {
    const fake = await provider.fake({ status, json: { statusCode: status, name, message } })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject({ code: expected, retryable: false })
    expect(fake.requests).toHaveLength(1)
    expect(await logRows(propusk)).toEqual([
      { status: 'failed', provider_message_id: null, error_code: expected },
    ])
  })

  it('treats an unreachable API as provider_unavailable', async () => {
    const propusk = await start(await closedOrigin())
    expect(await sendError(propusk)).toMatchObject({ code: 'provider_unavailable' })
  })

  it('refuses to start when selected without RESEND_API_KEY and EMAIL_FROM', async () => {
    expect(await provider.startupProblems({ DELIVERY_EMAIL: 'resend-email' })).toMatch(
      /RESEND_API_KEY[\s\S]*EMAIL_FROM/,
    )
  })
})
