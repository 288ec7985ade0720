/**
 * Runs the StateStore contract against all three adapters (the Redis ones against the real
 * redis-server and Upstash REST bridge started by test/global-setup.ts), then checks what is
 * specific to each adapter.
 */
import { Redis as UpstashClient } from '@upstash/redis/cloudflare'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { describeStateStoreContract } from '../../../testing/contracts/state/index.ts'
import { createMemoryStateStore } from './memory.ts'
import { createRedisStateStore } from './redis-tcp.ts'
import { createUpstashStateStore } from './upstash.ts'

const uniquePrefix = () => `test:${crypto.randomUUID()}:`
/** Nothing listens on port 1 (privileged, unassigned), so connections are refused at once. */
const DEAD_PORT = 1

describeStateStoreContract('memory', async () => createMemoryStateStore({ prefix: uniquePrefix() }))

describeStateStoreContract('redis-tcp', async () =>
  createRedisStateStore({ url: inject('redisUrl'), prefix: uniquePrefix() }),
)

describeStateStoreContract('upstash', async () =>
  createUpstashStateStore({
    url: inject('upstashUrl'),
    token: inject('upstashToken'),
    prefix: uniquePrefix(),
  }),
)

describe('memory adapter', () => {
  test('runs expiry and the sliding window on the injected clock', async () => {
    let clock = 1_000_000
    const store = createMemoryStateStore({ now: () => clock })
    await store.set('k', 'v', { ttlMs: 100 })
    clock += 99
    expect(await store.ttl('k')).toBe(1)
    clock += 1
    expect(await store.get('k')).toBeNull()

    const rule = { limit: 2, windowMs: 1000 }
    await store.hit('r', rule) // A at 0 (relative)
    clock += 400
    await store.hit('r', rule) // B at 400
    expect(await store.hit('r', rule)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 600 })
    clock += 600 // A leaves exactly now
    expect(await store.hit('r', rule)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 })
    expect(await store.hit('r', rule)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 400 })
  })

  test('runs the attempt lock and its window on the injected clock', async () => {
    let clock = 1_000_000
    const store = createMemoryStateStore({ now: () => clock })
    const policy = { maxFailures: 2, lockMs: 1000, maxLockMs: 3000, windowMs: 10_000 }
    const reserve = () => store.reserveAttempt('a', policy)
    expect(await reserve()).toEqual({ allowed: true, attempts: 1, lockedForMs: 0 })
    expect(await reserve()).toEqual({ allowed: true, attempts: 2, lockedForMs: 1000 })
    clock += 999
    expect(await reserve()).toEqual({ allowed: false, retryAfterMs: 1 })
    clock += 1
    expect(await reserve()).toEqual({ allowed: true, attempts: 3, lockedForMs: 2000 })
    clock += 2000
    expect(await reserve()).toEqual({ allowed: true, attempts: 4, lockedForMs: 3000 }) // capped
    clock = 1_000_000 + 10_000 // the window, from the first attempt, is over
    expect(await reserve()).toEqual({ allowed: true, attempts: 1, lockedForMs: 0 })
  })

  test('close drops all state', async () => {
    const store = createMemoryStateStore()
    await store.set('k', 'v')
    await store.close()
    expect(await store.get('k')).toBeNull()
  })
})

