import { createRoute } from '@hono/zod-openapi'
import { errorSummary } from './api-docs.ts'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../services.ts'
import { pingSql } from './health-store.ts'

const checkStatus = z.enum(['ok', 'fail'])
const healthBody = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({ sql: checkStatus, state: checkStatus }),
    error: errorSummary.optional(),
  })
  .openapi('Health')

const route = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  security: [],
  tags: ['Operations'],
  summary: 'Liveness and dependency check',
  description:
    'Checks the SQL database and the state store, each under its request deadline (`SQL_TIMEOUT_MS`, `STATE_TIMEOUT_MS`). 503 names the failing dependency.',
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

/**
 * `services.sql` and `services.state` carry the same per-call deadlines as every request
 * (`SQL_TIMEOUT_MS`, `STATE_TIMEOUT_MS`), so a check fails exactly when a request would answer
 * 503, and the probe needs no timer of its own: both run at once, so the answer comes within
 * the larger of the two deadlines.
 */
async function probe(check: () => Promise<unknown>): Promise<'ok' | 'fail'> {
  try {
    await check()
    return 'ok'
  } catch {
    return 'fail'
  }
}

export function mountHealth(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  app.openapi(route, async (c) => {
    const [sql, state] = await Promise.all([
      probe(() => pingSql(services.sql)),
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
