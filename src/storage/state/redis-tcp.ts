/**
 * State store over Redis TCP (RESP) via ioredis. Node/Deno only: ioredis needs raw sockets, so
 * this module is deliberately not re-exported from `./index` (which Workers bundle); Node and
 * Deno entries import it directly.
 */
import { Redis, type RedisOptions } from 'ioredis'
import type { StateStore } from '../../kernel/ports/state.ts'
import { STATE_SCRIPTS, type StateScriptName } from './lua.ts'
import { createScriptedStateStore } from './redis-common.ts'
import { DEFAULT_STATE_PREFIX } from './shared.ts'

export interface RedisStateStoreOptions {
  /** `redis://[user:pass@]host:port[/db]` or `rediss://` for TLS. */
  url: string
  /** Prepended to every key; default `propusk:`. */
  prefix?: string
  /**
   * Per-command, connect and disconnect timeout: a server that accepts but never answers
   * (frozen, swapping) fails each command after this long, and `close()` drops the socket after
   * at most twice this. Unset: ioredis' defaults (no command timeout).
   */
  timeoutMs?: number
  /** Extra ioredis options (TLS, timeouts); merged over the defaults below. */
  redisOptions?: RedisOptions
  /**
   * Connection-level errors (refused, reset, auth). Commands reject on their own either way;
   * without a handler ioredis prints each one as an "Unhandled error event".
   */
  onError?: (error: Error) => void
}

type ScriptMethod = (...keysThenArgs: string[]) => Promise<unknown>

/** Method names under which the scripts are registered on the ioredis client. */
const methodName = (name: StateScriptName) => `propusk_${name}`

export function createRedisStateStore(options: RedisStateStoreOptions): StateStore {
  const redis = new Redis(options.url, {
    // ioredis defaults to 20 reconnect-retries per command, which turns an outage into
    // multi-second hangs; fail fast so callers (and health checks) see the error.
    maxRetriesPerRequest: 2,
    // disconnectTimeout: how long close() waits for a frozen server to acknowledge the end of
    // the socket before destroying it (ioredis: 2 s, which would hold a Node process that long).
    ...(options.timeoutMs
      ? {
          commandTimeout: options.timeoutMs,
          connectTimeout: options.timeoutMs,
          disconnectTimeout: options.timeoutMs,
        }
      : {}),
    ...options.redisOptions,
  })
  if (options.onError) redis.on('error', options.onError)

  // defineCommand sends EVALSHA and transparently falls back to EVAL on NOSCRIPT, so scripts
  // survive a SCRIPT FLUSH or a failover to a replica that never saw them. No fixed
  // numberOfKeys: admissions take several keys, so each call passes its key count first.
  for (const [name, lua] of Object.entries(STATE_SCRIPTS)) {
    redis.defineCommand(methodName(name as StateScriptName), { lua })
  }

  // defineCommand adds methods at runtime that ioredis' types cannot know about.
  const scripts = redis as unknown as Record<string, ScriptMethod | undefined>

  return createScriptedStateStore('redis', options.prefix ?? DEFAULT_STATE_PREFIX, {
    call: (command, ...args) => redis.call(command, ...args),

    script(name, keys, args) {
      const method = scripts[methodName(name)]
      if (!method) throw new Error(`state script ${name} is not registered`)
      return method.call(redis, String(keys.length), ...keys, ...args)
    },

    async close() {
      try {
        await redis.quit()
      } catch {
        // Already closed or never connected: drop the socket without the QUIT handshake.
        redis.disconnect()
      }
    },
  })
}