describe('Redis-backed adapters', () => {
  let raw: Redis
  beforeAll(() => {
    raw = new Redis(inject('redisUrl'))
  })
  afterAll(async () => {
    await raw.quit()
  })

  const adapters = {
    'redis-tcp': (prefix?: string) => createRedisStateStore({ url: inject('redisUrl'), prefix }),
    upstash: (prefix?: string) =>
      createUpstashStateStore({ url: inject('upstashUrl'), token: inject('upstashToken'), prefix }),
  }

  for (const [name, create] of Object.entries(adapters)) {
    describe(name, () => {
      test('stores keys under the prefix, `propusk:` by default', async () => {
        const key = `prefix-check-${crypto.randomUUID()}`
        const byDefault = create()
        const custom = create('custom:')
        try {
          await byDefault.set(key, 'a')
          await custom.set(key, 'b')
          expect(await raw.get(`propusk:${key}`)).toBe('a')
          expect(await raw.get(`custom:${key}`)).toBe('b')
        } finally {
          await raw.del(`propusk:${key}`, `custom:${key}`)
          await byDefault.close()
          await custom.close()
        }
      })

      test('falls back to EVAL when the script cache was flushed', async () => {
        const store = create(uniquePrefix())
        try {
          expect(await store.increment('n', { ttlMs: 60_000 })).toBe(1)
          await raw.script('FLUSH')
          expect(await store.increment('n', { ttlMs: 60_000 })).toBe(2)
          expect(await store.hit('r', { limit: 1, windowMs: 60_000 })).toMatchObject({
            allowed: true,
          })
        } finally {
          await store.close()
        }
      })
    })
  }

  test('redis-tcp rejects promptly when the server is unreachable', async () => {
    // Default options: a few quick reconnect attempts, then the command fails (no endless queue).
    const store = createRedisStateStore({
      url: `redis://127.0.0.1:${DEAD_PORT}`,
      onError: () => {}, // keeps ioredis from logging each refused connection
    })
    const started = Date.now()
    await expect(store.ping()).rejects.toThrow(/max retries/)
    expect(Date.now() - started).toBeLessThan(5000)
    await store.close()
  })

  test('upstash rejects when the token is wrong', async () => {
    const store = createUpstashStateStore({ url: inject('upstashUrl'), token: 'wrong-token' })
    await expect(store.get('k')).rejects.toThrow(/Unauthorized/)
    await expect(store.consumeChallenge('c', 's')).rejects.toThrow(/Unauthorized/)
  })

  test('upstash rejects promptly when the endpoint is unreachable', async () => {
    const store = createUpstashStateStore({ url: `http://127.0.0.1:${DEAD_PORT}`, token: 't' })
    const started = Date.now()
    await expect(store.ping()).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(5000)
  })
})

/**
 * The Upstash adapter is only as well tested as the bridge is faithful, so check the parts of
 * the REST protocol the adapter does not happen to use, with the real client where possible.
 */
describe('Upstash REST bridge (test harness)', () => {
  const client = (responseEncoding: false | 'base64') =>
    new UpstashClient({
      url: inject('upstashUrl'),
      token: inject('upstashToken'),
      responseEncoding,
      enableTelemetry: false,
      automaticDeserialization: false,
    })

  test('answers pipelines item by item and transactions atomically', async () => {
    const key = `bridge:${crypto.randomUUID()}`
    const redis = client('base64')
    const piped = await redis.pipeline().set(key, 'v ✓').get(key).hget(key, 'f').exec({
      keepErrors: true,
    })
    expect(piped.map((r) => r.result ?? r.error)).toEqual([
      'OK',
      'v ✓',
      expect.stringMatching(/^WRONGTYPE/),
    ])
    expect(await redis.multi().del(key).incr(key).incr(key).exec()).toEqual([1, 1, 2])
    // A command Redis refuses to queue (wrong arity) discards the whole transaction.
    const aborted = await fetch(`${inject('upstashUrl')}/multi-exec`, {
      method: 'POST',
      headers: { authorization: `Bearer ${inject('upstashToken')}` },
      body: JSON.stringify([['INCR', key], ['GET']]),
    })
    expect(aborted.status).toBe(400)
    expect(await aborted.json()).toEqual({ error: expect.stringMatching(/^EXECABORT/) })
    expect(await redis.get(key)).toBe('2')
  })

  test('serves plain (non-base64) responses and path-style commands', async () => {
    const key = `bridge:${crypto.randomUUID()}`
    expect(await client(false).set(key, 'plain ✓')).toBe('OK')
    const url = `${inject('upstashUrl')}/get/${encodeURIComponent(key)}`
    const auth = { authorization: `Bearer ${inject('upstashToken')}` }
    const res = await fetch(url, { method: 'POST', headers: auth })
    expect(await res.json()).toEqual({ result: 'plain ✓' })
    const unauthorised = await fetch(url, { method: 'POST' })
    expect(unauthorised.status).toBe(401)
    const bad = await fetch(inject('upstashUrl'), { method: 'POST', headers: auth, body: '{' })
    expect(bad.status).toBe(400)
  })
})
