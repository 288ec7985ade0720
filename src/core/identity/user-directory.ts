// SCAFFOLD: replaced by the owner of this file (see the identity issue).
import type { CoreServices } from '../services.ts'
import type { UserDirectory } from './services.ts'

export function createUserDirectory(_core: CoreServices): UserDirectory {
  return new Proxy({} as UserDirectory, {
    get: () => () => Promise.reject(new Error('createUserDirectory is not implemented yet')),
  })
}
