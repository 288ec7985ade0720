/**
 * State store over the Upstash Redis REST API. Web-standard only (fetch, crypto.subtle): this is
 * the adapter Cloudflare Workers use.
 *
 * We import the `/cloudflare` build of @upstash/redis on purpose: the package's default (Node)
 * entry passes `cache: 'no-store'` to fetch, which workerd rejects ("The 'cache' field on
 * 'RequestInitializerDict' is not implemented") unless the compatibility date is recent enough
 * (checked under Miniflare: 2024-11-01 fails, 2025-06-01 works), and it probes `process`. The
 * Cloudflare build is plain fetch and runs unchanged on Node 20+, Deno and Workers.
 */
import { Redis } from '@upstash/redis/cloudflare'
import type { StateStore } from './port.ts'
import { STATE_SCRIPTS, type StateScriptName } from './lua.ts'
import { createScriptedStateStore } from './redis-common.ts'
import { DEFAULT_STATE_PREFIX } from './shared.ts'

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
  const { timeoutMs } = options
  const redis = new Redis({
    url: options.url,
    token: options.token,
    // The client retries only network failures (HTTP errors are thrown at once); keep that short
    // so an unreachable endpoint surfaces within a request instead of ~8 s of exponential backoff.
    retry: { retries: 2, backoff: (attempt) => 50 * 2 ** attempt },
    enableTelemetry: false,
    // A function: the client then calls it once per request for a fresh signal, and rethrows
    // the abort. (A plain signal would be shared by every request and, once fired, turned into
    // a fake 200 "Aborted" result.)
    ...(timeoutMs ? { signal: () => AbortSignal.timeout(timeoutMs) } : {}),
    // Values are opaque strings: without this the client JSON-parses them, so '123' would come
    // back as a number and '"x"' as 'x'.
    automaticDeserialization: false,
  })

  // createScript gives EVALSHA with a fallback to EVAL on NOSCRIPT (hashing via crypto.subtle).
  const scripts = new Map(
    (Object.keys(STATE_SCRIPTS) as StateScriptName[]).map(
      (name) => [name, redis.createScript<unknown>(STATE_SCRIPTS[name])] as const,
    ),
  )

  return createScriptedStateStore('upstash', options.prefix ?? DEFAULT_STATE_PREFIX, {
    call: (command, ...args) => redis.exec<unknown>([command, ...args]),

    script(name, keys, args) {
      const script = scripts.get(name)
      if (!script) throw new Error(`state script ${name} is not registered`)
      return script.exec(keys, args)
    },

    // Stateless HTTP: there is no connection to release.
    async close() {},
  })
}
