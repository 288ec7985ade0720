import { sha256Hex, timingSafeEqual } from '../../kernel/crypto.ts'
import type { AppStoreDeps } from './store/deps.ts'
import { appCacheFor } from './store/app-cache.ts'
import { createAppRepository, hashSecret } from './store/apps.ts'
import type { AppRegistry } from './services.ts'

/** Registered clients, read side: the token endpoints look apps up and check their secrets. */
export function createAppRegistry(core: AppStoreDeps): AppRegistry {
  const apps = createAppRepository(core)
  // Compared against when the app is unknown or public, so every call hashes and compares once.
  const placeholder = sha256Hex('propusk: no secret')
  return {
    get: (clientId) => apps.get(clientId),
    cached: (clientId) => appCacheFor(core).get(clientId, apps.get),
    async verifySecret(clientId, secret) {
      const [stored, given] = await Promise.all([apps.secretHash(clientId), hashSecret(secret)])
      // Comparing hashes (not secrets) in constant time: nothing about the stored value leaks.
      const matches = timingSafeEqual(given, stored ?? (await placeholder))
      return stored !== null && matches
    },
  }
}
