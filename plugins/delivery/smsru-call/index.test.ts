import { describe, expect, it } from 'vitest'
import { closedOrigin, fromIp, providerTestPropusk, unavailable } from 'propusk/testing'
import { smsRuCall } from './index.ts'

const call = {
  channel: 'call' as const,
  to: '+7 916 123-45-67',
  purpose: 'otp',
  idempotencyKey: 'c1',
}

const ok = {
  json: { status: 'OK', code: '1435', call_id: '000000-10000000', cost: 0.4, balance: 4122.56 },
}

const provider = providerTestPropusk({
  pluginId: 'smsru-call',
  // Loaded as the test's own copy: the same test runs before and after registration.
  plugin: smsRuCall,
  env: () => ({
    DELIVERY_CALL: 'smsru-call',
    SMSRU_API_ID: '00000000-1111-2222-3333-444444444444',
  }),
  message: call,
})
const { start, sendError } = provider

describe('smsru-call', () => {
  it('requests a call-code and returns the last 4 digits of the calling number', async () => {
    const fake = await provider.fake(ok)
    const { services } = await start(fake.url)
    expect(await services.delivery.send(call)).toEqual({
      provider: 'smsru-call',
      status: 'sent',
      callerDigits: '1435',
      messageId: '000000-10000000',
      cost: { amount: '0.4', currency: 'RUB' },
    })
    const [request] = fake.requests
    expect(request).toMatchObject({ method: 'POST', path: '/code/call' })
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(request?.form() ?? [])).toEqual({
      phone: '79161234567',
      ip: '-1',
      api_id: '00000000-1111-2222-3333-444444444444',
    })
  })

  it('sends the IP of the client who asked for the flash-call code', async () => {
    const fake = await provider.fake(ok)
    const p = await provider.open({
      ipHeader: true,
      env: {
        DELIVERY_CALL: 'smsru-call',
        SMSRU_API_ID: 'api-id-for-the-test',
        PUBLIC_URL: 'https://id.example.com',
      },
      settings: { 'smsru-call': { baseUrl: fake.url, retryDelayMs: 1 } },
    })
    const clientId = await p.createApp({
      type: 'engineer-mobile',
      methods: ['sms-otp', 'flash-call', 'email-otp', 'password'],
    })
    await p.insertUser({ phone: '+79161234567' })
    const sent = await p.request('/v1/auth/flash-call/send', {
      body: { login: '+79161234567', clientId },
      headers: fromIp('203.0.113.45'),
    })
    expect(sent.status).toBe(200)
    expect(fake.requests).toHaveLength(1)
    expect(Object.fromEntries(fake.requests[0]?.form() ?? [])).toEqual({
      phone: '79161234567',
      ip: '203.0.113.45',
      api_id: 'api-id-for-the-test',
    })
  })

  it('accepts the code as a JSON number too', async () => {
    const fake = await provider.fake({ json: { ...ok.json, code: 7 } })
    const propusk = await start(fake.url)
    // Fewer than 4 digits cannot be a caller-number suffix: refuse rather than store a bad code.
    expect(await sendError(propusk)).toMatchObject({ code: 'provider_unavailable' })
    fake.respond({ json: { ...ok.json, code: 905 + 1000 } })
    expect((await propusk.services.delivery.send(call)).callerDigits).toBe('1905')
  })

  it.each([
    [202, 'invalid_recipient'],
    [207, 'region_not_allowed'],
    [200, 'provider_rejected'],
    [201, 'provider_rejected'],
    [233, 'provider_rejected'],
  ])('maps status_code %i to %s without retrying', async (statusCode, expected) => {
    const fake = await provider.fake({
      json: { status: 'ERROR', status_code: statusCode, status_text: 'описание ошибки' },
    })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject({ code: expected, retryable: false })
    expect(fake.requests).toHaveLength(1)
  })

  it('repeats the request when sms.ru says to (220), then succeeds once', async () => {
    const fake = await provider.fake(
      { json: { status: 'ERROR', status_code: 220, status_text: 'Сервис временно недоступен' } },
      ok,
    )
    const { services } = await start(fake.url)
    expect((await services.delivery.send(call)).callerDigits).toBe('1435')
    expect(fake.requests).toHaveLength(2)
  })

  it('does not repeat after an HTTP failure or a dropped connection (no second call)', async () => {
    const fake = await provider.fake({ status: 502, text: 'Bad Gateway' })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject(unavailable(false))
    fake.respond({ drop: true })
    expect(await sendError(propusk)).toMatchObject(unavailable(false))
    expect(fake.requests).toHaveLength(2)
  })

  it('reports an unreachable sms.ru as retryable provider_unavailable', async () => {
    const propusk = await start(await closedOrigin())
    expect(await sendError(propusk)).toMatchObject(unavailable(true))
  })

  it('refuses to start when selected without SMSRU_API_ID', async () => {
    expect(await provider.startupProblems({ DELIVERY_CALL: 'smsru-call' })).toMatch(/SMSRU_API_ID/)
  })
})
