import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { IdentityRepositories } from '../../modules/identity/index.ts'
import type { AppEnv } from '../../kernel/services.ts'
import { adminRoute } from './context.ts'
import { auditNames } from '../../modules/identity/index.ts'
import { errorLang } from '../../kernel/i18n/localize.ts'
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
    '`from` is inclusive and `to` exclusive. `names` names the people, roles, apps, sessions ' +
    'and plugins the page mentions (a deleted person by the name stored when they were deleted), ' +
    'plugins in the language of Accept-Language.',
  middleware: [
    adminRoute({ permission: 'audit:read', action: 'audit.query', targetType: 'audit' }),
  ],
  request: { query: auditQuery },
  responses: { 200: jsonResponse(auditPage, 'A page of entries'), ...guardedErrors },
})

export function mountAuditRoutes(app: OpenAPIHono<AppEnv>, repos: IdentityRepositories) {
  app.openapi(queryAudit, async (c) => {
    const page = await repos.audit.query(c.req.valid('query'))
    const services = c.get('services')
    const lang = errorLang(c.req.header('accept-language'))
    const names = await auditNames(services.sql, page.items, services.plugins, lang)
    return c.json({ ...page, names }, 200)
  })
}
