import type { OpenAPIHono } from '@hono/zod-openapi'
import type {
  IdentityRepositories,
  Permission,
  User,
  UserKind,
} from '../../modules/identity/index.ts'
import { identityError } from '../../modules/identity/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { actionContext, actorOf } from './context.ts'
import { assertMayChangeRoles, assertMayManageUser } from './grants.ts'
import { assertMobilePhone } from './mobile-phone.ts'
import { deliverInvitation, userResource } from './user-actions.ts'
import {
  conflictError,
  createUserBody,
  createUserResponse,
  guardedErrors,
  idParam,
  jsonResponse,
  listUsersQuery,
  notFoundError,
  updateUserBody,
  userDetailSchema,
  userPage,
} from './schemas.ts'

/** R10: without explicit roles, people get the built-in role of their kind. */
export const defaultRoleIds: Record<UserKind, string[]> = {
  employee: ['role_field_employee'],
  customer: ['role_customer'],
}

const createUser = userResource.create({
  summary: 'Create a user and send the invitation (R1, R2)',
  description:
    'The user and their roles are written atomically; the invitation is delivered afterwards. ' +
    'If delivery fails the user still exists (status `invited`) and `invitation.status` is ' +
    '`failed`: resend with `POST /v1/admin/users/{id}/invitation`. A database or state outage ' +
    'met while inviting answers 503 `dependency_unavailable` (the user may already exist). ' +
    'A phone that cannot receive ' +
    'SMS (a landline) is refused with 400 `phone_not_mobile`.',
  body: createUserBody,
  schema: createUserResponse,
  conflict: '`phone_taken`, `email_taken` or `logins_taken` (both; `fields` names each)',
})

const listUsers = userResource.list({
  summary: 'Search and filter users, newest first',
  request: { query: listUsersQuery },
  schema: userPage,
  label: 'A page of users',
})

const getUser = userResource.get({
  summary: 'A user with roles, invitation state and active session count',
  schema: userDetailSchema,
  label: 'The user',
})

const updateUser = userResource.update({
  summary: 'Change name, kind, phone, e-mail or roles',
  description:
    'Role changes apply at the user’s next token refresh at the latest. Giving or taking a ' +
    'role needs every permission of that role (403 `role_grant_forbidden`); a user holding ' +
    'permissions you lack cannot be changed (403 `target_outranks_you`). Identical values change ' +
    'nothing (audited with `changed: false`). A new phone that cannot receive SMS (a landline) ' +
    'is refused with 400 `phone_not_mobile`.',
  body: updateUserBody,
  schema: userDetailSchema,
  label: 'The updated user',
  conflict:
    '`phone_taken`, `email_taken`, `logins_taken`, or `last_administrator` (taking the roles ' +
    'of the last active administrator)',
})

const deleteUser = userResource.remove({
  summary: 'Delete a user with their sessions and invitations',
  conflict: '`self_action_forbidden` or `last_administrator`',
})

export function mountUserRoutes(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  repos: IdentityRepositories,
) {
  const { users } = repos

  async function detail(user: User) {
    const [roles, invitation, activeSessions] = await Promise.all([
      repos.roles.byIds(user.roleIds),
      services.identity.invitations.latest(user.id),
      users.activeSessionCount(user.id),
    ])
    return { ...user, roles, invitation, activeSessions }
  }

  function notSelf(c: { get(key: 'principal'): { userId: string } }, id: string) {
    if (c.get('principal').userId === id) throw identityError('self_action_forbidden')
  }

  const acting = (c: { get(key: 'principal'): { permissions: Permission[] } }) => c.get('principal')

  app.openapi(createUser, async (c) => {
    const body = c.req.valid('json')
    const roleIds = body.roleIds ?? defaultRoleIds[body.kind]
    assertMobilePhone(body.phone)
    await assertMayChangeRoles(repos, acting(c), [], roleIds)
    const user = await users.create(
      {
        kind: body.kind,
        displayName: body.displayName,
        phone: body.phone ?? null,
        email: body.email ?? null,
        roleIds,
        locale: body.locale ?? null,
      },
      actorOf(c),
    )
    const invitation = body.sendInvitation
      ? await deliverInvitation(services, user.id, actionContext(c))
      : { status: 'skipped' as const }
    return c.json({ user: await detail(await users.mustGet(user.id)), invitation }, 201)
  })

  app.openapi(listUsers, async (c) => c.json(await users.list(c.req.valid('query')), 200))

  app.openapi(getUser, async (c) =>
    c.json(await detail(await users.mustGet(c.req.valid('param').id)), 200),
  )

  app.openapi(updateUser, async (c) => {
    const { id } = c.req.valid('param')
    const patch = c.req.valid('json')
    const current = await users.mustGet(id)
    await assertMayManageUser(repos, acting(c), id)
    // Only a new number is checked: renaming someone keeps the phone they already have.
    if (patch.phone !== current.phone) assertMobilePhone(patch.phone)
    if (patch.roleIds) await assertMayChangeRoles(repos, acting(c), current.roleIds, patch.roleIds)
    const user = await users.update(id, patch, actorOf(c))
    return c.json(await detail(user), 200)
  })

  app.openapi(deleteUser, async (c) => {
    const { id } = c.req.valid('param')
    notSelf(c, id)
    await assertMayManageUser(repos, acting(c), id)
    await users.delete(id, actorOf(c))
    return c.body(null, 204)
  })
}
