import { describe, expect, it } from 'vitest'
import {
  closedOrigin,
  createHmac,
  providerTestPropusk,
  unavailable,
  type TestPropusk,
} from 'propusk/testing'

const sid = 'AC0123456789abcdef0123456789abcdef'
const token = 'twilio-auth-token-1'
const publicUrl = 'https://id.example.com'
const messagesPath = `/2010-04-01/Accounts/${sid}/Messages.json`

const sms = (to = '+79161234567') => ({
  channel: 'sms' as const,
  to,
  text: 'Код: 4821\n\n@id.example.com #4821',
  purpose: 'otp',
  idempotencyKey: 'k1',
})

const created = { status: 201, json: { sid: 'SM0001', status: 'queued', price: null } }

const provider = providerTestPropusk({
  pluginId: 'twilio-sms',
  env: () => ({
    PUBLIC_URL: publicUrl,
    DELIVERY_SMS: 'twilio-sms',
    TWILIO_ACCOUNT_SID: sid,
    TWILIO_AUTH_TOKEN: token,
    TWILIO_FROM: '+15005550006',
  }),
  message: sms(),
})
const { start, sendError } = provider

/** Twilio's algorithm, written independently with node:crypto. */
function sign(url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url)
  return createHmac('sha1', token).update(data).digest('base64')
}

async function logRow(propusk: TestPropusk, messageId: string) {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT status, error_code FROM delivery_log WHERE provider = ? AND provider_message_id = ?',
    args: ['twilio-sms', messageId],
  })
  return rows[0]
}

