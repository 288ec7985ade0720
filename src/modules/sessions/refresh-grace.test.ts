import { afterEach, describe, expect, it } from 'vitest'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { ConfigError, loadSettings } from '../../kernel/config.ts'
import { sha256Hex } from '../../kernel/crypto.ts'
import {
  apiSecret,
  auditRows,
  insertUser,
  refresh,
  signIn,
  startPropusk,
  testClock,
  withToken,
} from '../../../testing/fixtures/tokens.ts'

/**
 * The grace window (REFRESH_GRACE_SECONDS, 30 s by default) over HTTP: a client whose
 * refresh answer was lost retries with the old token and gets the same successor back; every
 * other reuse still ends the family.
 */

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(env: Record<string, string> = {}) {
  const clock = testClock()
  running = await startPropusk({ now: clock.now, env })
  const user = await insertUser(running, { roles: ['role_field_employee', 'role_customer'] })
  return { propusk: running, clock, user }
}

async function ok(response: Response) {
  expect(response.status).toBe(200)
  return (await response.json()) as { refresh_token: string; access_token: string }
}

async function errorOf(response: Response) {
  return { status: response.status, code: ((await response.json()) as ErrorBody).error.code }
}
interface ErrorBody {
  error: { code: string }
}

async function sessionRow(propusk: TestPropusk, sessionId: string) {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT revoked_reason FROM sessions WHERE id = ?',
    args: [sessionId],
  })
  return rows[0]
}

const invalidGrant = { status: 400, code: 'invalid_grant' }

