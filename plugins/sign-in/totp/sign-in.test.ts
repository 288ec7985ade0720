import { afterEach, describe, expect, it } from 'vitest'
import { cryptoUtils } from 'propusk/plugin'
import { insertUser, postJson } from '../../../test/support/account.ts'
import { json } from '../../../test/support/propusk.ts'
import { codeAt } from './test-codes.ts'
import { APP, startTotp, type TotpFixture } from './test-setup.ts'

let fixture: TotpFixture | undefined
afterEach(async () => {
  await fixture?.propusk.close()
  fixture = undefined
})

/** An enrolled person, the clock three steps after the confirming code (all still unused). */
async function enrolled() {
  const f = (fixture = await startTotp())
  const secret = await f.enrol()
  f.clock.at = new Date(f.clock.at.getTime() + 90_000)
  return { f, secret }
}

/** Status and body without the per-request id: what a guesser can compare. */
async function outward(response: Response) {
  const body = (await response.json()) as { error: Record<string, unknown> }
  delete body.error.requestId
  return { status: response.status, body, retryAfter: response.headers.get('retry-after') }
}

describe('TOTP sign-in', () => {
  it('opens a session like a password sign-in: verifiable tokens for the app', async () => {
    const { f, secret } = await enrolled()
    const response = await f.signIn(await codeAt(secret, f.clock.at))
    expect(response.status).toBe(200)
    const tokens = (await response.json()) as Record<string, string>
    expect(tokens).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) })
    const me = await f.propusk.app.request('/v1/me', {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    })
    expect(await json(me)).toMatchObject({ user: { id: f.userId }, app: { id: APP } })
    const audit = await f.propusk.services.sql.execute(
      "SELECT result FROM audit_log WHERE action = 'sign_in.totp'",
    )
    expect(audit.rows.map((r) => r.result)).toContain('success')
  })

  it('accepts the codes of one step either side and refuses two steps away', async () => {
    const { f, secret } = await enrolled()
    const at = (offset: number) => codeAt(secret, f.clock.at, offset)
    expect((await f.signIn(await at(-2))).status).toBe(401)
    expect((await f.signIn(await at(2))).status).toBe(401)
    // In step order: each success spends its step and every earlier one.
    expect((await f.signIn(await at(-1))).status).toBe(200)
    expect((await f.signIn(await at(0))).status).toBe(200)
    expect((await f.signIn(await at(1))).status).toBe(200)
  })

  it('refuses a code already used, also when the same code races itself', async () => {
    const { f, secret } = await enrolled()
    const code = await codeAt(secret, f.clock.at)
    // Four: within the attempt limit (5), so only the step decides.
    const racing = await Promise.all(Array.from({ length: 4 }, () => f.signIn(code)))
    expect(racing.map((r) => r.status).sort()).toEqual([200, 401, 401, 401])
    const replay = await f.signIn(code)
    expect(await outward(replay)).toMatchObject({
      status: 401,
      body: { error: { code: 'totp_invalid_credentials' } },
    })
    // An earlier step's code, still inside the window, is spent too.
    expect((await f.signIn(await codeAt(secret, f.clock.at, -1))).status).toBe(401)
  })

  it('answers an unknown login, a person without an authenticator and a wrong code alike', async () => {
    const { f, secret } = await enrolled()
    const code = await codeAt(secret, f.clock.at)
    const wrong = code === '000000' ? '111111' : '000000'
    await insertUser(f.propusk, { email: 'no.totp@example.com', password: 'x'.repeat(12) })
    const answers = [
      await outward(await f.signIn(code, 'nobody@example.com')),
      await outward(await f.signIn(code, 'no.totp@example.com')),
      await outward(await f.signIn(wrong)),
    ]
    expect(answers[0]).toMatchObject({
      status: 401,
      body: { error: { code: 'totp_invalid_credentials' } },
    })
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
  })

  it('refuses a person whose roles no longer grant the app type (R7), after the code', async () => {
    const { f, secret } = await enrolled()
    await f.propusk.services.sql.batch([
      { sql: 'DELETE FROM user_roles WHERE user_id = ?', args: [f.userId] },
      { sql: "INSERT INTO user_roles VALUES (?, 'role_customer')", args: [f.userId] },
    ])
    const denied = await f.signIn(await codeAt(secret, f.clock.at))
    expect(denied.status).toBe(403)
    expect(await json(denied)).toMatchObject({ error: { code: 'app_access_denied' } })
  })

  it('refuses an app that does not list the method, and an unknown app', async () => {
    const { f, secret } = await enrolled()
    const code = await codeAt(secret, f.clock.at)
    const other = await postJson(f.propusk, '/v1/auth/totp/sign-in', {
      login: f.login,
      code,
      clientId: 'admin-console',
    })
    expect(await json(other)).toMatchObject({ error: { code: 'sign_in_method_not_allowed' } })
    const unknown = await postJson(f.propusk, '/v1/auth/totp/sign-in', {
      login: f.login,
      code,
      clientId: 'no-such-app',
    })
    expect(unknown.status).toBe(400)
    expect(await json(unknown)).toMatchObject({ error: { code: 'app_not_found' } })
  })

  it('wants the secret of a confidential app, in the body or as HTTP Basic, like a password', async () => {
    const { f, secret } = await enrolled()
    const appSecret = 'erp-sync-secret-0123456789-abcdefghijklmnop'
    const at = new Date().toISOString()
    await f.propusk.services.sql.execute({
      sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, secret_hash, created_at, updated_at)
            VALUES ('erp-sync', 'ERP sync', 'api-only', 1, '["totp"]', ?, ?, ?)`,
      args: [await cryptoUtils.sha256Hex(appSecret), at, at],
    })
    const body = { login: f.login, code: await codeAt(secret, f.clock.at), clientId: 'erp-sync' }
    const without = await postJson(f.propusk, '/v1/auth/totp/sign-in', body)
    expect(without.status).toBe(401)
    expect(await json(without)).toMatchObject({ error: { code: 'invalid_client' } })
    const wrong = await postJson(f.propusk, '/v1/auth/totp/sign-in', { ...body, clientSecret: 'x' })
    expect(await json(wrong)).toMatchObject({ error: { code: 'invalid_client' } })
    const basic = { Authorization: `Basic ${btoa(`erp-sync:${appSecret}`)}` }
    expect((await postJson(f.propusk, '/v1/auth/totp/sign-in', body, basic)).status).toBe(200)
  })
})
