import type { SqlDatabase } from '../../../kernel/ports/sql.ts'
import type { App } from '../model/types.ts'

/**
 * Registered apps as this isolate saw them a moment ago, for answers that are only hints to a
 * client (which sign-in methods to offer, `POST /v1/sign-in/start`): those then cost no SQL round
 * trip. Never what authorizes: a one-time code's send and check use it too, but the session
 * batch re-checks the app in SQL (tokens/session-store.ts); the token and admin paths read fresh.
 *
 * An entry lives `appCacheTtlMs` (15 s), so an admin's change reaches every isolate within that
 * time; the isolate that made the change drops its entry at once (the app repository calls
 * `invalidate`). At most `maxEntries` apps are kept, unknown client ids included, so a flood of
 * made-up ids cannot grow memory.
 */
export const appCacheTtlMs = 15_000
const maxEntries = 1000

interface Entry {
  at: number
  app: Promise<App | null>
}

export interface AppCache {
  get(clientId: string, load: (clientId: string) => Promise<App | null>): Promise<App | null>
  invalidate(clientId: string): void
}

export function createAppCache(now: () => number = () => Date.now()): AppCache {
  const entries = new Map<string, Entry>()
  return {
    get(clientId, load) {
      const found = entries.get(clientId)
      if (found && now() - found.at < appCacheTtlMs) return found.app
      entries.delete(clientId)
      if (entries.size >= maxEntries) {
        // Maps iterate in insertion order: the first key is the oldest entry.
        const oldest = entries.keys().next().value
        if (oldest !== undefined) entries.delete(oldest)
      }
      const app = load(clientId)
      const entry = { at: now(), app }
      entries.set(clientId, entry)
      // A failed read must not be served for the next 15 s: the next request retries.
      app.catch(() => {
        if (entries.get(clientId) === entry) entries.delete(clientId)
      })
      return app
    },
    invalidate(clientId) {
      entries.delete(clientId)
    },
  }
}

/**
 * One cache per app instance, found by the app's SqlDatabase: `createPropusk` wraps the port in
 * its own deadline proxy, so each app (like each isolate) has its own object, and everything of
 * that app that reads or writes apps (`identity.apps`, the admin's repositories) passes that same
 * object. Two apps in one process over one database therefore keep separate caches, as two
 * isolates do (app-cache.test.ts). The entries age on the app's clock (`now`), so a test clock
 * moves them too. The re-layering makes this an explicit value of the identity module.
 */
const caches = new WeakMap<SqlDatabase, AppCache>()

export function appCacheFor(core: { sql: SqlDatabase; now(): Date }): AppCache {
  let cache = caches.get(core.sql)
  if (!cache) caches.set(core.sql, (cache = createAppCache(() => core.now().getTime())))
  return cache
}
