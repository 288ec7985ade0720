import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type StateStoreKind, type TestPropusk } from 'propusk/testing'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(
  options: {
    settings?: Record<string, unknown>
    env?: Record<string, string>
    state?: StateStoreKind
  } = {},
) {
  running = await createTestPropusk({
    ...(options.settings ? { settings: { password: options.settings } } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.state ? { state: options.state } : {}),
  })
  await running.createApp({ id: 'engineer-app', type: 'engineer-mobile' })
  return running
}

const signIn = (propusk: TestPropusk, body: Record<string, unknown>, ip = '10.0.0.1') =>
  propusk.request('/v1/auth/password/sign-in', {
    body: { clientId: 'engineer-app', ...body },
    headers: { 'CF-Connecting-IP': ip },
  })

async function passwordHashOf(propusk: TestPropusk, userId: string): Promise<unknown> {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT password_hash FROM users WHERE id = ?',
    args: [userId],
  })
  return rows[0]?.password_hash
}

/** Status and body without the per-request id: what a guesser can compare. */
async function outward(response: Response) {
  const body = (await response.json()) as { error: Record<string, unknown> }
  delete body.error.requestId
  return { status: response.status, body, retryAfter: response.headers.get('retry-after') }
}

describe('password sign-in', () => {
  it('signs in with a phone in any notation or an e-mail and returns verifiable tokens', async () => {
    const propusk = await start()
    await propusk.insertUser({
      phone: '+79161234567',
      email: 'ivan@example.com',
      password: 'горный ручей 42',
    })
    const byPhone = await signIn(propusk, {
      login: '8 (916) 123-45-67',
      password: 'горный ручей 42',
      deviceLabel: 'Pixel 8',
    })
    expect(byPhone.status).toBe(200)
    const tokens = await byPhone.json()
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      access_token: expect.any(String),
      refresh_token: expect.any(String),
    })
    const me = await propusk.app.request('/v1/me', {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    })
    expect(me.status).toBe(200)
    const byEmail = await signIn(propusk, {
      login: ' Ivan@Example.COM ',
      password: 'горный ручей 42',
    })
    expect(byEmail.status).toBe(200)
    // NFKC on the way in: full-width digits are the same password.
    expect(
      (await signIn(propusk, { login: 'ivan@example.com', password: 'горный ручей ４２' })).status,
    ).toBe(200)
  })

  it('answers unknown logins, wrong passwords and invited accounts identically (R3)', async () => {
    const propusk = await start()
    await propusk.insertUser({ email: 'known@example.com', password: 'правильный пароль' })
    await propusk.insertUser({ email: 'invited@example.com', status: 'invited' })
    const cases = {
      unknown: { login: 'nobody@example.com', password: 'правильный пароль' },
      wrong: { login: 'known@example.com', password: 'неправильный пароль' },
      invited: { login: 'invited@example.com', password: 'правильный пароль' },
    }
    const answers = {
      unknown: await outward(await signIn(propusk, cases.unknown, '10.0.0.2')),
      wrong: await outward(await signIn(propusk, cases.wrong, '10.0.0.3')),
      invited: await outward(await signIn(propusk, cases.invited, '10.0.0.4')),
    }
    expect(answers.unknown).toEqual({
      status: 401,
      body: { error: { code: 'invalid_credentials', message: 'Wrong login or password.' } },
      retryAfter: null,
    })
    expect(answers.wrong).toEqual(answers.unknown)
    expect(answers.invited).toEqual(answers.unknown)

    // About the same time: every path runs one PBKDF2 (median of a few, loose bounds).
    const median = async (body: Record<string, unknown>, ip: string) => {
      const times: number[] = []
      for (let i = 0; i < 3; i++) {
        const started = performance.now()
        await signIn(propusk, body, ip)
        times.push(performance.now() - started)
      }
      return times.sort((a, b) => a - b)[1] as number
    }
    const unknownTime = await median(cases.unknown, '10.0.1.1')
    const wrongTime = await median(cases.wrong, '10.0.1.2')
    const invitedTime = await median(cases.invited, '10.0.1.3')
    for (const time of [unknownTime, invitedTime]) {
      expect(time).toBeGreaterThan(wrongTime / 3)
      expect(time).toBeLessThan(wrongTime * 3)
    }
    const { rows } = await propusk.services.sql.execute(
      "SELECT details FROM audit_log WHERE action = 'sign_in.password' AND result = 'failure'",
    )
    const reasons = rows.map((r) => JSON.parse(String(r.details)).reason)
    expect(reasons).toEqual(
      expect.arrayContaining(['unknown_login', 'wrong_password', 'not_activated']),
    )
    expect(rows.map((r) => String(r.details)).join()).not.toContain('пароль')
  })

  it('tells a blocked user so only after the right password', async () => {
    const propusk = await start()
    await propusk.insertUser({
      email: 'blocked@example.com',
      status: 'blocked',
      password: 'заблокированный пароль',
    })
    const wrong = await signIn(propusk, { login: 'blocked@example.com', password: 'не тот пароль' })
    expect((await outward(wrong)).body.error.code).toBe('invalid_credentials')
    const right = await signIn(propusk, {
      login: 'blocked@example.com',
      password: 'заблокированный пароль',
    })
    expect(right.status).toBe(403)
    expect((await right.json()).error.code).toBe('account_blocked')
  })

  it('re-hashes on sign-in when the parameters or the pepper changed', async () => {
    const propusk = await start({ env: { PASSWORD_PEPPER: 'a-long-server-side-pepper' } })
    const id = await propusk.insertUser({
      email: 'old@example.com',
      password: 'старый добрый пароль',
      iterations: 20_000,
      pepper: '',
    })
    expect(await passwordHashOf(propusk, id)).toMatch(/^pbkdf2-sha256\$i=20000\$/)
    expect(
      (await signIn(propusk, { login: 'old@example.com', password: 'старый добрый пароль' }))
        .status,
    ).toBe(200)
    const upgraded = await passwordHashOf(propusk, id)
    expect(upgraded).toMatch(/^pbkdf2-sha256\$i=100000,p=[\w-]{8}\$/)
    expect(
      (await signIn(propusk, { login: 'old@example.com', password: 'старый добрый пароль' }))
        .status,
    ).toBe(200)
    expect(await passwordHashOf(propusk, id)).toBe(upgraded)
  })

  it('refuses an app the user has no role for, and unknown apps', async () => {
    const propusk = await start()
    await propusk.insertUser({ email: 'field@example.com', password: 'полевой инженер' })
    const denied = await signIn(propusk, {
      login: 'field@example.com',
      password: 'полевой инженер',
      clientId: 'admin-console',
    })
    expect(denied.status).toBe(403)
    expect((await denied.json()).error.code).toBe('app_access_denied')
    const unknownApp = await signIn(propusk, {
      login: 'field@example.com',
      password: 'полевой инженер',
      clientId: 'nope',
    })
    expect((await unknownApp.json()).error.code).toBe('app_not_found')
  })
})

