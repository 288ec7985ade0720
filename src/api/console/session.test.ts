import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { createAdmin, quietDelivery, type TestAdmin } from '../../../test/support/admin.ts'
import {
  consoleHeaders,
  setCookieOf,
  setPassword,
  withConsole,
} from '../../../testing/fixtures/console-api.ts'

let propusk: TestPropusk
let admin: TestAdmin
const password = 'plum-harbor-sixty-lantern'

beforeEach(async () => {
  propusk = await createTestPropusk({ env: quietDelivery })
  withConsole(propusk)
  admin = await createAdmin(propusk)
  await setPassword(propusk, admin.user.id, password)
})
afterEach(async () => {
  await propusk.close()
})

const post = (path: string, body?: unknown, headers: Record<string, string> = consoleHeaders) =>
  propusk.app.request(path, {
    method: 'POST',
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })

async function signIn() {
  const response = await post('/v1/console/session', {
    via: 'password/sign-in',
    payload: { login: admin.user.email, password },
  })
  return { response, body: (await response.json()) as Record<string, unknown> }
}

async function sessionState(id: string) {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT revoked_at, revoked_reason FROM sessions WHERE id = ?',
    args: [id],
  })
  return rows[0]
}

describe('console session', () => {
  it('keeps the refresh token in an HttpOnly, SameSite=Strict cookie scoped to /v1/console', async () => {
    const { response, body } = await signIn()
    expect(response.status).toBe(200)
    expect(body).toMatchObject({
      accessToken: expect.any(String),
      expiresIn: expect.any(Number),
      sessionId: expect.stringMatching(/^ses_/),
      user: { id: admin.user.id, email: admin.user.email },
      permissions: expect.arrayContaining(['users:write', 'audit:read']),
      // createTestPropusk runs in development mode: the console offers its local tools.
      mode: 'development',
    })
    expect(JSON.stringify(body)).not.toMatch(/refresh/i)
    const cookie = setCookieOf(response)
    expect(cookie?.pair).toMatch(/^propusk_console=.{30,}/)
    expect(cookie?.attributes).toMatch(/HttpOnly/)
    expect(cookie?.attributes).toMatch(/SameSite=Strict/)
    expect(cookie?.attributes).toMatch(/Path=\/v1\/console/)
    expect(cookie?.attributes).toMatch(/Max-Age=\d+/)
    // The access token works on the admin API.
    const me = await propusk.app.request('/v1/admin/stats/dashboard', {
      headers: { Authorization: `Bearer ${String(body.accessToken)}` },
    })
    expect(me.status).toBe(200)
  })

  it('marks the cookie Secure when the public URL is https', async () => {
    await propusk.close()
    propusk = await createTestPropusk({
      env: { ...quietDelivery, PUBLIC_URL: 'https://id.example.com' },
    })
    withConsole(propusk)
    admin = await createAdmin(propusk)
    await setPassword(propusk, admin.user.id, password)
    const { response } = await signIn()
    expect(setCookieOf(response)?.attributes).toMatch(/Secure/)
  })

  it('passes sign-in errors through unchanged and sets no cookie', async () => {
    const response = await post('/v1/console/session', {
      via: 'password/sign-in',
      payload: { login: admin.user.email, password: 'wrong-password-here' },
    })
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_credentials',
    )
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('refuses people whose roles do not grant the admin console', async () => {
    const at = new Date().toISOString()
    await propusk.services.sql.batch([
      {
        sql: `INSERT INTO users (id, kind, display_name, email, status, created_at, updated_at)
              VALUES ('usr_customer', 'customer', 'Ольга', 'olga@example.com', 'active', ?, ?)`,
        args: [at, at],
      },
      { sql: "INSERT INTO user_roles (user_id, role_id) VALUES ('usr_customer', 'role_customer')" },
    ])
    await setPassword(propusk, 'usr_customer', password)
    const response = await post('/v1/console/session', {
      via: 'password/sign-in',
      payload: { login: 'olga@example.com', password },
    })
    expect(response.status).toBe(403)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'app_access_denied',
    )
  })

  it('only forwards to installed sign-in methods', async () => {
    const response = await post('/v1/console/session', {
      via: 'console-delivery/outbox',
      payload: {},
    })
    expect(response.status).toBe(400)
  })

  it('needs the CSRF header and this origin', async () => {
    const bare = await post('/v1/console/refresh', undefined, {})
    expect(bare.status).toBe(403)
    const foreign = await post('/v1/console/refresh', undefined, {
      ...consoleHeaders,
      Origin: 'https://evil.example',
    })
    expect(foreign.status).toBe(403)
  })

  it('refreshes from the cookie, rotating it; a replayed cookie ends the session', async () => {
    const { response } = await signIn()
    const first = setCookieOf(response)?.pair ?? ''
    const refreshed = await post('/v1/console/refresh', undefined, {
      ...consoleHeaders,
      Cookie: first,
    })
    expect(refreshed.status).toBe(200)
    const body = (await refreshed.json()) as { accessToken: string; sessionId: string }
    expect(body.accessToken).toEqual(expect.any(String))
    const second = setCookieOf(refreshed)?.pair ?? ''
    expect(second).not.toBe(first)

    // Inside the refresh grace window the old cookie again is a retry: the same successor.
    const retried = await post('/v1/console/refresh', undefined, {
      ...consoleHeaders,
      Cookie: first,
    })
    expect(retried.status).toBe(200)
    expect(setCookieOf(retried)?.pair).toBe(second)
    const rotated = await post('/v1/console/refresh', undefined, {
      ...consoleHeaders,
      Cookie: second,
    })
    const third = setCookieOf(rotated)?.pair ?? ''

    // Once its successor has rotated, the first cookie can only be a copy.
    const replay = await post('/v1/console/refresh', undefined, {
      ...consoleHeaders,
      Cookie: first,
    })
    expect(replay.status).toBe(400)
    expect(setCookieOf(replay)?.attributes).toMatch(/Max-Age=0/)
    expect((await sessionState(body.sessionId))?.revoked_reason).toBe('refresh_token_reuse')
    const after = await post('/v1/console/refresh', undefined, {
      ...consoleHeaders,
      Cookie: third,
    })
    expect(after.status).toBe(400)
  })

  it('answers 401 without a cookie', async () => {
    const response = await post('/v1/console/refresh')
    expect(response.status).toBe(401)
  })

  it('signs out: ends the session, clears the cookie, audits it', async () => {
    const { response, body } = await signIn()
    const cookie = setCookieOf(response)?.pair ?? ''
    const out = await post('/v1/console/logout', undefined, { ...consoleHeaders, Cookie: cookie })
    expect(out.status).toBe(204)
    expect(setCookieOf(out)?.attributes).toMatch(/Max-Age=0/)
    expect((await sessionState(String(body.sessionId)))?.revoked_reason).toBe('logout')
    const { rows } = await propusk.services.sql.execute({
      sql: "SELECT actor_id, target_id FROM audit_log WHERE action = 'sign_out'",
    })
    expect(rows).toEqual([
      expect.objectContaining({ actor_id: admin.user.id, target_id: body.sessionId }),
    ])
    const again = await post('/v1/console/refresh', undefined, {
      ...consoleHeaders,
      Cookie: cookie,
    })
    expect(again.status).toBe(400)
  })
})
