/**
 * State store over the Upstash Redis REST API. Web-standard only (fetch, crypto.subtle): this is
 * the adapter Cloudflare Workers use. The commands travel through `upstash-rest.ts`, a small
 * fetch client in place of the `@upstash/redis` SDK (why: docs/performance.md).
 */
import type { StateStore } from '../../kernel/ports/state.ts'
import { STATE_SCRIPTS } from './lua.ts'
import { createScriptedStateStore } from './redis-common.ts'
import { DEFAULT_STATE_PREFIX } from './shared.ts'
import { createUpstashRest } from './upstash-rest.ts'

export interface UpstashStateStoreOptions {
  /** The REST URL, e.g. `https://eu1-xyz.upstash.io`. */
  url: string
  token: string
  /** Prepended to every key; default `propusk:`. */
  prefix?: string
  /**
   * Aborts each REST request (retries included) after this long, so a hung endpoint releases
   * the fetch instead of holding it until the runtime gives up. Unset: no client-side limit.
   */
  timeoutMs?: number
}

export function createUpstashStateStore(options: UpstashStateStoreOptions): StateStore {
  const rest = createUpstashRest(options)
  return createScriptedStateStore('upstash', options.prefix ?? DEFAULT_STATE_PREFIX, {
    call: (command, ...args) => rest.command([command, ...args]),
    script: (name, keys, args) => rest.script(STATE_SCRIPTS[name], keys, args),
    // Stateless HTTP: there is no connection to release.
    async close() {},
  })
}
