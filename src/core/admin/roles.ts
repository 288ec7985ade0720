import { z, type OpenAPIHono } from '@hono/zod-openapi'
import type { IdentityRepositories } from '../identity/repositories/index.ts'
import type { AppEnv } from '../services.ts'
import { actorOf } from './context.ts'
import { adminResource } from './resource.ts'
import { createRoleBody, updateRoleBody } from './schemas-config.ts'
import { roleSchema } from './schemas.ts'

const roles = adminResource({
  tag: 'Admin: roles',
  path: '/v1/admin/roles',
  targetType: 'role',
  actions: 'role',
  read: 'roles:read',
  write: 'roles:write',
})

const listRoles = roles.list({
  summary: 'All roles with the app types they grant (R7) and their admin permissions',
  schema: z.object({ items: z.array(roleSchema) }),
  label: 'Roles',
})

const getRole = roles.get({
  summary: 'A role and how many users hold it',
  schema: roleSchema.extend({ users: z.number().int() }),
  label: 'The role',
})

const createRole = roles.create({
  summary: 'Create a role',
  description: '`appTypes` must be installed client app type plugins.',
  body: createRoleBody,
  schema: roleSchema,
  conflict: '`role_name_taken`',
})

const updateRole = roles.update({
  summary: 'Edit a role (built-in ones too)',
  description: 'Holders get the change at their next token refresh at the latest.',
  body: updateRoleBody,
  schema: roleSchema,
  label: 'The role',
  conflict: '`role_name_taken`',
})

const deleteRole = roles.remove({
  summary: 'Delete a role nobody holds',
  conflict: '`role_builtin` or `role_in_use` (with `users`: how many hold it)',
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
