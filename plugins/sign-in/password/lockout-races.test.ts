/**
 * The password lockout against concurrency and notation tricks, through the real app on every
 * state-store adapter: bursts from many IPs cannot get more passwords evaluated than the lockout
 * allows, and a login is counted the same way whatever its notation and whether or not an
 * account has it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { StateStore } from 'propusk/plugin'
import {
  backgroundTasksSettled,
  createTestPropusk,
  fromIp,
  stateStores,
  type TestPropusk,
} from 'propusk/testing'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(state: StateStore, settings: Record<string, unknown> = {}) {
  running = await createTestPropusk({ settings: { password: settings }, state, ipHeader: true })
  await running.createApp({ id: 'engineer-app', type: 'engineer-mobile' })
  return running
}

const RIGHT = 'верный пароль тут'

async function signIn(propusk: TestPropusk, login: string, password: string, ip: string) {
  const response = await propusk.request('/v1/auth/password/sign-in', {
    body: { clientId: 'engineer-app', login, password },
    headers: fromIp(ip),
  })
  const body = (await response.json()) as { error?: { code: string } }
  return { status: response.status, code: body.error?.code ?? null }
}

const ips = (n: number, net: string) => Array.from({ length: n }, (_, i) => `${net}.${i + 1}`)
const statusCount = (answers: Array<{ status: number }>, status: number) =>
  answers.filter((a) => a.status === status).length

describe.each(stateStores)('password lockout under concurrency (%s)', (_name, openState) => {
  it('20 simultaneous wrong passwords from 20 IPs: exactly 5 evaluated', async () => {
    const p = await start(openState())
    await p.insertUser({ email: 'target@example.com', password: RIGHT })
    const answers = await Promise.all(
      ips(20, '10.1.0').map((ip) => signIn(p, 'target@example.com', 'wrong guess', ip)),
    )
    expect(statusCount(answers, 401)).toBe(5)
    expect(statusCount(answers, 429)).toBe(15)
    expect(new Set(answers.filter((a) => a.status === 429).map((a) => a.code))).toEqual(
      new Set(['too_many_attempts']),
    )
  })

  it('the right password sent into the burst once the lock is reached does not sign in', async () => {
    const p = await start(openState())
    await p.insertUser({ email: 'target@example.com', password: RIGHT })
    const wrongs = ips(19, '10.2.0').map((ip) => signIn(p, 'target@example.com', 'wrong guess', ip))
    // The first refusal proves the lock is in place while the others are still being hashed.
    await new Promise<void>((resolve) => {
      for (const answer of wrongs) void answer.then((a) => a.status === 429 && resolve())
      void Promise.all(wrongs).then(() => resolve())
    })
    const right = await signIn(p, 'target@example.com', RIGHT, '10.2.0.20')
    const answers = await Promise.all(wrongs)
    expect(statusCount(answers, 401)).toBe(5)
    expect(right).toEqual({ status: 429, code: 'too_many_attempts' })
  })

  it('counts a login alike in every notation, whether or not an account has it', async () => {
    const p = await start(openState())
    await p.insertUser({ phone: '+79161234567', password: RIGHT })
    const run = async (e164: string, notations: string[], net: string) => {
      const answers = []
      for (const [i, login] of [...Array(5).fill(e164), ...notations].entries()) {
        answers.push(await signIn(p, login as string, 'wrong guess', `${net}.${i + 1}`))
      }
      return answers
    }
    const known = await run('+79161234567', ['8(916)123-45-67', '+7-916-123-45-67'], '10.3.0')
    const unknown = await run('+79161234599', ['8(916)123-45-99', '+7-916-123-45-99'], '10.3.1')
    expect(unknown).toEqual(known)
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429, 429])
  })

  it('successes do not count against the IP; the account lock still applies', async () => {
    const p = await start(openState(), { maxFailuresPerIp: 2, maxFailuresBeforeLockout: 2 })
    await p.insertUser({ email: 'a@example.com', password: RIGHT })
    await p.insertUser({ email: 'b@example.com', password: RIGHT })
    for (let i = 0; i < 3; i++) {
      expect((await signIn(p, 'a@example.com', RIGHT, '10.4.0.1')).status).toBe(200)
    }
    expect((await signIn(p, 'b@example.com', 'wrong guess', '10.4.0.1')).status).toBe(401)
    expect((await signIn(p, 'a@example.com', 'wrong guess', '10.4.0.1')).status).toBe(401)
    // Two failures from this IP: it is locked, and its refusals count against no account.
    expect((await signIn(p, 'b@example.com', RIGHT, '10.4.0.1')).status).toBe(429)
    expect((await signIn(p, 'b@example.com', RIGHT, '10.4.0.2')).status).toBe(200)
  })

  it('a completed password reset ends the lockout of each of the person’s logins', async () => {
    const p = await start(openState(), { maxFailuresBeforeLockout: 2 })
    await p.insertUser({ phone: '+79161234567', email: 'olga@example.com', password: RIGHT })
    for (const login of [
      '8 916 123-45-67',
      '8 916 123-45-67',
      'Olga@example.com',
      'olga@example.com',
    ]) {
      expect((await signIn(p, login, 'wrong guess', '10.5.0.1')).status).toBe(401)
    }
    expect((await signIn(p, '+79161234567', RIGHT, '10.5.0.2')).status).toBe(429)
    expect((await signIn(p, 'olga@example.com', RIGHT, '10.5.0.2')).status).toBe(429)
    await p.request('/v1/password-resets', {
      body: { login: 'olga@example.com' },
      headers: fromIp('10.5.0.3'),
    })
    await backgroundTasksSettled()
    const token = (await p.deliveries.last('olga@example.com')).linkToken
    expect(token).toEqual(expect.any(String))
    const password = 'новый надёжный пароль'
    const done = await p.request('/v1/password-resets/complete', { body: { token, password } })
    expect(done.status).toBe(200)
    expect((await signIn(p, '+7 916 123 45 67', password, '10.5.0.4')).status).toBe(200)
    expect((await signIn(p, 'olga@example.com', password, '10.5.0.4')).status).toBe(200)
  })
})
