/**
 * The password plugin's lockout thresholds come from its settings: a value saved in the console
 * applies to the next sign-in, without a restart (the guard reads the live settings per check).
 */
import { afterEach, expect, it } from 'vitest'
import { createTestPropusk, fromIp, type TestPropusk } from 'propusk/testing'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

it('a lockout threshold saved in the console applies to the next sign-in', async () => {
  const p = (running = await createTestPropusk({ ipHeader: true }))
  const admin = await p.insertUser({ roleIds: ['role_administrator'] })
  const { accessToken: token } = await p.signInAs(admin, 'admin-console')
  const clientId = await p.createApp({ type: 'engineer-mobile', methods: ['password'] })
  await p.insertUser({ email: 'ivan@example.com', password: 'верный пароль тут' })
  const save = (values: Record<string, unknown>) =>
    p.request('/v1/admin/plugins/password/settings', { method: 'PUT', token, body: { values } })
  const signIn = async (login: string, password: string, ip: string) => {
    const response = await p.request('/v1/auth/password/sign-in', {
      body: { clientId, login, password },
      headers: fromIp(ip),
    })
    const body = (await response.json()) as { error?: { code: string } }
    return { status: response.status, code: body.error?.code }
  }

  // The default (5 wrong passwords) leaves room after 2.
  for (let i = 0; i < 2; i++) {
    expect(await signIn('ivan@example.com', `wrong ${i}`, '198.51.100.1')).toMatchObject({
      status: 401,
    })
  }
  const saved = await save({ maxFailuresBeforeLockout: 3 })
  expect(saved.status).toBe(200)
  expect(await saved.json()).toMatchObject({ restartRequired: false })
  // Now the 3rd wrong password reaches the limit and starts the lock: even the right one waits.
  expect(await signIn('ivan@example.com', 'wrong 2', '198.51.100.2')).toMatchObject({
    status: 401,
  })
  const locked = await signIn('ivan@example.com', 'верный пароль тут', '198.51.100.2')
  expect(locked).toMatchObject({ status: 429, code: 'too_many_attempts' })

  // And back: a higher threshold lets the next failures through again (on another login).
  expect((await save({ maxFailuresBeforeLockout: 4 })).status).toBe(200)
  await p.insertUser({ email: 'olga@example.com', password: 'другой пароль тут' })
  for (let i = 0; i < 3; i++) {
    expect(await signIn('olga@example.com', `wrong ${i}`, '198.51.100.3')).toMatchObject({
      status: 401,
    })
  }
  expect(await signIn('olga@example.com', 'другой пароль тут', '198.51.100.3')).toMatchObject({
    status: 200,
  })
})
