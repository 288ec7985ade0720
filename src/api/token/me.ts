import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { coreError } from '../../kernel/errors.ts'
import type { AuditEntry } from '../../modules/identity/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { requireAuth } from '../auth.ts'
import { getSession } from '../../modules/sessions/index.ts'
import { bearerSecurity, errorResponse, sessionSchema } from '../token-schemas.ts'

const meBody = z
  .object({
    user: z.object({
      id: z.string(),
      kind: z.enum(['employee', 'customer']),
      displayName: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      status: z.enum(['invited', 'active', 'blocked']),
      createdAt: z.string(),
      activatedAt: z.string().nullable(),
      lastSignInAt: z.string().nullable(),
    }),
    roles: z.array(z.object({ id: z.string(), name: z.string(), appTypes: z.array(z.string()) })),
    permissions: z.array(z.string()),
    app: z.object({ id: z.string(), name: z.string(), type: z.string() }),
    sessionId: z.string(),
  })
  .openapi('Me')

const unauthorized = errorResponse('`unauthorized`: no, invalid or expired token, or ended session')

const meRoute = createRoute({
  method: 'get',
  path: '/v1/me',
  operationId: 'getMe',
  tags: ['Me'],
  summary: 'The signed-in user, their roles and the app of the token',
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  responses: {
    200: { description: 'Who is calling', content: { 'application/json': { schema: meBody } } },
    401: unauthorized,
  },
})

const sessionsRoute = createRoute({
  method: 'get',
  path: '/v1/me/sessions',
  operationId: 'listMySessions',
  tags: ['Me'],
  summary: "The user's active sessions (all apps, all devices)",
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  responses: {
    200: {
      description: 'Sessions, newest first',
      content: { 'application/json': { schema: z.object({ sessions: z.array(sessionSchema) }) } },
    },
    401: unauthorized,
  },
})

const endSessionRoute = createRoute({
  method: 'delete',
  path: '/v1/me/sessions/{id}',
  operationId: 'endMySession',
  tags: ['Me'],
  summary: 'End one of my sessions (e.g. a lost phone)',
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  request: { params: z.object({ id: z.string().min(1).max(100) }) },
  responses: {
    204: { description: 'Ended' },
    401: unauthorized,
    404: errorResponse('`not_found`: no such active session of yours'),
  },
})

const logoutRoute = createRoute({
  method: 'post',
  path: '/v1/logout',
  operationId: 'logout',
  tags: ['Me'],
  summary: 'Sign out: ends the session of the calling token',
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  responses: { 204: { description: 'Signed out' }, 401: unauthorized },
})

function auditEnd(c: Context<AppEnv>, sessionId: string, action: string): AuditEntry {
  const principal = c.get('principal')
  return {
    actorType: 'user',
    actorId: principal.userId,
    action,
    targetType: 'session',
    targetId: sessionId,
    result: 'success',
    ip: c.get('clientIp'),
    requestId: c.get('requestId'),
    appId: principal.appId,
  }
}

export function mountMeRoutes(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  const { identity } = services

  app.openapi(meRoute, (c) => {
    const principal = c.get('principal')
    // Everything shown was read by the auth middleware in its one statement.
    const { user, roles, app: client } = c.get('auth')
    if (!client) throw coreError('unauthorized', 'This session has ended.')
    return c.json(
      {
        user,
        roles: roles.map((role) => ({ id: role.id, name: role.name, appTypes: role.appTypes })),
        permissions: principal.permissions,
        app: client,
        sessionId: principal.sessionId,
      },
      200,
    )
  })

  app.openapi(sessionsRoute, async (c) => {
    const principal = c.get('principal')
    const sessions = await identity.sessions.list(principal.userId)
    return c.json(
      {
        sessions: sessions.map(({ userId: _user, revokedAt: _at, revokedReason: _why, ...s }) => ({
          ...s,
          current: s.id === principal.sessionId,
        })),
      },
      200,
    )
  })

  app.openapi(endSessionRoute, async (c) => {
    const principal = c.get('principal')
    const { id } = c.req.valid('param')
    const session = await getSession(services.sql, id)
    // Someone else's session answers exactly like a missing one.
    if (!session || session.userId !== principal.userId || session.revokedAt) {
      throw coreError('not_found', 'No such active session of yours.')
    }
    await identity.sessions.revoke(id, 'ended_by_user')
    await identity.audit.record(auditEnd(c, id, 'session.revoke'))
    return c.body(null, 204)
  })

  app.openapi(logoutRoute, async (c) => {
    const { sessionId } = c.get('principal')
    await identity.sessions.revoke(sessionId, 'logout')
    await identity.audit.record(auditEnd(c, sessionId, 'sign_out'))
    return c.body(null, 204)
  })
}