describe('twilio-sms', () => {
  it('posts the documented form with Basic auth and a status callback', async () => {
    const fake = await provider.fake(created)
    const { services } = await start(fake.url)
    const receipt = await services.delivery.send(sms())
    expect(receipt).toEqual({ provider: 'twilio-sms', status: 'queued', messageId: 'SM0001' })
    expect(fake.requests).toHaveLength(1)
    const [request] = fake.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe(messagesPath)
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
    )
    expect(Object.fromEntries(request?.form() ?? [])).toEqual({
      To: '+79161234567',
      From: '+15005550006',
      Body: sms().text,
      StatusCallback: `${publicUrl}/v1/providers/twilio-sms/status`,
    })
  })

  it('sends through a messaging service instead of From when one is set', async () => {
    const fake = await provider.fake(created)
    const mg = 'MG0123456789abcdef0123456789abcdef'
    const { services } = await start(fake.url, {}, { TWILIO_MESSAGING_SERVICE_SID: mg })
    await services.delivery.send(sms())
    const form = fake.requests[0]?.form()
    expect(form?.get('MessagingServiceSid')).toBe(mg)
    expect(form?.has('From')).toBe(false)
  })

  it.each([
    [400, 21211, 'invalid_recipient'],
    [400, 21614, 'invalid_recipient'],
    [400, 21408, 'region_not_allowed'],
    [400, 21612, 'region_not_allowed'],
    [401, 20003, 'provider_rejected'],
  ])('maps HTTP %i error %i to %s without retrying', async (status, code, expected) => {
    const fake = await provider.fake({
      status,
      json: { code, message: "The 'To' number +79161234567 is not valid", status },
    })
    const propusk = await start(fake.url)
    const error = await sendError(propusk)
    expect(error.code).toBe(expected)
    expect(error.retryable).toBe(false)
    expect(error.message).toContain(String(code))
    expect(error.message).not.toContain('79161234567')
    expect(fake.requests).toHaveLength(1)
  })

  it('retries a 429 and delivers once', async () => {
    const fake = await provider.fake(
      { status: 429, json: { code: 20429, message: 'Too Many Requests', status: 429 } },
      created,
    )
    const { services } = await start(fake.url)
    expect((await services.delivery.send(sms())).messageId).toBe('SM0001')
    expect(fake.requests).toHaveLength(2)
  })

  it('gives up after two retries of 429, as retryable provider_unavailable', async () => {
    const fake = await provider.fake({ status: 429, json: { code: 20429, status: 429 } })
    const propusk = await start(fake.url)
    const error = await sendError(propusk)
    expect(error).toMatchObject({ code: 'provider_unavailable', retryable: true })
    expect(fake.requests).toHaveLength(3)
  })

  it('never retries a 5xx or a dropped connection (the SMS may be on its way)', async () => {
    const fake = await provider.fake({ status: 500, json: { code: 20500, status: 500 } })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject(unavailable(false))
    expect(fake.requests).toHaveLength(1)

    fake.respond({ drop: true })
    expect(await sendError(propusk)).toMatchObject(unavailable(false))
    expect(fake.requests).toHaveLength(2)
  })

  it('reports a refused connection as retryable provider_unavailable', async () => {
    const propusk = await start(await closedOrigin())
    expect(await sendError(propusk)).toMatchObject(unavailable(true))
  })

  it('accepts signed status callbacks into the delivery log and refuses forged ones', async () => {
    const fake = await provider.fake(created)
    const propusk = await start(fake.url)
    await propusk.services.delivery.send(sms())
    expect(await logRow(propusk, 'SM0001')).toMatchObject({ status: 'queued' })

    const callbackUrl = `${publicUrl}/v1/providers/twilio-sms/status`
    const post = (params: Record<string, string>, signature: string) =>
      propusk.app.request('/v1/providers/twilio-sms/status', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': signature,
        },
        body: new URLSearchParams(params).toString(),
      })
    const delivered = {
      AccountSid: sid,
      ApiVersion: '2010-04-01',
      From: '+15005550006',
      MessageSid: 'SM0001',
      MessageStatus: 'delivered',
      SmsSid: 'SM0001',
      To: '+79161234567',
    }
    const forged = await post(delivered, sign(callbackUrl, { ...delivered, To: '+1' }))
    expect(forged.status).toBe(403)
    expect((await forged.json()).error.code).toBe('twilio_signature_invalid')
    expect((await post(delivered, '')).status).toBe(403)
    expect(await logRow(propusk, 'SM0001')).toMatchObject({ status: 'queued' })

    const accepted = await post(delivered, sign(callbackUrl, delivered))
    expect(accepted.status).toBe(204)
    expect(await logRow(propusk, 'SM0001')).toMatchObject({ status: 'delivered' })
  })

  it('records a failed delivery with its mapped error code', async () => {
    const fake = await provider.fake({
      status: 201,
      json: { sid: 'SM0002', status: 'queued' },
    })
    const propusk = await start(fake.url)
    await propusk.services.delivery.send(sms())
    const failed = { MessageSid: 'SM0002', MessageStatus: 'undelivered', ErrorCode: '30003' }
    const response = await propusk.app.request('/v1/providers/twilio-sms/status', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': sign(`${publicUrl}/v1/providers/twilio-sms/status`, failed),
      },
      body: new URLSearchParams(failed).toString(),
    })
    expect(response.status).toBe(204)
    expect(await logRow(propusk, 'SM0002')).toMatchObject({
      status: 'failed',
      error_code: 'invalid_recipient',
    })
  })

  it('refuses to start when selected without its secrets, and starts when not selected', async () => {
    expect(await provider.startupProblems({ DELIVERY_SMS: 'twilio-sms' })).toMatch(
      /TWILIO_ACCOUNT_SID/,
    )

    const running = await provider.open()
    expect(running.services.delivery.providerFor('sms')).toBe('console-delivery')
    const route = await running.app.request('/v1/providers/twilio-sms/status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'MessageSid=SM1&MessageStatus=sent',
    })
    expect(route.status).toBe(404)

    const openapi = (await (await running.app.request('/openapi.json')).json()) as {
      paths: Record<string, { post?: { requestBody?: { content?: Record<string, unknown> } } }>
    }
    const documented = openapi.paths['/v1/providers/twilio-sms/status']?.post
    expect(Object.keys(documented?.requestBody?.content ?? {})).toEqual([
      'application/x-www-form-urlencoded',
    ])
  })
})
