import { afterEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { startRedisServer, type RedisServer } from '../../../test/support/redis-server.ts'
import { createRedisStateStore } from '../../storage/state/redis-tcp.ts'
import { plugins as defaultPlugins } from '../../plugins.ts'
import { defineSignInMethod } from '../plugin.ts'

/** Routes that touch each dependency the way real handlers do. */
const probe = defineSignInMethod({
  id: 'probe',
  kind: 'sign-in-method',
  name: 'Probe',
  loginKinds: ['phone'],
  settings: z.object({}),
  rateLimits: { perIp: { limit: 100, windowMs: 60_000 } },
  routes(router, ctx) {
    router.post('/limited', async (c) => {
      await ctx.limits.consume(ctx.pluginId, 'perIp', c.get('clientIp'))
      return c.json({ ok: true })
    })
    router.get('/sql', async (c) => {
      const { rows } = await ctx.sql.execute('SELECT 1 AS one')
      return c.json({ one: rows[0]?.one })
    })
    router.get('/bad-sql', async (c) => {
      await ctx.sql.execute('SELEC nonsense')
      return c.json({})
    })
  },
})

let running: TestPropusk | undefined
let redis: RedisServer | undefined
afterEach(async () => {
  await running?.close().catch(() => undefined)
  await redis?.stop()
  running = undefined
  redis = undefined
})

describe('dependency outages', () => {
  it('answers 503 dependency_unavailable naming state when Redis goes away', async () => {
    redis = await startRedisServer()
    const state = createRedisStateStore({ url: redis.url, prefix: 'outage:', onError: () => {} })
    running = await createTestPropusk({ state, plugins: [...defaultPlugins, probe] })
    const { app, logs } = running
    expect((await app.request('/v1/auth/probe/limited', { method: 'POST' })).status).toBe(200)

    await redis.stop()
    const response = await app.request('/v1/auth/probe/limited', { method: 'POST' })
    expect(response.status).toBe(503)
    const body = (await response.json()) as { error: Record<string, unknown> }
    expect(body.error).toMatchObject({ code: 'dependency_unavailable', dependency: 'state' })
    expect(String(body.error.message)).toMatch(/state store/i)
    const line = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'dependency unavailable')
    expect(line).toMatchObject({ level: 'error', dependency: 'state' })
    expect(line?.stack).toBeUndefined()
  }, 20_000)

  it('answers 503 naming sql when the SQL client is closed; a bad statement stays a 500', async () => {
    running = await createTestPropusk({ plugins: [...defaultPlugins, probe] })
    const { app } = running
    expect(await (await app.request('/v1/auth/probe/sql')).json()).toEqual({ one: 1 })
    expect((await app.request('/v1/auth/probe/bad-sql')).status).toBe(500)

    running.services.sql.close()
    const response = await app.request('/v1/auth/probe/sql')
    expect(response.status).toBe(503)
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({
      code: 'dependency_unavailable',
      dependency: 'sql',
    })
  })
})
