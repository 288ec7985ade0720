import type { OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { IdentityRepositories } from '../../modules/identity/index.ts'
import type { AppEnv } from '../../kernel/services.ts'
import { actorOf } from './context.ts'
import { assertMayDefineRole } from './grants.ts'
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
  one: 'Role',
  many: 'Roles',
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
  description:
    '`appTypes` must be installed client app type plugins. You can only give a role ' +
    'permissions you hold yourself (403 `role_grant_forbidden`).',
  body: createRoleBody,
  schema: roleSchema,
  conflict: '`role_name_taken`',
})

const updateRole = roles.update({
  summary: 'Edit a role (built-in ones too)',
  description:
    'Holders get the change at their next token refresh at the latest. Needs every permission ' +
    'the role has before and after (403 `role_grant_forbidden`). Identical values change ' +
    'nothing (audited with `changed: false`).',
  body: updateRoleBody,
  schema: roleSchema,
  label: 'The role',
  conflict:
    '`role_name_taken`, or `last_administrator` (the edit would leave no active user with the ' +
    'admin console, `users:write` and `roles:write`)',
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
  app.openapi(createRole, async (c) => {
    const body = c.req.valid('json')
    assertMayDefineRole(c.get('principal'), body.permissions)
    return c.json(await roles.create(body, actorOf(c)), 201)
  })
  app.openapi(updateRole, async (c) => {
    const { id } = c.req.valid('param')
    const patch = c.req.valid('json')
    const role = await roles.mustGet(id)
    assertMayDefineRole(c.get('principal'), [...role.permissions, ...(patch.permissions ?? [])])
    return c.json(await roles.update(id, patch, actorOf(c)), 200)
  })
  app.openapi(deleteRole, async (c) => {
    await roles.delete(c.req.valid('param').id, actorOf(c))
    return c.body(null, 204)
  })
}
