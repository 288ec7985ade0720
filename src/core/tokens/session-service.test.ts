import { afterEach, describe, expect, it } from 'vitest'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { ApiError } from '../errors.ts'
import {
  auditRows,
  insertUser,
  refresh,
  setRoles,
  signIn,
  startPropusk,
  testClock,
  withToken,
} from './test-fixtures.ts'

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

describe('refresh', () => {
  it('rotates: new tokens, and the old refresh token no longer works', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const first = await signIn(propusk, user, 'web-app')
    const response = await refresh(propusk, first.refreshToken, 'web-app')
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 900,
      session_id: first.sessionId,
    })
    expect(body.refresh_token).not.toBe(first.refreshToken)
    expect(body.access_token).not.toBe(first.accessToken)
    const again = await refresh(propusk, first.refreshToken, 'web-app')
    expect(again.status).toBe(400)
    expect((await again.json()).error.code).toBe('invalid_grant')
  })

  it('replaying a used refresh token ends the whole family and is audited', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const first = await signIn(propusk, user, 'web-app')
    const second = await (await refresh(propusk, first.refreshToken, 'web-app')).json()
    const third = await (await refresh(propusk, second.refresh_token, 'web-app')).json()
    expect((await withToken(propusk, '/v1/me', third.access_token)).status).toBe(200)

    const replay = await refresh(propusk, first.refreshToken, 'web-app')
    expect(replay.status).toBe(400)
    expect((await replay.json()).error.code).toBe('invalid_grant')
    // The newest token of the family is dead too, and so is its access token.
    expect((await (await refresh(propusk, third.refresh_token, 'web-app')).json()).error.code).toBe(
      'invalid_grant',
    )
    expect((await withToken(propusk, '/v1/me', third.access_token)).status).toBe(401)
    const { rows } = await propusk.services.sql.execute({
      sql: 'SELECT revoked_reason FROM sessions WHERE id = ?',
      args: [first.sessionId],
    })
    expect(rows[0]?.revoked_reason).toBe('refresh_token_reuse')
    const audits = await auditRows(propusk, 'token.refresh_reuse')
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ result: 'denied', target_id: user.id, app_id: 'web-app' })
    expect(audits[0]?.details).toMatchObject({ sessionId: first.sessionId })
  })

  it('20 concurrent refreshes of one token: exactly one succeeds', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const first = await signIn(propusk, user, 'web-app')
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => refresh(propusk, first.refreshToken, 'web-app')),
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 400)).toHaveLength(19)
    const { rows } = await propusk.services.sql.execute({
      sql: 'SELECT count(*) AS n FROM refresh_tokens WHERE session_id = ?',
      args: [first.sessionId],
    })
    // Only the winner's new token was stored.
    expect(Number(rows[0]?.n)).toBe(2)
    // The losers are indistinguishable from a replay, so the family ends (clients must
    // serialise their refreshes).
    const session = await propusk.services.sql.execute({
      sql: 'SELECT revoked_reason FROM sessions WHERE id = ?',
      args: [first.sessionId],
    })
    expect(session.rows[0]?.revoked_reason).toBe('refresh_token_reuse')
  })

  it('refuses a refresh token presented by another client', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const first = await signIn(propusk, user, 'web-app')
    const response = await refresh(propusk, first.refreshToken, 'customer-app')
    expect((await response.json()).error.code).toBe('invalid_grant')
    // It was not burnt by the wrong client: the right one can still use it.
    expect((await refresh(propusk, first.refreshToken, 'web-app')).status).toBe(200)
  })

  it('role changes apply at the next refresh; losing the app type ends the session', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const first = await signIn(propusk, user, 'web-app')
    await setRoles(propusk, user.id, ['role_customer', 'role_administrator'])
    const second = await (await refresh(propusk, first.refreshToken, 'web-app')).json()
    const claims = decodeJwt(second.access_token)
    expect(claims.roles).toEqual(['role_administrator', 'role_customer'])

    await setRoles(propusk, user.id, ['role_field_employee'])
    const refused = await refresh(propusk, second.refresh_token, 'web-app')
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.code).toBe('app_access_denied')
    expect((await auditRows(propusk, 'token.refresh'))[0]).toMatchObject({ result: 'denied' })
    expect((await propusk.services.identity.sessions.list(user.id)).length).toBe(0)
  })

  it("a blocked user's sessions die: refresh refused, access tokens 401", async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const tokens = await signIn(propusk, user, 'web-app')
    await signIn(propusk, user, 'customer-app')
    await propusk.services.sql.execute({
      sql: "UPDATE users SET status = 'blocked' WHERE id = ?",
      args: [user.id],
    })
    // Even before anyone revokes the sessions, the middleware sees the status.
    expect((await withToken(propusk, '/v1/me', tokens.accessToken)).status).toBe(401)
    expect((await (await refresh(propusk, tokens.refreshToken, 'web-app')).json()).error.code).toBe(
      'invalid_grant',
    )
    expect(await propusk.services.identity.sessions.revokeAll(user.id, 'user_blocked')).toBe(1)
    expect(await propusk.services.identity.sessions.list(user.id)).toEqual([])
  })

  it('idle expiry and absolute expiry end sessions (injected clock)', async () => {
    const clock = testClock()
    const propusk = await start({ now: clock.now })
    const admin = await insertUser(propusk, { roles: ['role_administrator'] })
    // admin-console: 5 min access, 30 min idle, 12 h absolute.
    let tokens = await signIn(propusk, admin, 'admin-console')
    expect(tokens.expiresIn).toBe(300)
    clock.advance(6 * 60)
    expect((await withToken(propusk, '/v1/me', tokens.accessToken)).status).toBe(401)
    clock.advance(25 * 60) // 31 min idle
    expect(
      (await (await refresh(propusk, tokens.refreshToken, 'admin-console')).json()).error.code,
    ).toBe('invalid_grant')

    tokens = await signIn(propusk, admin, 'admin-console')
    let refreshToken = tokens.refreshToken
    // Refreshing every 20 min keeps it alive (idle moves forward) ... until 12 h have passed.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.advance(20 * 60)
      const response = await refresh(propusk, refreshToken, 'admin-console')
      expect(response.status).toBe(200)
      const body = await response.json()
      expect(body.expires_in).toBeLessThanOrEqual(300)
      refreshToken = body.refresh_token
    }
    clock.advance(20 * 60)
    const late = await refresh(propusk, refreshToken, 'admin-console')
    expect((await late.json()).error.code).toBe('invalid_grant')
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
