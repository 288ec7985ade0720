/**
 * The admin API (`/v1/admin/...`): people, CSV import, roles, apps, SMS forwarding, sessions
 * and the audit log. Every route takes an admin-console access token with the permission it
 * needs; every action is audited (see `adminRoute` and the repositories).
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { createIdentityRepositories } from '../../modules/identity/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { mountAppRoutes } from './apps.ts'
import { mountAuditRoutes } from './audit.ts'
import { mountExportRoutes } from './export.ts'
import { mountForwardingRoutes } from './forwarding.ts'
import { mountImportRoutes } from './import.ts'
import { mountRoleRoutes } from './roles.ts'
import { mountSessionRoutes } from './sessions.ts'
import { mountUserActionRoutes } from './user-actions.ts'
import { mountUserRoutes } from './users.ts'
import { mountUserAccessRoutes } from './users-access.ts'
import { mountUserBulkRoutes } from './users-bulk.ts'
import { mountUserStatusRoutes } from './users-status.ts'

export function mountAdminApi(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  const repos = createIdentityRepositories(services)
  // Before the users routes: `/users/import`, `/users/bulk` and `/users/export` must not be taken
  // for `/users/{id}`.
  mountImportRoutes(app, services, repos)
  mountUserBulkRoutes(app, services, repos)
  mountExportRoutes(app, repos)
  mountUserRoutes(app, services, repos)
  mountUserStatusRoutes(app, services, repos)
  mountUserAccessRoutes(app, repos)
  mountUserActionRoutes(app, services, repos)
  mountSessionRoutes(app, services, repos)
  mountRoleRoutes(app, repos)
  mountAppRoutes(app, repos)
  mountForwardingRoutes(app, repos)
  mountAuditRoutes(app, repos)
}
