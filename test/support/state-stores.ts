/**
 * The three state-store adapters, each with a fresh key prefix, for HTTP tests that must hold on
 * every one of them (the Redis ones against the redis-server and Upstash REST bridge started by
 * test/global-setup.ts). Use with `describe.each(stateStores)`.
 */
import { inject } from 'vitest'
import { createMemoryStateStore } from '../../src/storage/state/memory.ts'
import type { StateStore } from '../../src/kernel/ports/state.ts'
import { createRedisStateStore } from '../../src/storage/state/redis-tcp.ts'
import { createUpstashStateStore } from '../../src/storage/state/upstash.ts'

const prefix = () => `test:${crypto.randomUUID()}:`

export const stateStores: Array<[name: string, open: () => StateStore]> = [
  ['memory', () => createMemoryStateStore({ prefix: prefix() })],
  ['redis-tcp', () => createRedisStateStore({ url: inject('redisUrl'), prefix: prefix() })],
  [
    'upstash',
    () =>
      createUpstashStateStore({
        url: inject('upstashUrl'),
        token: inject('upstashToken'),
        prefix: prefix(),
      }),
  ],
]
