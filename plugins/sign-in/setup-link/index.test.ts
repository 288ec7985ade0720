import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from 'propusk/testing'
import { issueSetupToken } from './index.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const verify = (propusk: TestPropusk, token: string) =>
  propusk.app.request('/v1/auth/setup-link/verify', {
    method: 'POST',
    body: JSON.stringify({ token }),
    headers: { 'Content-Type': 'application/json' },
  })

describe('setup-link', () => {
  it('prints a one-time link at start while no administrator exists', async () => {
    running = await createTestPropusk()
    const printed: string[] = []
    const original = console.log
    console.log = (text: string) => printed.push(text)
    try {
      await running.start()
    } finally {
      console.log = original
    }
    const token = /\/setup\?token=([\w-]+)/.exec(printed.join('\n'))?.[1]
    expect(token).toBeDefined()
    expect((await verify(running, token as string)).status).toBe(200)
    expect(await (await running.app.request('/v1/auth/setup-link/status')).json()).toEqual({
      pending: true,
    })
  })

  it('retires the previous link when a new one is issued, and rejects unknown ones', async () => {
    running = await createTestPropusk()
    const first = await issueSetupToken(running.services.sql, new Date(), 24)
    const second = await issueSetupToken(running.services.sql, new Date(), 24)
    expect((await verify(running, first)).status).toBe(400)
    expect((await verify(running, second)).status).toBe(200)
    const unknown = await verify(running, 'x'.repeat(43))
    expect((await unknown.json()).error.code).toBe('setup_link_invalid')
  })

  it('expires links and limits guesses per IP', async () => {
    running = await createTestPropusk()
    const old = await issueSetupToken(
      running.services.sql,
      new Date(Date.now() - 25 * 3600_000),
      24,
    )
    expect((await verify(running, old)).status).toBe(400)
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await verify(running, 'y'.repeat(43))).status)
    expect(statuses.at(-1)).toBe(429)
    const limited = await verify(running, 'y'.repeat(43))
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})

describe('setup-link completion (first administrator)', () => {
  const complete = (propusk: TestPropusk, body: Record<string, unknown>) =>
    propusk.app.request('/v1/auth/setup-link/complete', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    })
  const admin = {
    displayName: 'Мария Админова',
    email: 'Maria@Example.com',
    phone: '8 916 555-44-33',
  }

  it('creates an active Administrator who can sign in to the admin console, once', async () => {
    running = await createTestPropusk({
      env: { PLUGIN_SETTINGS: '{"console-delivery":{"printToTerminal":false}}' },
    })
    const token = await issueSetupToken(running.services.sql, new Date(), 24)

    const weak = await complete(running, { token, ...admin, password: 'maria2024' })
    expect((await weak.json()).error.code).toBe('password_contains_identity')
    const noLogin = await complete(running, {
      token,
      displayName: 'X',
      password: 'длинный пароль админа',
    })
    expect((await noLogin.json()).error).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'email' }],
    })
    const badPhone = await complete(running, {
      token,
      ...admin,
      phone: '12',
      password: 'длинный пароль админа',
    })
    expect((await badPhone.json()).error.fields).toEqual([
      { field: 'phone', message: expect.any(String) },
    ])

    const created = await complete(running, { token, ...admin, password: 'длинный пароль админа' })
    expect(created.status).toBe(201)
    const { user } = await created.json()
    expect(user).toMatchObject({
      email: 'maria@example.com',
      phone: '+79165554433',
      roleIds: ['role_administrator'],
    })
    const stored = await running.services.identity.users.get(user.id)
    expect(stored).toMatchObject({
      kind: 'employee',
      status: 'active',
      roleIds: ['role_administrator'],
    })
    expect(stored?.activatedAt).toBeTruthy()
    expect(await (await running.app.request('/v1/auth/setup-link/status')).json()).toEqual({
      pending: false,
    })

    const again = await complete(running, {
      token,
      ...admin,
      email: 'other@example.com',
      phone: undefined,
      password: 'длинный пароль админа',
    })
    expect((await again.json()).error.code).toBe('setup_link_invalid')

    const signIn = await running.app.request('/v1/auth/password/sign-in', {
      method: 'POST',
      body: JSON.stringify({
        login: '+7 916 555 44 33',
        password: 'длинный пароль админа',
        clientId: 'admin-console',
      }),
      headers: { 'Content-Type': 'application/json' },
    })
    expect(signIn.status).toBe(200)
    const tokens = await signIn.json()
    const me = await running.app.request('/v1/me', {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    })
    expect((await me.json()).permissions).toContain('users:write')
  })

  it('lets only one of several racing completions win', async () => {
    running = await createTestPropusk({
      env: { PLUGIN_SETTINGS: '{"console-delivery":{"printToTerminal":false}}' },
    })
    const token = await issueSetupToken(running.services.sql, new Date(), 24)
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        complete(running as TestPropusk, {
          token,
          displayName: `Admin ${i}`,
          email: `admin${i}@example.com`,
          password: 'длинный пароль админа',
        }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400, 400])
    const { rows } = await running.services.sql.execute(
      "SELECT COUNT(*) AS n FROM user_roles WHERE role_id = 'role_administrator'",
    )
    expect(rows[0]?.n).toBe(1)
  })

  it('serves the /setup page, which checks its link before showing the form', async () => {
    running = await createTestPropusk()
    const html = await (await running.app.request('/setup?token=abc&lang=en')).text()
    expect(html).toContain('Create the first administrator')
    expect(html).toContain('data-endpoint="/v1/auth/setup-link/complete"')
    expect(html).toContain(
      '"verify":{"endpoint":"/v1/auth/setup-link/verify","body":{"token":"abc"}}',
    )
  })
})
