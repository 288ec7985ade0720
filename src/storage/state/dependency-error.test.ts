import { describe, expect, inject, it } from 'vitest'
import { DependencyError } from '../../kernel/ports/state.ts'
import { createRedisStateStore } from './redis-tcp.ts'
import { createUpstashStateStore } from './upstash.ts'
import { openWebStateStore } from './open.ts'
import { openServerStateStore } from './open-server.ts'

describe('state adapters at their boundary', () => {
  it('wrap an unreachable server in DependencyError("state")', async () => {
    const upstash = createUpstashStateStore({ url: 'http://127.0.0.1:1', token: 't' })
    await expect(upstash.get('k')).rejects.toMatchObject({
      name: 'DependencyError',
      dependency: 'state',
    })
    const redis = createRedisStateStore({ url: 'redis://127.0.0.1:1', onError: () => {} })
    try {
      await expect(redis.hit('k', { limit: 1, windowMs: 1000 })).rejects.toBeInstanceOf(
        DependencyError,
      )
    } finally {
      await redis.close()
    }
  })

  it('leave Redis command errors (a bug, not an outage) unwrapped', async () => {
    const prefix = `dep:${crypto.randomUUID()}:`
    const stores = [
      createRedisStateStore({ url: inject('redisUrl'), prefix }),
      createUpstashStateStore({ url: inject('upstashUrl'), token: inject('upstashToken'), prefix }),
    ]
    try {
      for (const store of stores) {
        await store.increment('n', { ttlMs: 10_000 })
        // `n` holds an integer; a challenge script on it answers WRONGTYPE from Redis itself.
        const error = await store.consumeChallenge('n', 'x').catch((e: unknown) => e)
        expect(error).toBeInstanceOf(Error)
        expect(error).not.toBeInstanceOf(DependencyError)
      }
    } finally {
      for (const store of stores) await store.close()
    }
  })
})

describe('state-store factories', () => {
  it('open the same stores for Workers and servers; only servers open TCP Redis', async () => {
    const memory = openWebStateStore({ kind: 'memory', prefix: 'p:' })
    expect(memory.kind).toBe('memory')
    const upstash = openWebStateStore({
      kind: 'upstash',
      prefix: 'p:',
      upstash: { url: 'https://x.upstash.io', token: 't' },
    })
    expect(upstash.kind).toBe('upstash')
    expect(() => openWebStateStore({ kind: 'redis', prefix: 'p:', redisUrl: 'redis://x' })).toThrow(
      /Workers have no TCP client/,
    )
    const tcp = openServerStateStore({ kind: 'redis', prefix: 'p:', redisUrl: inject('redisUrl') })
    expect(tcp.kind).toBe('redis')
    await tcp.ping()
    await Promise.all([memory.close(), upstash.close(), tcp.close()])
  })
})
