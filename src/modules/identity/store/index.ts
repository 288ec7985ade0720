/**
 * Data access for people, roles, apps, SMS-forwarding rules and the audit log, over `core.sql`.
 * Every write that an admin makes takes an `Actor`, and its audit entry is written in the same
 * atomic batch: an action is either done and logged, or neither.
 */
import type { AppStoreDeps, IdentityDeps, RoleStoreDeps, UserStoreDeps } from './deps.ts'
import { createAppRepository } from './apps.ts'
import { createAuditRepository } from './audit.ts'
import { registerIdentityErrors } from './errors.ts'
import { createForwardingRepository } from './forwarding.ts'
import { createRoleRepository } from './roles.ts'
import { createUserRepository } from './users.ts'

export function createIdentityRepositories(
  core: UserStoreDeps & RoleStoreDeps & AppStoreDeps & Pick<IdentityDeps, 'errors'>,
) {
  registerIdentityErrors(core.errors)
  return {
    users: createUserRepository(core),
    roles: createRoleRepository(core),
    apps: createAppRepository(core),
    forwarding: createForwardingRepository(core),
    audit: createAuditRepository(core.sql, () => core.now()),
  }
}

export type IdentityRepositories = ReturnType<typeof createIdentityRepositories>

export {
  actorEntry,
  auditStatement,
  type Actor,
  type AuditQuery,
  type StoredAuditEntry,
} from './audit.ts'
export { allPermissions, type RoleInput, type RolePatch } from './roles.ts'
export { appPolicySchema, checkAppShape, wellKnownSignInMethods } from './app-rules.ts'
export { type AppInput, type AppPatch } from './apps.ts'
export { type ForwardingInput, type ForwardingRule } from './forwarding.ts'
export { type NewUser, type UserPatch } from './users.ts'
export { type UserListQuery, type UserPage, phoneSearchDigits } from './users-list.ts'
export {
  identityError,
  identityErrorCodes,
  invalidFields,
  notFound,
  registerIdentityErrors,
} from './errors.ts'
