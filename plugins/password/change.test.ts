import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../test/support/propusk.ts'
import { insertApp, insertUser, postJson, testEnv } from '../../test/support/account.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

describe('password change', () => {
  it('needs a token and the current password, applies the rules and ends the other sessions', async () => {
    const propusk = (running = await createTestPropusk({ env: testEnv() }))
    await insertApp(propusk, { id: 'engineer-app', type: 'engineer-mobile' })
    const id = await insertUser(propusk, {
      email: 'pavel@example.com',
      password: 'первый пароль 2020',
      displayName: 'Павел',
    })
    const signIn = async (password: string) =>
      postJson(propusk, '/v1/auth/password/sign-in', {
        login: 'pavel@example.com',
        password,
        clientId: 'engineer-app',
      })
    const phone = await (await signIn('первый пароль 2020')).json()
    const tablet = await (await signIn('первый пароль 2020')).json()
    const change = (body: unknown, token?: string) =>
      postJson(
        propusk,
        '/v1/auth/password/change',
        body,
        token ? { Authorization: `Bearer ${token}` } : {},
      )

    expect(
      (await change({ currentPassword: 'первый пароль 2020', newPassword: 'второй пароль 2021' }))
        .status,
    ).toBe(401)
    const wrongCurrent = await change(
      { currentPassword: 'не тот', newPassword: 'второй пароль 2021' },
      phone.access_token,
    )
    expect(wrongCurrent.status).toBe(400)
    expect((await wrongCurrent.json()).error.code).toBe('current_password_incorrect')
    const weak = await change(
      { currentPassword: 'первый пароль 2020', newPassword: 'Павел2021' },
      phone.access_token,
    )
    expect((await weak.json()).error).toMatchObject({
      code: 'password_contains_identity',
      fields: [{ field: 'newPassword' }],
    })

    const ok = await change(
      { currentPassword: 'первый пароль 2020', newPassword: 'второй пароль 2021' },
      phone.access_token,
    )
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ changed: true, sessionsEnded: 1 })
    const sessions = await propusk.services.identity.sessions.list(id)
    expect(sessions.map((s) => s.id)).toEqual([phone.session_id])
    // The tablet's session is over; the phone's goes on.
    const tabletMe = await propusk.app.request('/v1/me', {
      headers: { Authorization: `Bearer ${tablet.access_token}` },
    })
    expect(tabletMe.status).toBe(401)
    const phoneMe = await propusk.app.request('/v1/me', {
      headers: { Authorization: `Bearer ${phone.access_token}` },
    })
    expect(phoneMe.status).toBe(200)
    expect((await signIn('первый пароль 2020')).status).toBe(401)
    expect((await signIn('второй пароль 2021')).status).toBe(200)
  })
})
