import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { backgroundTasksSettled } from '../../kernel/http/background.ts'
import {
  insertApp,
  insertUser,
  linkToken,
  outbox,
  postJson,
  testEnv,
} from '../../../test/support/account.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

let offsetMs = 0
async function start() {
  offsetMs = 0
  running = await createTestPropusk({ env: testEnv(), now: () => new Date(Date.now() + offsetMs) })
  await insertApp(running, { id: 'engineer-app', type: 'engineer-mobile' })
  return running
}

const requestReset = async (propusk: TestPropusk, login: string, ip = '10.1.0.1') => {
  const response = await postJson(
    propusk,
    '/v1/password-resets',
    { login },
    { 'CF-Connecting-IP': ip },
  )
  // The link is sent after the answer (same timing for every login): wait for it.
  await backgroundTasksSettled()
  return { status: response.status, body: await response.json() }
}

describe('password reset by link', () => {
  it('answers every request the same and sends links only to active users', async () => {
    const propusk = await start()
    await insertUser(propusk, { phone: '+79160000001', email: null, password: 'какой-то пароль' })
    await insertUser(propusk, { email: 'invited@example.com', status: 'invited' })
    await insertUser(propusk, {
      email: 'blocked@example.com',
      status: 'blocked',
      password: 'какой-то пароль',
    })
    const answers = await Promise.all([
      requestReset(propusk, '8 916 000-00-01'),
      requestReset(propusk, 'nobody@example.com'),
      requestReset(propusk, 'invited@example.com'),
      requestReset(propusk, 'blocked@example.com'),
    ])
    for (const answer of answers) expect(answer).toEqual({ status: 202, body: { accepted: true } })
    const [sms] = await outbox(propusk, '+79160000001')
    expect(sms).toMatchObject({ channel: 'sms', purpose: 'password_reset' })
    // An SMS carries the short form of the link, which opens the same page.
    const link = /http:\/\/localhost:8787\/r\/[\w-]{22}$/.exec(sms?.text ?? '')?.[0]
    expect(link, sms?.text).toBeDefined()
    const page = await propusk.app.request(`${link}?lang=en`)
    expect(await page.text()).toContain('data-endpoint="/v1/password-resets/complete"')
    expect(await outbox(propusk, 'invited@example.com')).toEqual([])
    expect(await outbox(propusk, 'blocked@example.com')).toEqual([])
  })

  it('limits links per login silently and requests per IP with 429', async () => {
    const propusk = await start()
    await insertUser(propusk, { email: 'flood@example.com', password: 'какой-то пароль' })
    for (let i = 0; i < 5; i++) {
      expect((await requestReset(propusk, 'flood@example.com', `10.2.0.${i}`)).status).toBe(202)
    }
    expect((await outbox(propusk, 'flood@example.com')).length).toBe(3)
    const fromOneIp = []
    for (let i = 0; i < 11; i++)
      fromOneIp.push((await requestReset(propusk, `x${i}@example.com`, '10.3.0.1')).status)
    expect(fromOneIp.at(-1)).toBe(429)
  })

  it('sets the new password once, ends every session, and expires after an hour', async () => {
    const propusk = await start()
    const id = await insertUser(propusk, {
      email: 'olga@example.com',
      password: 'забытый пароль 1',
    })
    const signIn = (password: string) =>
      postJson(propusk, '/v1/auth/password/sign-in', {
        login: 'olga@example.com',
        password,
        clientId: 'engineer-app',
      })
    const session = await (await signIn('забытый пароль 1')).json()
    expect(session.access_token).toBeTruthy()

    await requestReset(propusk, 'olga@example.com')
    const token = await linkToken(propusk, 'olga@example.com', '/reset-password')
    const page = await propusk.app.request(`/reset-password?token=${token}&lang=ru`)
    expect(await page.text()).toContain('data-endpoint="/v1/password-resets/complete"')

    const weak = await postJson(propusk, '/v1/password-resets/complete', {
      token,
      password: 'password1',
    })
    expect((await weak.json()).error.code).toBe('password_too_common')
    const done = await postJson(propusk, '/v1/password-resets/complete', {
      token,
      password: 'новый надёжный пароль',
    })
    expect(done.status).toBe(200)
    expect(await propusk.services.identity.sessions.list(id)).toEqual([])
    const me = await propusk.app.request('/v1/me', {
      headers: { Authorization: `Bearer ${session.access_token}` },
    })
    expect(me.status).toBe(401)
    expect((await signIn('забытый пароль 1')).status).toBe(401)
    expect((await signIn('новый надёжный пароль')).status).toBe(200)

    const reused = await postJson(propusk, '/v1/password-resets/complete', {
      token,
      password: 'ещё один пароль тут',
    })
    expect((await reused.json()).error.code).toBe('reset_link_invalid')

    offsetMs = 1000
    await requestReset(propusk, 'olga@example.com', '10.1.0.2')
    const late = await linkToken(propusk, 'olga@example.com', '/reset-password')
    offsetMs = 3600_000 + 5000
    const expired = await postJson(propusk, '/v1/password-resets/complete', {
      token: late,
      password: 'ещё один пароль тут',
    })
    expect((await expired.json()).error.code).toBe('reset_link_invalid')
    expect(
      await (await propusk.app.request(`/reset-password?token=${late}&lang=en`)).text(),
    ).toContain('This link no longer works')
  })

  it('lets an admin send a reset to active users only', async () => {
    const propusk = await start()
    const active = await insertUser(propusk, {
      email: 'active@example.com',
      password: 'какой-то пароль',
    })
    const invited = await insertUser(propusk, { email: 'new@example.com', status: 'invited' })
    await propusk.services.identity.passwordResets.send(active, { actorId: null })
    expect((await outbox(propusk, 'active@example.com'))[0]?.subject).toContain(
      'Сброс пароля в Пропуске',
    )
    await expect(
      propusk.services.identity.passwordResets.send(invited, { actorId: null }),
    ).rejects.toMatchObject({
      code: 'reset_not_allowed',
    })
  })

  it('serves the request form when the page has no token', async () => {
    const propusk = await start()
    const html = await (
      await propusk.app.request('/reset-password', { headers: { 'Accept-Language': 'ru' } })
    ).text()
    expect(html).toContain('Забыли пароль?')
    expect(html).toContain('data-endpoint="/v1/password-resets"')
  })
})
