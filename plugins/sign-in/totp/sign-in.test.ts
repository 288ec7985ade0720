import { afterEach, describe, expect, it } from 'vitest'
import { createClock, createTestPropusk, json, type TestPropusk } from 'propusk/testing'
import { intoStep } from './test-codes.ts'
import { startTotp } from './test-setup.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

/** An enrolled person, the clock three steps after the confirming code (all still unused). */
async function enrolled() {
  running = await createTestPropusk({ clock: createClock(intoStep()) })
  const f = await startTotp(running)
  const secret = await f.enrol()
  f.p.clock.advance(90)
  return { f, secret }
}

/** Status and body without the per-request id: what a guesser can compare. */
async function outward(response: Response) {
  const body = (await response.json()) as { error: Record<string, unknown> }
  delete body.error.requestId
  return { status: response.status, body }
}

describe('TOTP sign-in', () => {
  it('opens a session like a password sign-in: verifiable tokens for the app', async () => {
    const { f, secret } = await enrolled()
    const response = await f.signIn(await f.code(secret))
    expect(response.status).toBe(200)
    const tokens = (await response.json()) as Record<string, string>
    expect(tokens).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) })
    const me = await f.p.request('/v1/me', { token: tokens.access_token })
    expect(await json(me)).toMatchObject({ user: { id: f.userId }, app: { id: f.app } })
    const audit = await f.p.services.sql.execute(
      "SELECT result FROM audit_log WHERE action = 'sign_in.totp'",
    )
    expect(audit.rows.map((r) => r.result)).toContain('success')
  })

  it('accepts the codes of one step either side and refuses two steps away', async () => {
    const { f, secret } = await enrolled()
    expect((await f.signIn(await f.code(secret, -2))).status).toBe(401)
    expect((await f.signIn(await f.code(secret, 2))).status).toBe(401)
    // In step order: each success spends its step and every earlier one.
    expect((await f.signIn(await f.code(secret, -1))).status).toBe(200)
    expect((await f.signIn(await f.code(secret, 0))).status).toBe(200)
    expect((await f.signIn(await f.code(secret, 1))).status).toBe(200)
  })

  it('refuses a code already used, also when the same code races itself', async () => {
    const { f, secret } = await enrolled()
    const code = await f.code(secret)
    // Four: within the attempt limit (5), so only the step decides.
    const racing = await Promise.all(Array.from({ length: 4 }, () => f.signIn(code)))
    expect(racing.map((r) => r.status).sort()).toEqual([200, 401, 401, 401])
    expect(await outward(await f.signIn(code))).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid_credentials' } },
    })
    // An earlier step's code, still inside the window, is spent too.
    expect((await f.signIn(await f.code(secret, -1))).status).toBe(401)
  })

  it('answers an unknown login, a person without an authenticator and a wrong code alike', async () => {
    const { f, secret } = await enrolled()
    const code = await f.code(secret)
    const wrong = code === '000000' ? '111111' : '000000'
    await f.p.insertUser({ email: 'no.totp@example.com' })
    const first = await outward(await f.signIn(code, 'nobody@example.com'))
    expect(first).toMatchObject({ status: 401, body: { error: { code: 'invalid_credentials' } } })
    expect(await outward(await f.signIn(code, 'no.totp@example.com'))).toEqual(first)
    expect(await outward(await f.signIn(wrong))).toEqual(first)
  })

  it('refuses a person whose roles no longer grant the app type (R7), after the code', async () => {
    const { f, secret } = await enrolled()
    await f.p.services.sql.batch([
      { sql: 'DELETE FROM user_roles WHERE user_id = ?', args: [f.userId] },
      { sql: "INSERT INTO user_roles VALUES (?, 'role_customer')", args: [f.userId] },
    ])
    const denied = await f.signIn(await f.code(secret))
    expect(denied.status).toBe(403)
    expect(await json(denied)).toMatchObject({ error: { code: 'app_access_denied' } })
  })

  it('refuses an app that does not list the method, and an unknown app', async () => {
    const { f, secret } = await enrolled()
    const other = await f.signIn(await f.code(secret, -1), f.login, 'admin-console')
    expect(await json(other)).toMatchObject({ error: { code: 'sign_in_method_not_allowed' } })
    const unknown = await f.signIn(await f.code(secret), f.login, 'no-such-app')
    expect(unknown.status).toBe(400)
    expect(await json(unknown)).toMatchObject({ error: { code: 'app_not_found' } })
  })

  it('wants the secret of a confidential app, in the body or as HTTP Basic', async () => {
    const { f, secret } = await enrolled()
    const appSecret = 'erp-sync-secret-0123456789-abcdefghijklmnop'
    const clientId = await f.p.createApp({ type: 'api-only', methods: ['totp'], secret: appSecret })
    const body = (offset: number) => async () => ({
      login: f.login,
      code: await f.code(secret, offset),
      clientId,
    })
    const send = async (make: () => Promise<object>, headers?: Record<string, string>) =>
      f.p.request('/v1/auth/totp/sign-in', { body: await make(), ...(headers ? { headers } : {}) })
    expect(await json(await send(body(-1)))).toMatchObject({ error: { code: 'invalid_client' } })
    const wrong = async () => ({ ...(await body(0)()), clientSecret: 'x' })
    expect(await json(await send(wrong))).toMatchObject({ error: { code: 'invalid_client' } })
    const basic = { Authorization: `Basic ${btoa(`${clientId}:${appSecret}`)}` }
    expect((await send(body(1), basic)).status).toBe(200)
  })

  it("checks a confidential app's secret before the code: without it no step is spent, no failure counted", async () => {
    const { f, secret } = await enrolled()
    const appSecret = 'erp-sync-secret-0123456789-abcdefghijklmnop'
    const clientId = await f.p.createApp({ type: 'api-only', methods: ['totp'], secret: appSecret })
    const code = await f.code(secret)
    // More refusals than the lockout allows (5): none of them reached the code.
    for (let i = 0; i < 6; i++) {
      const refused = await f.p.request('/v1/auth/totp/sign-in', {
        body: { login: f.login, code, clientId, ...(i % 2 ? { clientSecret: 'wrong' } : {}) },
      })
      expect(await json(refused)).toMatchObject({ error: { code: 'invalid_client' } })
    }
    const signedIn = await f.p.request('/v1/auth/totp/sign-in', {
      body: { login: f.login, code, clientId, clientSecret: appSecret },
    })
    expect(signedIn.status).toBe(200)
  })
})
