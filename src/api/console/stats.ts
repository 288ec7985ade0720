import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { SqlValue } from '../../kernel/ports/sql.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import { requireAuth } from '../auth.ts'
import { recentSignIns, recentSignInSchema, signInCounted, toRecent } from './recent-sign-ins.ts'

/**
 * Dashboard numbers, computed from the audit log and the delivery log. Conventions read here:
 * sign-ins are audited as `sign_in.<method>` with result success/failure/denied (a success with
 * `details.next`, e.g. a code accepted for a person who must create a password first, is not a
 * sign-in yet and is not counted); a refusal
 * counts as a lockout when its action or `details.reason` mentions a lock (`locked`,
 * `account_locked`...) or is `too_many_attempts` / `rate_limited`.
 */

const dayPoint = z.object({ date: z.string().describe('YYYY-MM-DD in the asked time zone') })

export const dashboardSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    dates: z.array(z.string()),
    signIns: z.array(dayPoint.extend({ method: z.string(), count: z.number().int() })),
    signInsByApp: z.array(
      dayPoint.extend({
        appId: z.string().describe('Empty when the sign-in named no app'),
        appName: z.string().nullable().describe('Null when the app was deleted since'),
        count: z.number().int(),
      }),
    ),
    recentSignIns: z.array(recentSignInSchema).describe('Newest first, whatever the period'),
    attempts: z.array(
      dayPoint.extend({
        failed: z.number().int().describe('Refused sign-ins: wrong password or code, denied app'),
        locked: z.number().int().describe('Refused because of a lockout or rate limit'),
      }),
    ),
    deliveries: z.array(
      z.object({
        channel: z.string(),
        provider: z.string(),
        total: z.number().int(),
        delivered: z.number().int(),
        sent: z.number().int(),
        queued: z.number().int(),
        failed: z.number().int(),
      }),
    ),
    people: z.object({
      active: z.number().int(),
      invited: z.number().int(),
      blocked: z.number().int(),
    }),
    activeSessions: z.number().int(),
  })
  .openapi('ConsoleDashboard')

const dashboardRoute = createRoute({
  method: 'get',
  path: '/v1/admin/stats/dashboard',
  operationId: 'adminGetDashboard',
  tags: ['Admin console'],
  summary: 'Sign-ins per day by method, failed and locked attempts, delivery success',
  security: [{ bearerAuth: [] }],
  middleware: [requireAuth({ appTypes: ['admin-console'], permission: 'audit:read' })] as const,
  request: {
    query: z.object({
      days: z.coerce.number().int().min(1).max(90).default(14),
      utcOffsetMinutes: z.coerce
        .number()
        .int()
        .min(-840)
        .max(840)
        .default(0)
        .openapi({ description: 'The viewer’s offset from UTC, so days start at their midnight' }),
      recent: z.coerce
        .number()
        .int()
        .min(0)
        .max(50)
        .default(10)
        .openapi({ description: 'How many of the latest sign-in attempts to list' }),
    }),
  },
  responses: {
    200: { description: 'Dashboard', content: { 'application/json': { schema: dashboardSchema } } },
    400: errorResponse('`validation_failed`: a query value out of range'),
    401: errorResponse('`unauthorized`: no or bad access token'),
    403: errorResponse('`forbidden`: not an admin-console token with audit:read'),
  },
})

const lockedCondition = `(action LIKE '%lock%'
  OR COALESCE(json_extract(details, '$.reason'), '') LIKE '%lock%'
  OR json_extract(details, '$.reason') IN ('too_many_attempts', 'rate_limited'))`

/** Local calendar dates from `days - 1` days ago to today, in the viewer's offset. */
export function dateRange(now: Date, days: number, offsetMinutes: number) {
  const local = new Date(now.getTime() + offsetMinutes * 60_000)
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())
  const dates: string[] = []
  for (let i = days - 1; i >= 0; i--) {
    dates.push(new Date(today - i * 86_400_000).toISOString().slice(0, 10))
  }
  const from = new Date(today - (days - 1) * 86_400_000 - offsetMinutes * 60_000)
  return { dates, from: from.toISOString(), to: now.toISOString() }
}

