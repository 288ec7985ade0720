import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, DeliveryError } from '../../src/core/index.ts'
import { closedOrigin, startFakeHttp, type FakeHttp } from '../../test/support/fake-http.ts'
import { createTestPropusk, type TestPropusk } from '../../test/support/propusk.ts'

let running: TestPropusk | undefined
let fake: FakeHttp | undefined
afterEach(async () => {
  await running?.close()
  await fake?.close()
  running = fake = undefined
})

async function start(baseUrl: string) {
  running = await createTestPropusk({
    env: {
      DELIVERY_CALL: 'smsru-call',
      SMSRU_API_ID: '00000000-1111-2222-3333-444444444444',
      PLUGIN_SETTINGS: JSON.stringify({ 'smsru-call': { baseUrl, retryDelayMs: 1 } }),
    },
  })
  return running
}

const call = {
  channel: 'call' as const,
  to: '+7 916 123-45-67',
  purpose: 'otp',
  idempotencyKey: 'c1',
}

async function sendError(propusk: TestPropusk): Promise<DeliveryError> {
  const error = await propusk.services.delivery.send(call).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(DeliveryError)
  return error as DeliveryError
}

const ok = {
  json: { status: 'OK', code: '1435', call_id: '000000-10000000', cost: 0.4, balance: 4122.56 },
}

describe('smsru-call', () => {
  it('requests a call-code and returns the last 4 digits of the calling number', async () => {
    fake = (await startFakeHttp()).respond(ok)
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

  it('accepts the code as a JSON number too', async () => {
    fake = (await startFakeHttp()).respond({ json: { ...ok.json, code: 7 } })
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
    fake = (await startFakeHttp()).respond({
      json: { status: 'ERROR', status_code: statusCode, status_text: 'описание ошибки' },
    })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject({ code: expected, retryable: false })
    expect(fake.requests).toHaveLength(1)
  })

  it('repeats the request when sms.ru says to (220), then succeeds once', async () => {
    fake = (await startFakeHttp()).respond(
      { json: { status: 'ERROR', status_code: 220, status_text: 'Сервис временно недоступен' } },
      ok,
    )
    const { services } = await start(fake.url)
    expect((await services.delivery.send(call)).callerDigits).toBe('1435')
    expect(fake.requests).toHaveLength(2)
  })

  it('does not repeat after an HTTP failure or a dropped connection (no second call)', async () => {
    fake = (await startFakeHttp()).respond({ status: 502, text: 'Bad Gateway' })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject({
      code: 'provider_unavailable',
      retryable: false,
    })
    fake.respond({ drop: true })
    expect(await sendError(propusk)).toMatchObject({
      code: 'provider_unavailable',
      retryable: false,
    })
    expect(fake.requests).toHaveLength(2)
  })

  it('reports an unreachable sms.ru as retryable provider_unavailable', async () => {
    const propusk = await start(await closedOrigin())
    expect(await sendError(propusk)).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
    })
  })

  it('refuses to start when selected without SMSRU_API_ID', async () => {
    const failure = await createTestPropusk({ env: { DELIVERY_CALL: 'smsru-call' } }).catch(
      (e: unknown) => e,
    )
    expect(failure).toBeInstanceOf(ConfigError)
    expect((failure as ConfigError).problems.join('\n')).toMatch(/SMSRU_API_ID/)
  })
})
