/**
 * A state store that stops answering (redis-server frozen with SIGSTOP: the socket stays open,
 * nothing replies) must not hang the sign-in flows: each answers 503 `dependency_unavailable`
 * within STATE_TIMEOUT_MS plus a margin, under both the Redis TCP and the Upstash REST adapter
 * (through the test bridge, in front of the same frozen server), and works again after SIGCONT.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { stateStoreChoice, loadSettings } from '../src/kernel/config.ts'
import { openServerStateStore } from '../src/storage/state/open-server.ts'
import { insertUser } from './support/account.ts'
import { engineerApp, post, startOtpPropusk } from './support/otp.ts'
import type { TestPropusk } from './support/propusk.ts'
import { startRedisServer, type RedisServer } from './support/redis-server.ts'
import { freezer, redisPid, thawAll, timed } from './support/stall.ts'
import { startUpstashBridge, type UpstashBridge } from './support/upstash-bridge.ts'

const STATE_TIMEOUT_MS = 400
/** Scheduling slack on a shared, loaded CI machine; far below the 30 s the defect showed. */
const MARGIN_MS = 1000
const phone = '+79161234567'
const otherPhone = '+79161234568'
const password = 'correct horse battery staple'

let cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  thawAll()
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

async function frozenSetup(kind: 'redis' | 'upstash') {
  const redis: RedisServer = await startRedisServer()
  cleanup.push(() => redis.stop())
  const process = freezer(await redisPid(redis.url))
  let bridge: UpstashBridge | undefined
  if (kind === 'upstash') {
    bridge = await startUpstashBridge({ redisUrl: redis.url })
    cleanup.push(() => bridge?.stop())
  }
  const env: Record<string, string> = {
    STATE_TIMEOUT_MS: String(STATE_TIMEOUT_MS),
    STATE_KEY_PREFIX: `deadline:${crypto.randomUUID()}:`,
    ...(bridge
      ? { UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: bridge.token }
      : { REDIS_URL: redis.url }),
  }
  // The runtime's own factory, so the clients' timeouts come from the settings as in production.
  const state = openServerStateStore(stateStoreChoice(loadSettings(env)), { onError: () => {} })
  const propusk: TestPropusk = await startOtpPropusk({ state, env })
  // Reverse order: the app (and its state client) closes before the bridge and redis stop.
  cleanup.push(() => propusk.close())
  await insertUser(propusk, { phone, password })
  await insertUser(propusk, { phone: otherPhone })
  return { propusk, process }
}

const requests = {
  'sign-in start': (p: TestPropusk) =>
    post(p, '/v1/sign-in/start', { login: phone, clientId: engineerApp }),
  'password sign-in': (p: TestPropusk) =>
    post(p, '/v1/auth/password/sign-in', { login: phone, password, clientId: engineerApp }),
  'sms code send': (p: TestPropusk) =>
    post(p, '/v1/auth/sms-otp/send', { login: phone, clientId: engineerApp }),
  'token refresh': async (p: TestPropusk, refreshToken: string) => {
    const response = await p.app.request('/v1/token', {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: engineerApp,
        refresh_token: refreshToken,
      }),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  },
}

async function signIn(propusk: TestPropusk): Promise<string> {
  const { status, body } = await requests['password sign-in'](propusk)
  expect(status, JSON.stringify(body)).toBe(200)
  return String(body.refresh_token)
}

describe.each(['redis', 'upstash'] as const)('state store frozen (%s adapter)', (kind) => {
  it('answers 503 dependency_unavailable within the deadline, then recovers', async () => {
    const { propusk, process } = await frozenSetup(kind)
    const refreshToken = await signIn(propusk)

    process.freeze()
    for (const [name, request] of Object.entries(requests)) {
      const { value, ms } = await timed(() => request(propusk, refreshToken))
      expect(value.status, `${name}: ${JSON.stringify(value.body)}`).toBe(503)
      expect(value.body.error, name).toMatchObject({
        code: 'dependency_unavailable',
        dependency: 'state',
      })
      expect(ms, name).toBeGreaterThanOrEqual(STATE_TIMEOUT_MS - 5)
      expect(ms, name).toBeLessThan(STATE_TIMEOUT_MS + MARGIN_MS)
    }
    const health = await timed(() => propusk.app.request('/healthz'))
    expect(health.value.status).toBe(503)
    expect(health.ms).toBeLessThan(STATE_TIMEOUT_MS + MARGIN_MS)

    process.thaw()
    expect((await requests['sign-in start'](propusk)).status).toBe(200)
    // Another person: the frozen send to `phone` reached Redis after SIGCONT and started its
    // resend cooldown.
    const other = await post(propusk, '/v1/auth/sms-otp/send', {
      login: otherPhone,
      clientId: engineerApp,
    })
    expect(other.status, JSON.stringify(other.body)).toBe(200)
    // The frozen refresh never reached SQL, so the token is still the current one.
    const refreshed = await requests['token refresh'](propusk, refreshToken)
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200)
    expect((await propusk.app.request('/healthz')).status).toBe(200)
  }, 30_000)
})