const int = (value: SqlValue | undefined) => Number(value ?? 0)

export async function dashboard(
  services: CoreServices,
  days: number,
  offsetMinutes: number,
  recent = 10,
): Promise<z.infer<typeof dashboardSchema>> {
  const { dates, from, to } = dateRange(services.now(), days, offsetMinutes)
  const shift = `${offsetMinutes >= 0 ? '+' : ''}${offsetMinutes} minutes`
  const day = `substr(datetime(at, '${shift}'), 1, 10)`
  const [signIns, byApp, attempts, deliveries, people, sessions, latest] = await services.sql.batch(
    [
      {
        sql: `SELECT ${day} AS date, substr(action, 9) AS method, COUNT(*) AS count FROM audit_log
            WHERE at >= ? AND ${signInCounted}
            GROUP BY date, method ORDER BY date, method`,
        args: [from],
      },
      {
        sql: `SELECT ${day} AS date, COALESCE(a.app_id, '') AS app_id, MAX(apps.name) AS app_name,
              COUNT(*) AS count
            FROM audit_log a LEFT JOIN apps ON apps.id = a.app_id
            WHERE a.at >= ? AND ${signInCounted}
            GROUP BY date, a.app_id ORDER BY date, a.app_id`,
        args: [from],
      },
      {
        sql: `SELECT ${day} AS date,
              SUM(CASE WHEN ${lockedCondition} THEN 0 ELSE 1 END) AS failed,
              SUM(CASE WHEN ${lockedCondition} THEN 1 ELSE 0 END) AS locked
            FROM audit_log
            WHERE at >= ? AND result != 'success'
              AND (action LIKE 'sign\\_in.%' ESCAPE '\\' OR action LIKE '%lock%')
            GROUP BY date ORDER BY date`,
        args: [from],
      },
      {
        sql: `SELECT channel, provider, COUNT(*) AS total,
              SUM(status = 'delivered') AS delivered, SUM(status = 'sent') AS sent,
              SUM(status = 'queued') AS queued, SUM(status = 'failed') AS failed
            FROM delivery_log WHERE created_at >= ?
            GROUP BY channel, provider ORDER BY channel, provider`,
        args: [from],
      },
      { sql: 'SELECT status, COUNT(*) AS count FROM users GROUP BY status' },
      {
        sql: `SELECT COUNT(*) AS count FROM sessions
            WHERE revoked_at IS NULL AND expires_at > ? AND idle_expires_at > ?`,
        args: [to, to],
      },
      recentSignIns(recent),
    ],
  )
  const peopleBy = new Map(people?.rows.map((r) => [String(r.status), int(r.count)]) ?? [])
  return {
    from,
    to,
    dates,
    signIns: (signIns?.rows ?? []).map((r) => ({
      date: String(r.date),
      method: String(r.method),
      count: int(r.count),
    })),
    signInsByApp: (byApp?.rows ?? []).map((r) => ({
      date: String(r.date),
      appId: String(r.app_id),
      appName: r.app_name == null ? null : String(r.app_name),
      count: int(r.count),
    })),
    recentSignIns: latest?.rows.map(toRecent) ?? [],
    attempts: (attempts?.rows ?? []).map((r) => ({
      date: String(r.date),
      failed: int(r.failed),
      locked: int(r.locked),
    })),
    deliveries: (deliveries?.rows ?? []).map((r) => ({
      channel: String(r.channel),
      provider: String(r.provider),
      total: int(r.total),
      delivered: int(r.delivered),
      sent: int(r.sent),
      queued: int(r.queued),
      failed: int(r.failed),
    })),
    people: {
      active: peopleBy.get('active') ?? 0,
      invited: peopleBy.get('invited') ?? 0,
      blocked: peopleBy.get('blocked') ?? 0,
    },
    activeSessions: int(sessions?.rows[0]?.count),
  }
}

export function mountStats(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  app.openapi(dashboardRoute, async (c) => {
    const { days, utcOffsetMinutes, recent } = c.req.valid('query')
    return c.json(await dashboard(services, days, utcOffsetMinutes, recent), 200)
  })
}
