import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from 'propusk/testing'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

describe('password change', () => {
  it('needs a token and the current password, applies the rules and ends the other sessions', async () => {
    const propusk = (running = await createTestPropusk())
    const clientId = await propusk.createApp({ type: 'engineer-mobile', methods: ['password'] })
    const id = await propusk.insertUser({
      email: 'pavel@example.com',
      password: 'первый пароль 2020',
      displayName: 'Павел',
    })
    const signIn = async (password: string) =>
      propusk.request('/v1/auth/password/sign-in', {
        body: { login: 'pavel@example.com', password, clientId },
      })
    const phone = await (await signIn('первый пароль 2020')).json()
    const tablet = await (await signIn('первый пароль 2020')).json()
    const change = (body: unknown, token?: string) =>
      propusk.request('/v1/auth/password/change', { body, ...(token ? { token } : {}) })

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
    expect((await propusk.request('/v1/me', { token: tablet.access_token })).status).toBe(401)
    expect((await propusk.request('/v1/me', { token: phone.access_token })).status).toBe(200)
    expect((await signIn('первый пароль 2020')).status).toBe(401)
    expect((await signIn('второй пароль 2021')).status).toBe(200)
  })
})
