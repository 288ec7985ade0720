import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { IdentityRepositories } from '../identity/repositories/index.ts'
import type { AppEnv } from '../services.ts'
import { actorOf, adminRoute } from './context.ts'
import { createRoleBody, updateRoleBody } from './schemas-config.ts'
import {
  conflictError,
  guardedErrors,
  idParam,
  jsonBody,
  jsonResponse,
  noContent,
  notFoundError,
  roleSchema,
} from './schemas.ts'

const base = { tags: ['Admin: roles'], security: [{ bearerAuth: [] }] }
const guard = (permission: 'roles:read' | 'roles:write', action: string, targetParam?: string) =>
  adminRoute({ permission, action, targetType: 'role', ...(targetParam ? { targetParam } : {}) })

const listRoles = createRoute({
  ...base,
  method: 'get',
  path: '/v1/admin/roles',
  summary: 'All roles with the app types they grant (R7) and their admin permissions',
  middleware: [guard('roles:read', 'role.list')],
  responses: {
    200: jsonResponse(z.object({ items: z.array(roleSchema) }), 'Roles'),
    ...guardedErrors,
  },
})

const getRole = createRoute({
  ...base,
  method: 'get',
  path: '/v1/admin/roles/{id}',
  summary: 'A role and how many users hold it',
  middleware: [guard('roles:read', 'role.get', 'id')],
  request: { params: idParam },
  responses: {
    200: jsonResponse(roleSchema.extend({ users: z.number().int() }), 'The role'),
    ...guardedErrors,
    ...notFoundError,
  },
})

const createRole = createRoute({
  ...base,
  method: 'post',
  path: '/v1/admin/roles',
  summary: 'Create a role',
  description: '`appTypes` must be installed client app type plugins.',
  middleware: [guard('roles:write', 'role.create')],
  request: { body: jsonBody(createRoleBody) },
  responses: {
    201: jsonResponse(roleSchema, 'Created'),
    ...guardedErrors,
    ...conflictError('`role_name_taken`'),
  },
})

const updateRole = createRoute({
  ...base,
  method: 'patch',
  path: '/v1/admin/roles/{id}',
  summary: 'Edit a role (built-in ones too)',
  description: 'Holders get the change at their next token refresh at the latest.',
  middleware: [guard('roles:write', 'role.update', 'id')],
  request: { params: idParam, body: jsonBody(updateRoleBody) },
  responses: {
    200: jsonResponse(roleSchema, 'The role'),
    ...guardedErrors,
    ...notFoundError,
    ...conflictError('`role_name_taken`'),
  },
})

const deleteRole = createRoute({
  ...base,
  method: 'delete',
  path: '/v1/admin/roles/{id}',
  summary: 'Delete a role nobody holds',
  middleware: [guard('roles:write', 'role.delete', 'id')],
  request: { params: idParam },
  responses: {
    ...noContent,
    ...guardedErrors,
    ...notFoundError,
    ...conflictError('`role_builtin` or `role_in_use` (with `users`: how many hold it)'),
  },
})

export function mountRoleRoutes(app: OpenAPIHono<AppEnv>, repos: IdentityRepositories) {
  const { roles } = repos
  app.openapi(listRoles, async (c) => c.json({ items: await roles.list() }, 200))
  app.openapi(getRole, async (c) => {
    const role = await roles.mustGet(c.req.valid('param').id)
    return c.json({ ...role, users: await roles.usage(role.id) }, 200)
  })
  app.openapi(createRole, async (c) =>
    c.json(await roles.create(c.req.valid('json'), actorOf(c)), 201),
  )
  app.openapi(updateRole, async (c) =>
    c.json(await roles.update(c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
  )
  app.openapi(deleteRole, async (c) => {
    await roles.delete(c.req.valid('param').id, actorOf(c))
    return c.body(null, 204)
  })
}
