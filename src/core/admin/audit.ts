import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { IdentityRepositories } from '../identity/repositories/index.ts'
import type { AppEnv } from '../services.ts'
import { adminRoute } from './context.ts'
import { auditPage, auditQuery, guardedErrors, jsonResponse } from './schemas.ts'

const queryAudit = createRoute({
  tags: ['Admin: audit'],
  security: [{ bearerAuth: [] }],
  method: 'get',
  path: '/v1/admin/audit',
  operationId: 'adminListAuditEntries',
  summary: 'Audit entries, newest first, with filters',
  description:
    'Every admin action and sign-in attempt. `action` matches by prefix (`user.`, `sign_in.`); ' +
    '`from` is inclusive and `to` exclusive.',
  middleware: [
    adminRoute({ permission: 'audit:read', action: 'audit.query', targetType: 'audit' }),
  ],
  request: { query: auditQuery },
  responses: { 200: jsonResponse(auditPage, 'A page of entries'), ...guardedErrors },
})

export function mountAuditRoutes(app: OpenAPIHono<AppEnv>, repos: IdentityRepositories) {
  app.openapi(queryAudit, async (c) => c.json(await repos.audit.query(c.req.valid('query')), 200))
}
