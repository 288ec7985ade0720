/**
 * The state-store factory of long-lived servers (Node, Deno): Redis over TCP (ioredis), and
 * everything the web factory opens. Not for Workers bundles: it imports ioredis.
 */
import { openWebStateStore, type StateStoreChoice } from './open.ts'
import type { StateStore } from '../../kernel/ports/state.ts'
import { createRedisStateStore } from './redis-tcp.ts'

export interface ServerStateStoreOptions {
  /** Connection-level errors of the TCP client (refused, reset); see `createRedisStateStore`. */
  onError?: (error: Error) => void
}

export function openServerStateStore(
  choice: StateStoreChoice,
  options: ServerStateStoreOptions = {},
): StateStore {
  if (choice.kind !== 'redis') return openWebStateStore(choice)
  if (!choice.redisUrl) throw new Error('state store "redis" needs REDIS_URL')
  return createRedisStateStore({
    url: choice.redisUrl,
    prefix: choice.prefix,
    ...(choice.timeoutMs ? { timeoutMs: choice.timeoutMs } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  })
}
