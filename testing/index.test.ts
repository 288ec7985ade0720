/**
 * The test kit itself: one clock for the app and the state store, the fixtures, and the same
 * harness for a plugin before and after it is registered.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { consoleDelivery } from '../plugins/delivery/console/index.ts'
import {
  backgroundTasksSettled,
  createClock,
  createTestPropusk,
  fromIp,
  json,
  registeredPlugins,
  type TestPropusk,
} from './index.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const start = async (options: Parameters<typeof createTestPropusk>[0] = {}) =>
  (running = await createTestPropusk(options))

describe('the clock', () => {
  it('moves only by advance when frozen, and shifts real time otherwise', () => {
    const frozen = createClock(new Date('2026-03-01T10:00:00Z'))
    frozen.advance(90)
    expect(frozen.now().toISOString()).toBe('2026-03-01T10:01:30.000Z')
    expect(frozen.epochMs()).toBe(frozen.now().getTime())
    const live = createClock()
    live.advance(3600)
    expect(live.epochMs() - Date.now()).toBeGreaterThan(3590_000)
    live.freeze(new Date('2026-03-01T10:00:00Z'))
    live.advance(-60)
    expect(live.now().toISOString()).toBe('2026-03-01T09:59:00.000Z')
    expect(() => live.advance(Number.NaN)).toThrow(/not a number/)
  })

  it('expires a one-time code in the app and the state store together', async () => {
    const p = await start()
    const clientId = await p.createApp({ type: 'engineer-mobile', methods: ['sms-otp'] })
    const phone = '+79161234567'
    await p.insertUser({ phone })
    const send = async () => {
      const sent = await p.request('/v1/auth/sms-otp/send', { body: { login: phone, clientId } })
      expect(sent.status).toBe(200)
      return {
        challengeId: (await json(sent)).challengeId,
        code: (await p.deliveries.last(phone)).code,
      }
    }
    const verify = (challenge: { challengeId: unknown; code: string | null }) =>
      p.request('/v1/auth/sms-otp/verify', { body: { ...challenge, clientId } })

    // Just inside the code's 5 minutes it still works…
    const first = await send()
    p.clock.advance(5 * 60 - 2)
    expect((await verify(first)).status).toBe(200)
    // …and just past them it has expired.
    const second = await send()
    p.clock.advance(5 * 60 + 1)
    const late = await verify(second)
    expect(late.status).toBe(400)
    expect(await json(late)).toMatchObject({ error: { code: 'code_expired' } })
  })

  it('ends a password lockout when its time has passed', async () => {
    const p = await start({
      settings: { password: { maxFailuresBeforeLockout: 2, lockoutBaseSeconds: 60 } },
      ipHeader: true,
    })
    const clientId = await p.createApp({ type: 'engineer-mobile', methods: ['password'] })
    await p.insertUser({ email: 'ivan@example.com', password: 'верный пароль тут' })
    const signIn = (password: string) =>
      p.request('/v1/auth/password/sign-in', {
        body: { clientId, login: 'ivan@example.com', password },
        headers: fromIp('198.51.100.7'),
      })

    expect((await signIn('wrong 1')).status).toBe(401)
    expect((await signIn('wrong 2')).status).toBe(401)
    const locked = await signIn('верный пароль тут')
    expect(locked.status).toBe(429)
    expect(await json(locked)).toMatchObject({ error: { code: 'too_many_attempts' } })
    p.clock.advance(30)
    expect((await signIn('верный пароль тут')).status).toBe(429)
    p.clock.advance(31)
    expect((await signIn('верный пароль тут')).status).toBe(200)
  })

  it('expires access tokens the app issued', async () => {
    const p = await start()
    const role = await p.createRole({ appTypes: ['admin-console'] })
    const user = await p.insertUser({ roleIds: [role] })
    const tokens = await p.signInAs(user, 'admin-console')
    expect((await p.request('/v1/me', { token: tokens.accessToken })).status).toBe(200)
    p.clock.advance(tokens.expiresIn + 1)
    expect((await p.request('/v1/me', { token: tokens.accessToken })).status).toBe(401)
  })
})

describe('fixtures', () => {
  it('signs a person in only to apps their roles grant', async () => {
    const p = await start()
    const web = await p.createApp({ type: 'web', methods: ['password', 'email-otp'] })
    const mobile = await p.createApp({ type: 'customer-mobile' })
    const role = await p.createRole({ appTypes: ['web'] })
    const user = await p.insertUser({ kind: 'customer', roleIds: [role] })

    const tokens = await p.signInAs(user, web)
    const me = await p.request('/v1/me', { token: tokens.accessToken })
    expect(me.status).toBe(200)
    expect(await json(me)).toMatchObject({ user: { id: user }, app: { id: web } })
    await expect(p.signInAs(user, mobile)).rejects.toMatchObject({ code: 'app_access_denied' })
  })

  it('registers apps with redirect URIs and a hashed client secret', async () => {
    const p = await start()
    const web = await p.createApp({ type: 'web', redirectUris: ['https://rp.example.com/cb'] })
    const api = await p.createApp({ type: 'api-only', secret: 's3cret-value-long-enough' })
    const apps = p.services.identity.apps
    expect(await apps.get(web)).toMatchObject({
      redirectUris: ['https://rp.example.com/cb'],
      hasSecret: false,
    })
    expect(await apps.get(api)).toMatchObject({ hasSecret: true, signInMethods: ['password'] })
  })

  it('reads what console delivery sent, newest first', async () => {
    const p = await start()
    await p.createApp({ id: 'engineer-app', type: 'engineer-mobile', methods: ['email-otp'] })
    await p.insertUser({ email: 'olga@example.com' })
    const body = { login: 'olga@example.com', clientId: 'engineer-app' }
    expect((await p.request('/v1/auth/email-otp/send', { body })).status).toBe(200)
    const last = await p.deliveries.last('olga@example.com')
    expect(last).toMatchObject({ channel: 'email', purpose: expect.any(String) })
    expect(last.code).toMatch(/^\d{4,10}$/)
    expect(await p.deliveries.list()).toHaveLength(1)
    await expect(p.deliveries.last('nobody@example.com')).rejects.toThrow(/nothing was sent/)
  })

  it('reads the token of a reset link, long in an e-mail and short in an SMS', async () => {
    const p = await start({ env: { PUBLIC_URL: 'https://id.example.com' } })
    await p.createApp({ id: 'engineer-app', type: 'engineer-mobile' })
    // The link goes by e-mail to a person who has one, by SMS to one with only a phone.
    await p.insertUser({ email: 'olga@example.com', password: 'старый пароль тут' })
    await p.insertUser({ phone: '+79161234567', password: 'старый пароль тут' })
    for (const [login, channel] of [
      ['olga@example.com', 'email'],
      ['+79161234567', 'sms'],
    ] as const) {
      expect((await p.request('/v1/password-resets', { body: { login } })).status).toBe(202)
      await backgroundTasksSettled()
      const sent = await p.deliveries.last(login)
      expect(sent.channel).toBe(channel)
      // The token read is the one the link carries: completing the reset with it works.
      const password = `новый пароль для ${channel}`
      const done = await p.request('/v1/password-resets/complete', {
        body: { token: sent.linkToken, password },
      })
      expect(done.status).toBe(200)
    }
    expect((await p.deliveries.last('+79161234567')).text).toMatch(/\/r\//)
  })
})

describe('state stores', () => {
  it.each([
    ['redis-tcp', 'redis'],
    ['upstash', 'upstash'],
  ] as const)('runs the app on %s when asked, with one-time codes working', async (kind, port) => {
    const p = await start({ state: kind })
    expect(p.services.state.kind).toBe(port)
    const clientId = await p.createApp({ type: 'engineer-mobile', methods: ['sms-otp'] })
    await p.insertUser({ phone: '+79161234567' })
    const sent = await p.request('/v1/auth/sms-otp/send', {
      body: { login: '+79161234567', clientId },
    })
    expect(sent.status).toBe(200)
    const { challengeId } = await json(sent)
    const { code } = await p.deliveries.last('+79161234567')
    const verified = await p.request('/v1/auth/sms-otp/verify', {
      body: { challengeId, code, clientId },
    })
    expect(verified.status).toBe(200)
  })
})

describe('a plugin under test', () => {
  // console-delivery stands for any plugin with migrations and routes.
  const loaded = (p: TestPropusk) => p.plugins.filter((l) => l.plugin.id === 'console-delivery')

  it('loads before it is registered', async () => {
    const unregistered = registeredPlugins.filter((plugin) => plugin.id !== consoleDelivery.id)
    const p = await start({ plugins: [...unregistered, consoleDelivery] })
    expect(loaded(p)).toHaveLength(1)
  })

  it('loads once after it is registered, the test’s copy replacing the registered one', async () => {
    expect(registeredPlugins.map((plugin) => plugin.id)).toContain(consoleDelivery.id)
    const copy = { ...consoleDelivery, description: 'the copy under test' }
    const p = await start({ plugins: [...registeredPlugins, copy] })
    expect(loaded(p)).toHaveLength(1)
    expect(loaded(p)[0]?.plugin.description).toBe('the copy under test')
    // Its migrations ran once: its outbox table is there, still empty.
    expect(await p.deliveries.list()).toEqual([])
  })
})
