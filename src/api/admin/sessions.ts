import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { IdentityRepositories } from '../../modules/identity/index.ts'
import { actorEntry, auditStatement, appNames, notFound } from '../../modules/identity/index.ts'
import { isUserSession } from '../../modules/sessions/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { actorOf, adminRoute } from './context.ts'
import {
  guardedErrors,
  idParam,
  jsonResponse,
  notFoundError,
  sessionParams,
  sessionSchema,
} from './schemas.ts'

const base = { tags: ['Admin: sessions'], security: [{ bearerAuth: [] }] }

const listSessions = createRoute({
  ...base,
  method: 'get',
  path: '/v1/admin/users/{id}/sessions',
  operationId: 'adminListUserSessions',
  summary: 'The user’s active sessions',
  middleware: [
    adminRoute({
      permission: 'users:read',
      action: 'session.list',
      targetType: 'user',
      targetParam: 'id',
    }),
  ],
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(sessionSchema) }), 'Sessions'),
    ...guardedErrors,
    ...notFoundError,
  },
})

const endSession = createRoute({
  ...base,
  method: 'delete',
  path: '/v1/admin/users/{id}/sessions/{sessionId}',
  operationId: 'adminEndUserSession',
  summary: 'End one session (its refresh token stops working at once)',
  middleware: [
    adminRoute({
      permission: 'users:write',
      action: 'session.revoke',
      targetType: 'session',
      targetParam: 'sessionId',
    }),
  ],
  request: { params: sessionParams },
  responses: { 204: { description: 'Ended' }, ...guardedErrors, ...notFoundError },
})

const endAll = createRoute({
  ...base,
  method: 'delete',
  path: '/v1/admin/users/{id}/sessions',
  operationId: 'adminEndAllUserSessions',
  summary: 'End every session of the user',
  middleware: [
    adminRoute({
      permission: 'users:write',
      action: 'session.revoke_all',
      targetType: 'user',
      targetParam: 'id',
    }),
  ],
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ sessionsEnded: z.number().int() }), 'How many were ended'),
    ...guardedErrors,
    ...notFoundError,
  },
})

/**
 * The session service has no actor, so these routes audit. The entry is written after the
 * revocation (a different store's write): if it fails the answer is an error even though the
 * sessions ended — the safe direction for a revocation.
 */
export function mountSessionRoutes(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  repos: IdentityRepositories,
) {
  const sessions = () => services.identity.sessions
  const audit = (entry: Parameters<typeof auditStatement>[0]) =>
    services.sql.execute(auditStatement(entry, services.now()))

  app.openapi(listSessions, async (c) => {
    const { id } = c.req.valid('param')
    await repos.users.mustGet(id)
    const items = await sessions().list(id)
    // The client's name beside its id, so the console shows "Engineer app", not its client id.
    const names = await appNames(
      services.sql,
      items.map((s) => s.appId),
    )
    return c.json({ items: items.map((s) => ({ ...s, appName: names.get(s.appId) ?? null })) }, 200)
  })

  app.openapi(endSession, async (c) => {
    const { id, sessionId } = c.req.valid('param')
    if (!(await isUserSession(services.sql, sessionId, id))) throw notFound('session')
    await sessions().revoke(sessionId, 'admin_revoked')
    await audit(
      actorEntry(actorOf(c), 'session.revoke', { type: 'session', id: sessionId }, { userId: id }),
    )
    return c.body(null, 204)
  })

  app.openapi(endAll, async (c) => {
    const { id } = c.req.valid('param')
    await repos.users.mustGet(id)
    const sessionsEnded = await sessions().revokeAll(id, 'admin_revoked')
    await audit(
      actorEntry(actorOf(c), 'session.revoke_all', { type: 'user', id }, { sessionsEnded }),
    )
    return c.json({ sessionsEnded }, 200)
  })
}
