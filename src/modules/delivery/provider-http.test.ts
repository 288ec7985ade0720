import { afterEach, describe, expect, it } from 'vitest'
import { closedOrigin, startFakeHttp, type FakeHttp } from '../../../test/support/fake-http.ts'
import { ConfigError } from '../../kernel/config.ts'
import { DeliveryError } from '../../kernel/delivery.ts'
import {
  connectionNeverOpened,
  networkDeliveryError,
  presentEnv,
  providerFetch,
  ProviderNetworkError,
  readJsonBody,
  requireWhenSelected,
  retryWhenRetryable,
  sendToProvider,
  type ProviderOutcome,
} from './provider-http.ts'

let fake: FakeHttp | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const quick = { timeoutMs: 2_000, maxRetries: 2, retryDelayMs: 1 }
const post = (url: string) => new Request(url, { method: 'POST', body: 'a=1' })
const status = (o: ProviderOutcome) => (o instanceof Response ? o.status : o.name)

describe('providerFetch', () => {
  it('returns the answer unread after one request when retryOn says no', async () => {
    fake = (await startFakeHttp()).respond({ status: 201, json: { id: 'm1' } })
    const outcome = await providerFetch(post(`${fake.url}/send`), {
      ...quick,
      retryOn: () => false,
    })
    expect(outcome).toBeInstanceOf(Response)
    expect(await (outcome as Response).json()).toEqual({ id: 'm1' })
    expect(fake.requests).toMatchObject([{ method: 'POST', path: '/send', body: 'a=1' }])
  })

  it('re-sends the same request while retryOn says yes, at most maxRetries times', async () => {
    fake = (await startFakeHttp()).respond({ status: 503, text: 'busy' })
    const seen: number[] = []
    const outcome = await providerFetch(post(fake.url), {
      ...quick,
      retryOn: (o) => (seen.push(o instanceof Response ? o.status : 0), true),
    })
    expect(fake.requests.map((r) => r.body)).toEqual(['a=1', 'a=1', 'a=1'])
    // The last outcome is not offered to retryOn: there is no attempt left for it.
    expect(seen).toEqual([503, 503])
    expect(await (outcome as Response).text()).toBe('busy')
  })

  it('stops at the first outcome retryOn refuses', async () => {
    fake = (await startFakeHttp()).respond({ status: 429 }, { status: 200, text: 'ok' })
    const outcome = await providerFetch(post(fake.url), {
      ...quick,
      retryOn: (o) => o instanceof Response && o.status === 429,
    })
    expect(status(outcome)).toBe(200)
    expect(fake.requests).toHaveLength(2)
  })

  it('gives retryOn a copy to read and returns the last answer still readable', async () => {
    fake = (await startFakeHttp()).respond(
      { json: { status: 'ERROR', code: 220 } },
      { json: { status: 'ERROR', code: 202 } },
    )
    const outcome = await providerFetch(post(fake.url), {
      ...quick,
      retryOn: async (o) => o instanceof Response && (await o.json()).code === 220,
    })
    expect(await (outcome as Response).json()).toEqual({ status: 'ERROR', code: 202 })
    expect(fake.requests).toHaveLength(2)
  })

  it('builds each attempt anew from a factory', async () => {
    fake = (await startFakeHttp()).respond({ status: 500 })
    let built = 0
    const url = fake.url
    await providerFetch(() => new Request(url, { headers: { 'x-attempt': String(++built) } }), {
      ...quick,
      maxRetries: 1,
      retryOn: () => true,
    })
    expect(fake.requests.map((r) => r.headers['x-attempt'])).toEqual(['1', '2'])
  })

  it('says a refused connection never reached the provider', async () => {
    const outcome = await providerFetch(post(await closedOrigin()), {
      ...quick,
      maxRetries: 0,
      retryOn: () => true,
    })
    expect(outcome).toBeInstanceOf(ProviderNetworkError)
    expect(outcome).toMatchObject({ mayHaveReached: false, timedOut: false })
  })

  it('says a connection dropped after sending may have reached the provider', async () => {
    fake = (await startFakeHttp()).respond({ drop: true })
    const outcome = await providerFetch(post(fake.url), { ...quick, retryOn: () => false })
    expect(outcome).toMatchObject({ name: 'ProviderNetworkError', mayHaveReached: true })
    expect(fake.requests).toHaveLength(1)
  })

  it('times out each attempt after timeoutMs, as "may have reached"', async () => {
    fake = (await startFakeHttp()).respond(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 500))
        return { status: 200 }
      },
      { status: 200, text: 'second' },
    )
    const outcomes: ProviderOutcome[] = []
    const started = Date.now()
    const outcome = await providerFetch(post(fake.url), {
      ...quick,
      timeoutMs: 100,
      retryOn: (o) => (outcomes.push(o), o instanceof ProviderNetworkError),
    })
    expect(Date.now() - started).toBeLessThan(450)
    expect(outcomes[0]).toMatchObject({ timedOut: true, mayHaveReached: true })
    expect(await (outcome as Response).text()).toBe('second')
  })

  it('waits a doubling delay between attempts, capped at maxRetryDelayMs, and logs each', async () => {
    fake = (await startFakeHttp()).respond({ status: 503 })
    const warnings: Array<[string, unknown]> = []
    const log = { warn: (message: string, fields?: unknown) => warnings.push([message, fields]) }
    let started = Date.now()
    const options = { ...quick, retryDelayMs: 40, retryOn: () => true, log, name: 'fake-sms' }
    await providerFetch(post(fake.url), options)
    expect(Date.now() - started).toBeGreaterThanOrEqual(40 + 80 - 5)
    expect(warnings).toEqual([
      ['fake-sms: retrying', { attempt: 1, httpStatus: 503 }],
      ['fake-sms: retrying', { attempt: 2, httpStatus: 503 }],
    ])

    started = Date.now()
    await providerFetch(post(fake.url), { ...options, retryDelayMs: 1_000, maxRetryDelayMs: 10 })
    expect(Date.now() - started).toBeLessThan(500)
    expect(fake.requests).toHaveLength(6)
  })
})

