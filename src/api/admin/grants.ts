/**
 * "You can only grant what you have" (as Keycloak lets admins map admin roles only if they hold
 * them); see docs/admin.md:
 *
 * - giving a user a role, or taking one away, needs every permission of that role (its app
 *   types do not matter) — so `users:write` alone cannot hand out Administrator;
 * - creating or editing a role needs every permission it has before and after the edit;
 * - changing, blocking, deleting, inviting or resetting a user who holds permissions the admin
 *   lacks is refused — else changing their e-mail and sending a reset would take their account.
 *
 * `roles:write` is no bypass: it only lets an admin edit roles within the same limit.
 */
import type { FieldIssue } from '../../kernel/errors.ts'
import type {
  IdentityRepositories,
  Principal,
  Permission,
  Role,
} from '../../modules/identity/index.ts'
import { identityError } from '../../modules/identity/index.ts'

type Acting = Pick<Principal, 'permissions'>

export const lacking = (acting: Acting, needed: readonly Permission[]): Permission[] =>
  [...new Set(needed)].filter((permission) => !acting.permissions.includes(permission))

/** Why `acting` may not give or take `role`, or null when it may. */
export function grantProblem(
  acting: Acting,
  role: Pick<Role, 'name' | 'permissions'>,
  field: string,
): FieldIssue | null {
  const missing = lacking(acting, role.permissions)
  if (!missing.length) return null
  return {
    field,
    code: 'role_needs_permissions',
    params: { role: role.name, permissions: missing },
    message: `role "${role.name}" needs ${missing.join(', ')}, which you lack`,
  }
}

/** 403 `role_grant_forbidden` unless every role added or removed is within the admin's rights. */
export async function assertMayChangeRoles(
  repos: IdentityRepositories,
  acting: Acting,
  before: string[],
  after: string[],
): Promise<void> {
  const changed = [
    ...after.filter((id) => !before.includes(id)),
    ...before.filter((id) => !after.includes(id)),
  ]
  if (changed.length === 0) return
  const problems = (await repos.roles.byIds([...new Set(changed)]))
    .map((role) => ({ role, problem: grantProblem(acting, role, 'roleIds') }))
    .filter((entry) => entry.problem !== null)
  if (problems.length) {
    throw identityError('role_grant_forbidden', undefined, {
      fields: problems.flatMap(({ problem }) => (problem ? [problem] : [])),
      roleIds: problems.map(({ role }) => role.id),
    })
  }
}

/** 403 `role_grant_forbidden` unless the admin holds every permission in `permissions`. */
export function assertMayDefineRole(acting: Acting, permissions: readonly Permission[]): void {
  const missing = lacking(acting, permissions)
  if (missing.length) {
    throw identityError(
      'role_grant_forbidden',
      `Roles can only hold permissions you have yourself; you lack ${missing.join(', ')}.`,
      {
        fields: [
          {
            field: 'permissions',
            code: 'permissions_lacking',
            params: { permissions: missing },
            message: `you lack ${missing.join(', ')}`,
          },
        ],
      },
    )
  }
}

/** 403 `target_outranks_you` when the user holds permissions the admin lacks. */
export async function assertMayManageUser(
  repos: IdentityRepositories,
  acting: Acting,
  userId: string,
): Promise<void> {
  const user = await repos.users.get(userId)
  if (!user) return // the route's own lookup answers 404
  const held = (await repos.roles.byIds(user.roleIds)).flatMap((role) => role.permissions)
  const missing = lacking(acting, held)
  if (missing.length) {
    throw identityError('target_outranks_you', undefined, { permissions: missing })
  }
}
