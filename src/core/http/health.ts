import { createRoute, z } from '@hono/zod-openapi'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../services.ts'

const checkStatus = z.enum(['ok', 'fail'])
const healthBody = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({ sql: checkStatus, state: checkStatus }),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .openapi('Health')

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Liveness and dependency check',
  description: 'Checks the SQL database and the state store. 503 names the failing dependency.',
  responses: {
    200: {
      description: 'All dependencies answer',
      content: { 'application/json': { schema: healthBody } },
    },
    503: {
      description: 'A dependency failed',
      content: { 'application/json': { schema: healthBody } },
    },
  },
})

const timeoutMs = 3000

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'fail'> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), timeoutMs)
  })
  try {
    await Promise.race([check(), timeout])
    return 'ok'
  } catch {
    return 'fail'
  } finally {
    clearTimeout(timer)
  }
}

export function mountHealth(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  app.openapi(route, async (c) => {
    const [sql, state] = await Promise.all([
      probe(() => services.sql.execute('SELECT 1')),
      probe(() => services.state.ping()),
    ])
    const failing = [sql === 'fail' && 'sql', state === 'fail' && 'state'].filter(Boolean)
    if (failing.length === 0) return c.json({ status: 'ok' as const, checks: { sql, state } }, 200)
    c.get('log').warn('health check failed', { failing })
    return c.json(
      {
        status: 'unavailable' as const,
        checks: { sql, state },
        error: { code: 'dependency_unavailable', message: `Unavailable: ${failing.join(', ')}.` },
      },
      503,
    )
  })
}
