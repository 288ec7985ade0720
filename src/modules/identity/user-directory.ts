import type { RoleStoreDeps, UserStoreDeps } from './store/deps.ts'
import { parseLogin } from './model/normalize.ts'
import { createRoleRepository } from './store/roles.ts'
import { createUserRepository } from './store/users.ts'
import { lookUpSignIn } from './store/sign-in-lookup.ts'
import { lookUpCodeSend } from './store/code-send-lookup.ts'
import type { UserDirectory } from './services.ts'
import type { User } from './model/types.ts'

/**
 * Looks people up by any form of their login; the admin API writes through the repositories.
 * Every sign-in reads the person here, so a block whose end date has passed is lifted here:
 * no timer is needed, and no sign-in sees a block that should be over.
 */
export function createUserDirectory(core: UserStoreDeps & RoleStoreDeps): UserDirectory {
  const users = createUserRepository(core)
  const roles = createRoleRepository(core)
  const current = async (user: User | null) => (user ? users.liftExpiredBlock(user) : null)
  return {
    async findByLogin(login) {
      const parsed = parseLogin(login)
      if (!parsed) return null
      return current(await users.findBy(parsed.kind, parsed.value))
    },
    async findForSignIn(login, clientId) {
      const found = await lookUpSignIn(core.sql, clientId, parseLogin(login))
      return { ...found, user: await current(found.user) }
    },
    async findForCodeSend(login) {
      const parsed = parseLogin(login)
      if (!parsed) return null
      const found = await lookUpCodeSend(core.sql, parsed)
      return { ...found, user: await current(found.user) }
    },
    get: async (id) => current(await users.get(id)),
    async roles(userId) {
      const user = await users.get(userId)
      return user ? roles.byIds(user.roleIds) : []
    },
    rolesOf: (user) => roles.byIds(user.roleIds),
    activate: (userId) => users.activate(userId),
  }
}
