/**
 * The state-store adapters a flow must hold on, each opened with a fresh key prefix: in memory,
 * Redis over TCP and Upstash REST. The Redis ones need a server; the test run provides its
 * address through vitest's `provide`/`inject` (Propusk's own `test/global-setup.ts` starts a
 * throwaway `redis-server` with `startRedisServer` and an Upstash REST bridge in front of it).
 * A plugin's tests use the same names: `describe.each(stateStores)` or
 * `createTestPropusk({ state: 'redis-tcp' })`.
 */
import { inject } from 'vitest'
import type { StateStore } from '../src/kernel/ports/state.ts'
import { createMemoryStateStore } from '../src/storage/state/memory.ts'
import { createRedisStateStore } from '../src/storage/state/redis-tcp.ts'
import { createUpstashStateStore } from '../src/storage/state/upstash.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `redis://127.0.0.1:<port>` of a throwaway redis-server. */
    redisUrl: string
    /** Upstash REST bridge in front of that redis-server, and the token it accepts. */
    upstashUrl: string
    upstashToken: string
  }
}

export type StateStoreKind = 'memory' | 'redis-tcp' | 'upstash'

export interface StateStoreOptions {
  /** The memory store's time source (the Redis ones keep the server's time). */
  now?: () => number
}

function provided(key: 'redisUrl' | 'upstashUrl' | 'upstashToken', kind: StateStoreKind): string {
  const value = inject(key)
  // Failing here, not skipping, keeps a test that was meant to run on Redis from passing unrun.
  if (!value) {
    throw new Error(
      `${kind} state store: this test run provides no ${key}; start redis-server in a vitest ` +
        `globalSetup (startRedisServer from propusk/testing) and provide('${key}', …)`,
    )
  }
  return value
}

/** A fresh state store of that kind, under a key prefix of its own. */
export function openStateStore(kind: StateStoreKind, options: StateStoreOptions = {}): StateStore {
  const prefix = `test:${crypto.randomUUID()}:`
  switch (kind) {
    case 'memory':
      return createMemoryStateStore({ prefix, ...(options.now ? { now: options.now } : {}) })
    case 'redis-tcp':
      return createRedisStateStore({ url: provided('redisUrl', kind), prefix })
    case 'upstash':
      return createUpstashStateStore({
        url: provided('upstashUrl', kind),
        token: provided('upstashToken', kind),
        prefix,
      })
  }
}

/** Every adapter, for `describe.each(stateStores)('… (%s)', (name, open) => …)`. */
export const stateStores: Array<[name: StateStoreKind, open: () => StateStore]> = (
  ['memory', 'redis-tcp', 'upstash'] as const
).map((kind) => [kind, () => openStateStore(kind)])