describe('network failures as delivery errors', () => {
  it('recognises "never connected" in Node codes and Deno wording only', () => {
    const node = (code: string) => new TypeError('fetch failed', { cause: { code } })
    expect(connectionNeverOpened(node('ECONNREFUSED'))).toBe(true)
    expect(connectionNeverOpened(node('ENOTFOUND'))).toBe(true)
    expect(connectionNeverOpened(node('UND_ERR_CONNECT_TIMEOUT'))).toBe(true)
    expect(connectionNeverOpened(node('UND_ERR_SOCKET'))).toBe(false)
    expect(connectionNeverOpened(new TypeError('tcp connect error: Connection refused'))).toBe(true)
    expect(connectionNeverOpened(new DOMException('timed out', 'TimeoutError'))).toBe(false)
    expect(connectionNeverOpened('ECONNREFUSED')).toBe(false)
  })

  it('retries an unsent request always, a maybe-sent one only when idempotent', () => {
    const refused = new ProviderNetworkError(
      new TypeError('x', { cause: { code: 'ECONNREFUSED' } }),
    )
    const dropped = new ProviderNetworkError(new TypeError('other side closed'))
    expect(networkDeliveryError(refused, 'Twilio', 'a second SMS')).toMatchObject({
      code: 'provider_unavailable',
      retryable: true,
      message: 'Twilio could not be reached',
    })
    expect(networkDeliveryError(dropped, 'Twilio', 'a second SMS')).toMatchObject({
      retryable: false,
      message: expect.stringMatching(
        /after the request was sent; not retried to avoid a second SMS/,
      ),
    })
    expect(networkDeliveryError(dropped, 'Resend')).toMatchObject({ retryable: true })
  })

  it('retryWhenRetryable retries exactly the retryable DeliveryErrors', async () => {
    const answer = new Response('')
    const reading = (result: unknown) => retryWhenRetryable(async () => Promise.reject(result))
    expect(await reading(new DeliveryError('provider_unavailable', 'x', true))(answer)).toBe(true)
    expect(await reading(new DeliveryError('provider_unavailable', 'x'))(answer)).toBe(false)
    expect(await reading(new Error('bug'))(answer)).toBe(false)
    expect(await retryWhenRetryable(async () => 'receipt')(answer)).toBe(false)
  })
})

describe('sendToProvider', () => {
  const send = (request: Request, duplicate?: string) =>
    sendToProvider(request, {
      ...quick,
      provider: 'Fake',
      ...(duplicate ? { duplicate } : {}),
      read: async (response) => {
        const body = await readJsonBody<{ retry?: boolean; id?: string }>(response)
        if (!body?.id) throw new DeliveryError('provider_unavailable', 'no id', !!body?.retry)
        return body.id
      },
      log: { warn: () => undefined },
      name: 'fake',
    })

  it('retries what read calls retryable and returns what it reads', async () => {
    fake = (await startFakeHttp()).respond({ json: { retry: true } }, { json: { id: 'm1' } })
    expect(await send(post(fake.url))).toBe('m1')
    fake.respond({ json: { retry: false } })
    await expect(send(post(fake.url))).rejects.toMatchObject({ message: 'no id', retryable: false })
    expect(fake.requests).toHaveLength(3)
  })

  it('retries a dropped connection only without a duplicate to fear', async () => {
    fake = (await startFakeHttp()).respond({ drop: true })
    await expect(send(post(fake.url), 'a second SMS')).rejects.toMatchObject({
      code: 'provider_unavailable',
      retryable: false,
    })
    expect(fake.requests).toHaveLength(1)
    await expect(send(post(fake.url))).rejects.toMatchObject({
      message: 'Fake could not be reached',
      retryable: true,
    })
    expect(fake.requests).toHaveLength(4)
  })
})

describe('provider settings', () => {
  const config = { DELIVERY_SMS: 'p', DELIVERY_EMAIL: 'console-delivery', DELIVERY_CALL: 'p' }

  it('keeps only env values that are set', () => {
    expect(presentEnv({ apiKey: 'k', from: '', replyTo: undefined })).toEqual({ apiKey: 'k' })
  })

  it('checks secrets only where the plugin is selected, naming the selection', () => {
    expect(() =>
      requireWhenSelected({ pluginId: 'q', config }, () => ['never checked']),
    ).not.toThrow()
    expect(() => requireWhenSelected({ pluginId: 'p', config }, () => [false, null])).not.toThrow()
    let channels: string[] = []
    const failure = (() => {
      try {
        requireWhenSelected({ pluginId: 'p', config }, (selected) => {
          channels = selected
          return ['P_KEY is required', false]
        })
      } catch (error) {
        return error
      }
    })()
    expect(channels).toEqual(['sms', 'call'])
    expect(failure).toBeInstanceOf(ConfigError)
    expect((failure as ConfigError).problems).toEqual([
      'plugin p (DELIVERY_SMS=p, DELIVERY_CALL=p): P_KEY is required',
    ])
  })
})
