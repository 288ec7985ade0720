import { afterEach, describe, expect, it } from 'vitest'
import { decodeJwt } from 'jose'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import {
  auditRows,
  insertUser,
  refresh,
  setRoles,
  signIn,
  startPropusk,
  testClock,
  withToken,
} from '../../../testing/fixtures/tokens.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

/** REFRESH_GRACE_SECONDS=0: every reuse ends the family at once. */
const noGraceWindow = { REFRESH_GRACE_SECONDS: '0' }

async function start(options: Parameters<typeof startPropusk>[0] = {}) {
  running = await startPropusk(options)
  return running
}

describe('refresh', () => {
  it('rotates: new tokens, and the old refresh token no longer works (window off)', async () => {
    const propusk = await start({ env: noGraceWindow })
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

  it('window off: of 20 concurrent refreshes of one token exactly one succeeds', async () => {
    const propusk = await start({ env: noGraceWindow })
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
    // Without a grace window the losers are indistinguishable from a replay, so the family
    // ends (refresh-grace.test.ts: with the window they all get the winner's token).
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
