import { describe, expect, it } from 'vitest'
import { createHash, createHmac, providerTestPropusk, type RecordedRequest } from 'propusk/testing'
import { md5 } from './md5.ts'

const key = '669E367E-6BBA-48AB-AF15-266871C28135'
const secret = 'BeIukql3pTKJ8RGL5zo0DA=='

const call = { channel: 'call' as const, to: '+46700000000', purpose: 'otp', idempotencyKey: 'c1' }

const started = {
  json: {
    id: '1118c3ab-0a3c-4d7e-9f3a-5a3d4f6a7b8c',
    method: 'flashcall',
    flashCall: {
      cliFilter: '(.*)70123(.*)',
      interceptionTimeout: 60,
      reportTimeout: 120,
      denyCallAfter: 0,
    },
  },
}

/** The documented signature, recomputed independently with node:crypto from what arrived. */
function expectedAuthorization(request: RecordedRequest): string {
  const contentMd5 = createHash('md5').update(request.body, 'utf8').digest('base64')
  const stringToSign = [
    request.method,
    contentMd5,
    request.headers['content-type'],
    `x-timestamp:${request.headers['x-timestamp']}`,
    request.path,
  ].join('\n')
  const signature = createHmac('sha256', Buffer.from(secret, 'base64'))
    .update(stringToSign, 'utf8')
    .digest('base64')
  return `Application ${key}:${signature}`
}

const provider = providerTestPropusk({
  pluginId: 'sinch-flashcall',
  env: () => ({
    DELIVERY_CALL: 'sinch-flashcall',
    SINCH_APPLICATION_KEY: key,
    SINCH_APPLICATION_SECRET: secret,
  }),
  message: call,
})
const { start, sendError } = provider

describe('sinch-flashcall', () => {
  it('md5 matches node:crypto (WebCrypto has none)', () => {
    for (const text of ['', 'abc', 'x'.repeat(56), '{"a":"Привет"}'.repeat(9)]) {
      const bytes = new TextEncoder().encode(text)
      expect(Buffer.from(md5(bytes)).toString('hex')).toBe(
        createHash('md5').update(bytes).digest('hex'),
      )
    }
  })

  it('starts a flashCall verification with an application-signed request', async () => {
    const fake = await provider.fake(started)
    const { services } = await start(fake.url)
    expect(await services.delivery.send(call)).toEqual({
      provider: 'sinch-flashcall',
      status: 'sent',
      callerDigits: '0123',
      messageId: started.json.id,
    })
    const [request] = fake.requests
    expect(request).toMatchObject({ method: 'POST', path: '/verification/v1/verifications' })
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers['x-timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/)
    expect(request?.json()).toEqual({
      identity: { type: 'number', endpoint: '+46700000000' },
      method: 'flashCall',
    })
    expect(request?.headers.authorization).toBe(expectedAuthorization(request as RecordedRequest))
  })

  it('can use Basic auth and passes the dial timeout only when signed', async () => {
    const fake = await provider.fake(started)
    const { services } = await start(fake.url, { auth: 'basic', dialTimeoutSeconds: 10 })
    await services.delivery.send(call)
    const [request] = fake.requests
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
    )
    expect(request?.json()).not.toHaveProperty('flashCallOptions')

    const signed = await start(fake.url, { dialTimeoutSeconds: 10 })
    await signed.services.delivery.send(call)
    expect(fake.requests[1]?.json()).toMatchObject({ flashCallOptions: { dialTimeout: 10 } })
  })

  it.each([
    [400, 'Invalid identity or number.', 'invalid_recipient'],
    [401, 'Invalid signature.', 'provider_rejected'],
    [403, 'Destination country is not enabled for this application.', 'region_not_allowed'],
    [503, 'Service unavailable.', 'provider_unavailable'],
  ])('maps %i "%s" to %s without retrying', async (status, message, expected) => {
    const fake = await provider.fake({ status, json: { errorCode: status * 100, message } })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject({ code: expected, retryable: false })
    expect(fake.requests).toHaveLength(1)
  })

  it('retries 429 and places one call', async () => {
    const fake = await provider.fake(
      { status: 429, json: { errorCode: 42900, message: 'Too many requests' } },
      started,
    )
    const { services } = await start(fake.url)
    expect((await services.delivery.send(call)).callerDigits).toBe('0123')
    expect(fake.requests).toHaveLength(2)
  })

  it('refuses an answer without usable caller digits', async () => {
    const fake = await provider.fake({ json: { id: 'x', flashCall: { cliFilter: '(.*)' } } })
    const propusk = await start(fake.url)
    expect(await sendError(propusk)).toMatchObject({ code: 'provider_unavailable' })
  })

  it('refuses to start when selected without its key and secret', async () => {
    expect(await provider.startupProblems({ DELIVERY_CALL: 'sinch-flashcall' })).toMatch(
      /SINCH_APPLICATION_SECRET/,
    )
  })
})
