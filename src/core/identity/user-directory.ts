import type { CoreServices } from '../services.ts'
import { parseLogin } from './normalize.ts'
import { createRoleRepository } from './repositories/roles.ts'
import { createUserRepository } from './repositories/users.ts'
import type { UserDirectory } from './services.ts'

/** Looks people up by any form of their login; the admin API writes through the repositories. */
export function createUserDirectory(core: CoreServices): UserDirectory {
  const users = createUserRepository(core)
  const roles = createRoleRepository(core)
  return {
    async findByLogin(login) {
      const parsed = parseLogin(login)
      if (!parsed) return null
      return users.findBy(parsed.kind, parsed.value)
    },
    get: (id) => users.get(id),
    async roles(userId) {
      const user = await users.get(userId)
      return user ? roles.byIds(user.roleIds) : []
    },
    activate: (userId) => users.activate(userId),
  }
}
