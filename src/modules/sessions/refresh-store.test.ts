import { afterEach, describe, expect, it } from 'vitest'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import type { ClientAppTypePlugin } from '../../kernel/plugin.ts'
import { plugins } from '../../plugins.ts'
import {
  apiSecret,
  insertUser,
  refresh,
  signIn,
  startPropusk,
  testClock,
} from '../../../testing/fixtures/tokens.ts'

// The type's default idle lifetime, read from the registered plugin (core tests import no plugin).
const engineerMobile = plugins.find(
  (p): p is ClientAppTypePlugin => p.kind === 'client-app-type' && p.id === 'engineer-mobile',
) as ClientAppTypePlugin

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

/**
 * The refresh batch moves a session's idle expiry in SQL (it cannot know the app before its own
 * read): it must land on exactly what policy.ts computes in code, to the millisecond.
 */
describe('the idle expiry the refresh batch writes', () => {
  async function idleAfterRefresh(policy: Record<string, unknown>) {
    const clock = testClock(new Date('2026-03-01T10:00:00.123Z'))
    const propusk = (running = await startPropusk({ now: clock.now }))
    await propusk.services.sql.execute({
      sql: "UPDATE apps SET policy = ? WHERE id = 'engineer-app'",
      args: [JSON.stringify(policy)],
    })
    const user = await insertUser(propusk, { roles: ['role_field_employee'] })
    const tokens = await signIn(propusk, user, 'engineer-app')
    clock.advance(61.007)
    const answer = await refresh(propusk, tokens.refreshToken, 'engineer-app')
    expect(answer.status).toBe(200)
    const { rows } = await propusk.services.sql.execute({
      sql: 'SELECT last_used_at, idle_expires_at, expires_at FROM sessions WHERE id = ?',
      args: [tokens.sessionId],
    })
    const row = rows[0]
    return {
      now: clock.now(),
      last_used_at: row?.last_used_at,
      idle_expires_at: row?.idle_expires_at,
      expires_at: row?.expires_at,
    }
  }

  it("uses the app's own override, floored like policy.ts", async () => {
    const row = await idleAfterRefresh({ refreshTokenIdleTtlSeconds: 3600.9 })
    expect(row.last_used_at).toBe(row.now.toISOString())
    expect(row.idle_expires_at).toBe(new Date(row.now.getTime() + 3600_000).toISOString())
  })

  it("falls back to the type's default for a missing or nonsense override", async () => {
    for (const policy of [
      {},
      { refreshTokenIdleTtlSeconds: -5 },
      { refreshTokenIdleTtlSeconds: 'x' },
    ]) {
      const row = await idleAfterRefresh(policy)
      expect(row.idle_expires_at, JSON.stringify(policy)).toBe(
        new Date(
          row.now.getTime() + engineerMobile.sessionPolicy.refreshTokenIdleTtlSeconds * 1000,
        ).toISOString(),
      )
      await running?.close()
      running = undefined
    }
  })

  it('never moves it past the absolute expiry, however long the override', async () => {
    for (const ttl of [400 * 24 * 3600, 1e12]) {
      const row = await idleAfterRefresh({ refreshTokenIdleTtlSeconds: ttl })
      expect(row.idle_expires_at).toBe(row.expires_at)
      await running?.close()
      running = undefined
    }
  })
})

describe('a refresh the client checks refuse', () => {
  const code = async (answer: Response) => {
    const body = (await answer.json()) as { error?: { code?: string } }
    return [answer.status, body.error?.code]
  }

  it('leaves the token usable: disabled app, missing or wrong secret, a stray secret', async () => {
    const propusk = (running = await startPropusk())
    const user = await insertUser(propusk, { roles: ['role_field_employee', 'role_customer'] })
    const setEnabled = (enabled: boolean) =>
      propusk.services.sql.execute({
        sql: "UPDATE apps SET enabled = ? WHERE id = 'engineer-app'",
        args: [enabled ? 1 : 0],
      })

    const engineer = await signIn(propusk, user, 'engineer-app')
    await setEnabled(false)
    expect(await code(await refresh(propusk, engineer.refreshToken, 'engineer-app'))).toEqual([
      403,
      'app_disabled',
    ])
    const stray = { client_secret: 'not-a-secret-of-a-public-app' }
    await setEnabled(true)
    expect(
      await code(await refresh(propusk, engineer.refreshToken, 'engineer-app', stray)),
    ).toEqual([401, 'invalid_client'])
    expect((await refresh(propusk, engineer.refreshToken, 'engineer-app')).status).toBe(200)

    const api = await signIn(propusk, user, 'api-client', 'password', apiSecret)
    expect(await code(await refresh(propusk, api.refreshToken, 'api-client'))).toEqual([
      401,
      'invalid_client',
    ])
    const wrong = { client_secret: `${apiSecret}x` }
    expect(await code(await refresh(propusk, api.refreshToken, 'api-client', wrong))).toEqual([
      401,
      'invalid_client',
    ])
    const right = { client_secret: apiSecret }
    expect((await refresh(propusk, api.refreshToken, 'api-client', right)).status).toBe(200)
  })
})
