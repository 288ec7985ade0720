import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { SqlValue } from '../../kernel/ports/sql.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import { requireAuth } from '../auth.ts'
import { recentSignInSchema, toRecent } from './recent-sign-ins.ts'
import {
  peopleByStatus,
  recentSignIns,
  refusedSignInsPerDay,
  signInsByAppPerDay,
  signInsPerDay,
} from '../../modules/identity/index.ts'
import { deliveryTotals } from '../../modules/delivery/index.ts'
import { activeSessionCount } from '../../modules/sessions/index.ts'

/**
 * Dashboard numbers, computed from the audit log, the delivery log, users and sessions in one
 * batch (one round trip). What counts as a sign-in, a failure and a lockout is defined beside
 * the queries, in the identity store (src/modules/identity/store/sign-in-stats.ts).
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
  const [signIns, byApp, attempts, deliveries, people, sessions, latest] = await services.sql.batch(
    [
      signInsPerDay(from, offsetMinutes),
      signInsByAppPerDay(from, offsetMinutes),
      refusedSignInsPerDay(from, offsetMinutes),
      deliveryTotals(from),
      peopleByStatus(),
      activeSessionCount(to),
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