describe.each(['memory', 'redis-tcp'] as const)('lockout per account (%s state store)', (state) => {
  const settings = { maxFailuresBeforeLockout: 3, lockoutBaseSeconds: 1, lockoutMaxSeconds: 4 }
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  it('locks after N failures for a growing time, across IPs; a success resets the count', async () => {
    const propusk = await start({ settings, state })
    await propusk.insertUser({ email: 'target@example.com', password: 'верный пароль тут' })
    const wrong = (ip: string) =>
      signIn(propusk, { login: 'target@example.com', password: 'guess-password' }, ip)
    const right = (ip: string) =>
      signIn(propusk, { login: 'target@example.com', password: 'верный пароль тут' }, ip)

    // Different IPs: the count is per account, not per client.
    for (const ip of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) expect((await wrong(ip)).status).toBe(401)
    const locked = await outward(await right('4.4.4.4'))
    expect(locked).toMatchObject({
      status: 429,
      body: { error: { code: 'too_many_attempts', retryAfterSeconds: 1 } },
      retryAfter: '1',
    })

    await sleep(1100)
    expect((await wrong('5.5.5.5')).status).toBe(401) // 4th failure: locked for 2 s now
    const longer = await outward(await right('6.6.6.6'))
    expect(longer.status).toBe(429)
    expect(longer.retryAfter).toBe('2')

    await sleep(2100)
    expect((await right('7.7.7.7')).status).toBe(200)
    // Reset: the next failure starts from one again (no lockout yet).
    expect((await wrong('8.8.8.8')).status).toBe(401)
    expect((await right('8.8.8.8')).status).toBe(200)
  }, 20_000)

  it('locks unknown logins the same way, so lockouts reveal nothing', async () => {
    const propusk = await start({ settings, state })
    await propusk.insertUser({ email: 'real@example.com', password: 'настоящий пароль' })
    const answers = {
      real: [] as Array<{ status: number }>,
      ghost: [] as Array<{ status: number }>,
    }
    for (let i = 0; i < 4; i++) {
      answers.real.push(
        await outward(
          await signIn(
            propusk,
            { login: 'real@example.com', password: 'bad-guess-1' },
            `9.0.0.${i}`,
          ),
        ),
      )
      answers.ghost.push(
        await outward(
          await signIn(
            propusk,
            { login: 'ghost@example.com', password: 'bad-guess-1' },
            `9.0.1.${i}`,
          ),
        ),
      )
    }
    expect(answers.ghost).toEqual(answers.real)
    expect(answers.real.map((a) => a.status)).toEqual([401, 401, 401, 429])
  }, 20_000)
})