describe('refresh grace window', () => {
  it('a lost answer retried inside the window returns the same successor, which then rotates', async () => {
    const { propusk, clock, user } = await start()
    const first = await signIn(propusk, user, 'engineer-app')
    const lost = await ok(await refresh(propusk, first.refreshToken, 'engineer-app'))
    clock.advance(29)
    const retried = await ok(await refresh(propusk, first.refreshToken, 'engineer-app'))
    expect(retried.refresh_token).toBe(lost.refresh_token)
    expect((await withToken(propusk, '/v1/me', retried.access_token)).status).toBe(200)
    expect(await sessionRow(propusk, first.sessionId)).toMatchObject({ revoked_reason: null })
    const audits = await auditRows(propusk, 'token.refresh_retry')
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ result: 'success', app_id: 'engineer-app' })
    expect(audits[0]?.details).toMatchObject({ sessionId: first.sessionId })

    // The successor works as any refresh token: it rotates to a new one...
    const next = await ok(await refresh(propusk, retried.refresh_token, 'engineer-app'))
    expect(next.refresh_token).not.toBe(retried.refresh_token)
    // ...after which the grandparent is a copy: still inside its window, it ends the family.
    expect(await errorOf(await refresh(propusk, first.refreshToken, 'engineer-app'))).toEqual(
      invalidGrant,
    )
    expect(await errorOf(await refresh(propusk, next.refresh_token, 'engineer-app'))).toEqual(
      invalidGrant,
    )
    expect(await sessionRow(propusk, first.sessionId)).toMatchObject({
      revoked_reason: 'refresh_token_reuse',
    })
  })

  it('a retry once the window has passed ends the family and is audited', async () => {
    const { propusk, clock, user } = await start()
    const first = await signIn(propusk, user, 'engineer-app')
    const lost = await ok(await refresh(propusk, first.refreshToken, 'engineer-app'))
    clock.advance(30)
    expect(await errorOf(await refresh(propusk, first.refreshToken, 'engineer-app'))).toEqual(
      invalidGrant,
    )
    expect(await errorOf(await refresh(propusk, lost.refresh_token, 'engineer-app'))).toEqual(
      invalidGrant,
    )
    expect((await withToken(propusk, '/v1/me', lost.access_token)).status).toBe(401)
    const audits = await auditRows(propusk, 'token.refresh_reuse')
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ result: 'denied', target_id: user.id })
    expect(await auditRows(propusk, 'token.refresh_retry')).toHaveLength(0)
  })

  it('the window follows the setting', async () => {
    const { propusk, clock, user } = await start({ REFRESH_GRACE_SECONDS: '5' })
    const a = await signIn(propusk, user, 'engineer-app')
    const aNext = await ok(await refresh(propusk, a.refreshToken, 'engineer-app'))
    clock.advance(4)
    expect((await ok(await refresh(propusk, a.refreshToken, 'engineer-app'))).refresh_token).toBe(
      aNext.refresh_token,
    )
    const b = await signIn(propusk, user, 'engineer-app')
    await ok(await refresh(propusk, b.refreshToken, 'engineer-app'))
    clock.advance(5)
    expect(await errorOf(await refresh(propusk, b.refreshToken, 'engineer-app'))).toEqual(
      invalidGrant,
    )
    expect(await sessionRow(propusk, b.sessionId)).toMatchObject({
      revoked_reason: 'refresh_token_reuse',
    })
    expect(await sessionRow(propusk, a.sessionId)).toMatchObject({ revoked_reason: null })
  })

  it('another client presenting the used token inside the window ends the family', async () => {
    const { propusk, user } = await start()
    const first = await signIn(propusk, user, 'engineer-app')
    const lost = await ok(await refresh(propusk, first.refreshToken, 'engineer-app'))
    expect(await errorOf(await refresh(propusk, first.refreshToken, 'customer-app'))).toEqual(
      invalidGrant,
    )
    expect(await errorOf(await refresh(propusk, lost.refresh_token, 'engineer-app'))).toEqual(
      invalidGrant,
    )
    const audits = await auditRows(propusk, 'token.refresh_reuse')
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ actor_id: 'customer-app', target_id: user.id })
  })

  it('a session revoked or a user blocked meanwhile refuses the retry', async () => {
    const { propusk, user } = await start()
    const revoked = await signIn(propusk, user, 'engineer-app')
    await ok(await refresh(propusk, revoked.refreshToken, 'engineer-app'))
    await propusk.services.identity.sessions.revoke(revoked.sessionId, 'signed_out')
    expect(await errorOf(await refresh(propusk, revoked.refreshToken, 'engineer-app'))).toEqual(
      invalidGrant,
    )

    const blocked = await signIn(propusk, user, 'engineer-app')
    await ok(await refresh(propusk, blocked.refreshToken, 'engineer-app'))
    await propusk.services.sql.execute({
      sql: "UPDATE users SET status = 'blocked' WHERE id = ?",
      args: [user.id],
    })
    expect(await errorOf(await refresh(propusk, blocked.refreshToken, 'engineer-app'))).toEqual(
      invalidGrant,
    )
    expect(await sessionRow(propusk, blocked.sessionId)).toMatchObject({
      revoked_reason: 'user_blocked',
    })
    expect(await auditRows(propusk, 'token.refresh_retry')).toHaveLength(0)
  })

  it('a confidential client retries only with its secret; without it nothing is used up', async () => {
    const { propusk, user } = await start()
    const first = await signIn(propusk, user, 'api-client', 'password', apiSecret)
    const secret = { client_secret: apiSecret }
    const lost = await ok(await refresh(propusk, first.refreshToken, 'api-client', secret))
    expect(await errorOf(await refresh(propusk, first.refreshToken, 'api-client'))).toEqual({
      status: 401,
      code: 'invalid_client',
    })
    const wrong = { client_secret: `${apiSecret}-wrong` }
    expect((await refresh(propusk, first.refreshToken, 'api-client', wrong)).status).toBe(401)
    const retried = await ok(await refresh(propusk, first.refreshToken, 'api-client', secret))
    expect(retried.refresh_token).toBe(lost.refresh_token)
    await ok(await refresh(propusk, retried.refresh_token, 'api-client', secret))
  })

  it('10 simultaneous refreshes with one token: all 200, one successor, one rotation', async () => {
    const { propusk, user } = await start()
    const first = await signIn(propusk, user, 'engineer-app')
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => refresh(propusk, first.refreshToken, 'engineer-app')),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200))
    const bodies = await Promise.all(responses.map(ok))
    const successors = new Set(bodies.map((b) => b.refresh_token))
    expect(successors.size).toBe(1)
    const { rows } = await propusk.services.sql.execute({
      sql: `SELECT count(*) AS n, count(used_at) AS used FROM refresh_tokens WHERE session_id = ?`,
      args: [first.sessionId],
    })
    // Exactly one rotation: the presented token used, its one successor stored and live.
    expect([Number(rows[0]?.n), Number(rows[0]?.used)]).toEqual([2, 1])
    // Stored as a hash only, like every refresh token.
    const stored = await propusk.services.sql.execute({
      sql: 'SELECT token_hash FROM refresh_tokens WHERE session_id = ?',
      args: [first.sessionId],
    })
    const hashes = stored.rows.map((row) => String(row.token_hash))
    expect(hashes).toContain(await sha256Hex([...successors][0] ?? ''))
    expect(hashes).not.toContain([...successors][0])
    expect(await propusk.services.identity.sessions.list(user.id)).toHaveLength(1)
    await ok(await refresh(propusk, bodies[0]?.refresh_token ?? '', 'engineer-app'))
  })

  it('refuses a window that is not whole seconds from 0 to 60', () => {
    expect(loadSettings({}).REFRESH_GRACE_SECONDS).toBe(30)
    expect(loadSettings({ REFRESH_GRACE_SECONDS: '0' }).REFRESH_GRACE_SECONDS).toBe(0)
    for (const bad of ['-1', '61', '1.5', 'soon']) {
      expect(() => loadSettings({ REFRESH_GRACE_SECONDS: bad }), bad).toThrow(ConfigError)
    }
  })
})
