import { afterEach, describe, expect, it } from 'vitest'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { ApiError } from '../../kernel/errors.ts'
import {
  auditRows,
  insertUser,
  signIn,
  startPropusk,
  withToken,
} from '../../../testing/fixtures/tokens.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(options: Parameters<typeof startPropusk>[0] = {}) {
  running = await startPropusk(options)
  return running
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('sign-in', () => {
  it('issues a JWT with the documented claims, a session row and a success audit entry', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'], kind: 'customer' })
    const tokens = await signIn(propusk, user, 'customer-app')
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 15 * 60 })
    expect(tokens.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const header = decodeProtectedHeader(tokens.accessToken)
    expect(header).toMatchObject({ alg: 'ES256', typ: 'at+jwt' })
    expect(header.kid).toBeTruthy()
    const claims = decodeJwt(tokens.accessToken)
    expect(claims).toMatchObject({
      iss: 'http://localhost:8787',
      aud: 'customer-app',
      sub: user.id,
      sid: tokens.sessionId,
      app_type: 'customer-mobile',
      roles: ['role_customer'],
      kind: 'customer',
    })
    expect((claims.exp as number) - (claims.iat as number)).toBe(15 * 60)
    expect(claims.jti).toBeTruthy()

    const { rows } = await propusk.services.sql.execute({
      sql: 'SELECT * FROM sessions WHERE id = ?',
      args: [tokens.sessionId],
    })
    expect(rows[0]).toMatchObject({
      user_id: user.id,
      app_id: 'customer-app',
      method: 'password',
      device_label: 'test device',
    })
    // R12: mobile sessions last months.
    const days =
      (Date.parse(String(rows[0]?.expires_at)) - Date.parse(String(rows[0]?.created_at))) /
      86_400_000
    expect(days).toBe(180)
    const stored = await propusk.services.sql.execute('SELECT token_hash FROM refresh_tokens')
    expect(stored.rows).toHaveLength(1)
    expect(String(stored.rows[0]?.token_hash)).not.toContain(tokens.refreshToken)
    expect((await propusk.services.identity.users.get(user.id))?.lastSignInAt).toBeTruthy()
    const audits = await auditRows(propusk, 'sign_in.password')
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({
      result: 'success',
      actor_id: user.id,
      app_id: 'customer-app',
    })
  })

  it('refuses an app type the roles do not grant with app_access_denied, audited as denied', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_field_employee'] })
    const error = await refusal(signIn(propusk, user, 'customer-app'))
    expect(error).toMatchObject({ code: 'app_access_denied', status: 403 })
    const audits = await auditRows(propusk, 'sign_in.password')
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({
      result: 'denied',
      target_id: user.id,
      app_id: 'customer-app',
    })
    expect(audits[0]?.details).toMatchObject({
      reason: 'app_access_denied',
      appType: 'customer-mobile',
    })
    const sessions = await propusk.services.sql.execute('SELECT count(*) AS n FROM sessions')
    expect(Number(sessions.rows[0]?.n)).toBe(0)
  })

  it('refuses invited and blocked users, disabled apps and methods the app does not allow', async () => {
    const propusk = await start()
    const invited = await insertUser(propusk, { roles: ['role_customer'], status: 'invited' })
    const blocked = await insertUser(propusk, { roles: ['role_customer'], status: 'blocked' })
    const active = await insertUser(propusk, { roles: ['role_customer'] })
    expect((await refusal(signIn(propusk, invited, 'web-app'))).code).toBe('account_not_active')
    expect((await refusal(signIn(propusk, blocked, 'web-app'))).code).toBe('account_blocked')
    expect((await refusal(signIn(propusk, active, 'web-app', 'sms-otp'))).code).toBe(
      'sign_in_method_not_allowed',
    )
    await propusk.services.sql.execute("UPDATE apps SET enabled = 0 WHERE id = 'web-app'")
    expect((await refusal(signIn(propusk, active, 'web-app'))).code).toBe('app_disabled')
    const audits = await auditRows(propusk, 'sign_in.password')
    expect(audits.map((a) => a.details.reason)).toEqual([
      'account_not_active',
      'account_blocked',
      'app_disabled',
    ])
    expect((await auditRows(propusk, 'sign_in.sms-otp'))[0]?.details.reason).toBe(
      'sign_in_method_not_allowed',
    )
  })

  it("applies the app's policy overrides over its type's defaults", async () => {
    const propusk = await start()
    await propusk.services.sql.execute(
      `UPDATE apps SET policy = '{"accessTokenTtlSeconds":120}' WHERE id = 'web-app'`,
    )
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    expect((await signIn(propusk, user, 'web-app')).expiresIn).toBe(120)
  })
})

describe('sessions', () => {
  it('lists active sessions and revokes one at a time', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const a = await signIn(propusk, user, 'web-app')
    const b = await signIn(propusk, user, 'customer-app')
    const sessions = propusk.services.identity.sessions
    expect((await sessions.list(user.id)).map((s) => s.id).sort()).toEqual(
      [a.sessionId, b.sessionId].sort(),
    )
    await sessions.revoke(a.sessionId, 'test')
    expect((await sessions.list(user.id)).map((s) => s.id)).toEqual([b.sessionId])
    expect((await withToken(propusk, '/v1/me', a.accessToken)).status).toBe(401)
    expect((await withToken(propusk, '/v1/me', b.accessToken)).status).toBe(200)
  })
})
