/**
 * The behavioural contract every StateStore adapter must pass, run against each adapter by
 * ./state-store.test.ts. `makeStore` must return a store with a fresh, unique key prefix on every
 * call so tests cannot see each other's keys. Timing tests use short TTLs and poll rather than
 * sleep for fixed periods, and bound measured times loosely so a loaded machine stays green.
 * Rate limits and challenges live in ./contract-limits.ts, races in ./contract-races.ts, the
 * attempt limiter and admissions in ./contract-guards.ts, the one-round-trip code check and
 * attempt reservations in ./contract-checks.ts.
 */
import { describe, expect } from 'vitest'
import type { StateStore } from '../../../src/kernel/ports/state.ts'
import { describeCheckContract } from './checks.ts'
import { describeGuardContract } from './guards.ts'
import { describeLimitContract } from './limits.ts'
import { describeRaceContract } from './races.ts'
import { eventually, LONG, storeTest } from './support.ts'

export function describeStateStoreContract(
  name: string,
  makeStore: () => Promise<StateStore>,
): void {
  const it = storeTest(makeStore)

  describe(`StateStore contract: ${name}`, () => {
    describe('strings', () => {
      it('pings and declares its kind', async ({ store }) => {
        await expect(store.ping()).resolves.toBeUndefined()
        expect(['memory', 'redis', 'upstash']).toContain(store.kind)
      })

      it('round-trips values verbatim, including ones that look like JSON', async ({ store }) => {
        expect(await store.get('missing')).toBeNull()
        for (const value of [
          'plain',
          '',
          '123',
          '"quoted"',
          'null',
          'true',
          '{"a":1}',
          'ключ 🔑',
        ]) {
          expect(await store.set('k', value)).toBe(true)
          expect(await store.get('k')).toBe(value)
        }
      })

      it('set with ifAbsent writes only a missing key', async ({ store }) => {
        expect(await store.set('k', 'first', { ifAbsent: true })).toBe(true)
        expect(await store.set('k', 'second', { ifAbsent: true })).toBe(false)
        expect(await store.get('k')).toBe('first')
        expect(await store.set('k', 'third')).toBe(true)
        expect(await store.get('k')).toBe('third')
      })

      it('expires keys after ttlMs and frees them for ifAbsent', async ({ store }) => {
        await store.set('k', 'v', { ttlMs: 100 })
        const ttl = await store.ttl('k')
        expect(ttl).toBeGreaterThan(0)
        expect(ttl).toBeLessThanOrEqual(100)
        await eventually(async () => (await store.get('k')) === null)
        expect(await store.ttl('k')).toBe(-2)
        expect(await store.set('k', 'again', { ttlMs: LONG, ifAbsent: true })).toBe(true)
      })

      it('a plain set clears an earlier TTL', async ({ store }) => {
        await store.set('k', 'v', { ttlMs: LONG })
        expect(await store.ttl('k')).toBeGreaterThan(LONG - 5000)
        await store.set('k', 'w')
        expect(await store.ttl('k')).toBe(-1)
      })

      it('ttl reports -2 for a missing key and -1 for a key without TTL', async ({ store }) => {
        expect(await store.ttl('nope')).toBe(-2)
        await store.set('k', 'v')
        expect(await store.ttl('k')).toBe(-1)
      })

      it('delete reports whether something was removed', async ({ store }) => {
        expect(await store.delete('k')).toBe(false)
        await store.set('k', 'v')
        expect(await store.delete('k')).toBe(true)
        expect(await store.get('k')).toBeNull()
        expect(await store.delete('k')).toBe(false)
      })

      it('getAndDelete hands the value out once', async ({ store }) => {
        expect(await store.getAndDelete('k')).toBeNull()
        await store.set('k', 'v')
        expect(await store.getAndDelete('k')).toBe('v')
        expect(await store.getAndDelete('k')).toBeNull()
        expect(await store.get('k')).toBeNull()
      })

      it('keeps stores with different prefixes apart', async ({ store }) => {
        const other = await makeStore()
        try {
          await store.set('shared', 'mine')
          expect(await other.get('shared')).toBeNull()
          expect(await other.set('shared', 'theirs', { ifAbsent: true })).toBe(true)
          expect(await store.get('shared')).toBe('mine')
        } finally {
          await other.close()
        }
      })

      it('rejects invalid arguments before touching the backend', async ({ store }) => {
        for (const ttlMs of [0, -5, 1.5, Number.NaN]) {
          await expect(store.set('k', 'v', { ttlMs })).rejects.toThrow(RangeError)
          await expect(store.increment('k', { ttlMs })).rejects.toThrow(RangeError)
          await expect(store.compareAndSwap('k', null, 'v', { ttlMs })).rejects.toThrow(RangeError)
          await expect(
            store.putChallenge('c', { secret: 's', payload: 'p', maxAttempts: 3 }, { ttlMs }),
          ).rejects.toThrow(RangeError)
          await expect(store.hit('r', { limit: 1, windowMs: ttlMs })).rejects.toThrow(RangeError)
        }
        await expect(store.increment('k', { by: 0.5, ttlMs: LONG })).rejects.toThrow(RangeError)
        await expect(store.hit('r', { limit: -1, windowMs: LONG })).rejects.toThrow(RangeError)
        await expect(store.hit('r', { limit: 1, windowMs: LONG, cost: 0 })).rejects.toThrow(
          RangeError,
        )
        const zeroAttempts = { secret: 's', payload: 'p', maxAttempts: 0 }
        await expect(store.putChallenge('c', zeroAttempts, { ttlMs: LONG })).rejects.toThrow(
          RangeError,
        )
        expect(await store.get('k')).toBeNull()
        expect(await store.ttl('r')).toBe(-2)
      })

      it('rejects operations on a key holding another type', async ({ store }) => {
        await store.putChallenge(
          'c',
          { secret: 's', payload: 'p', maxAttempts: 3 },
          { ttlMs: LONG },
        )
        await expect(store.get('c')).rejects.toThrow(/WRONGTYPE/)
        await store.set('text', 'abc')
        await expect(store.increment('text', { ttlMs: LONG })).rejects.toThrow(/not an integer/)
      })
    })

    describe('compareAndSwap', () => {
      it('treats expected null as "key absent"', async ({ store }) => {
        expect(await store.compareAndSwap('k', null, 'v1')).toBe(true)
        expect(await store.get('k')).toBe('v1')
        expect(await store.compareAndSwap('k', null, 'v2')).toBe(false)
        expect(await store.get('k')).toBe('v1')
      })

      it('swaps only on an exact match', async ({ store }) => {
        expect(await store.compareAndSwap('k', 'v0', 'v1')).toBe(false)
        expect(await store.get('k')).toBeNull()
        await store.set('k', 'v0')
        expect(await store.compareAndSwap('k', 'other', 'v1')).toBe(false)
        expect(await store.compareAndSwap('k', 'v0', 'v1')).toBe(true)
        expect(await store.get('k')).toBe('v1')
      })

      it('deletes when next is null', async ({ store }) => {
        await store.set('k', 'v0')
        expect(await store.compareAndSwap('k', 'v0', null)).toBe(true)
        expect(await store.ttl('k')).toBe(-2)
        expect(await store.compareAndSwap('k', null, null)).toBe(true)
      })

      it('applies ttlMs when given and keeps the remaining TTL otherwise', async ({ store }) => {
        await store.set('k', 'v0', { ttlMs: LONG })
        expect(await store.compareAndSwap('k', 'v0', 'v1')).toBe(true)
        expect(await store.ttl('k')).toBeGreaterThan(LONG - 5000)
        expect(await store.compareAndSwap('k', 'v1', 'v2', { ttlMs: 100 })).toBe(true)
        expect(await store.ttl('k')).toBeLessThanOrEqual(100)
        await eventually(async () => (await store.get('k')) === null)
        expect(await store.compareAndSwap('k', null, 'v3')).toBe(true)
        expect(await store.ttl('k')).toBe(-1)
      })
    })

    describe('increment', () => {
      it('counts from zero by `by`, negative steps included', async ({ store }) => {
        expect(await store.increment('n', { ttlMs: LONG })).toBe(1)
        expect(await store.increment('n', { by: 5, ttlMs: LONG })).toBe(6)
        expect(await store.increment('n', { by: -10, ttlMs: LONG })).toBe(-4)
        expect(await store.get('n')).toBe('-4')
      })

      it('sets the TTL on creation only, then restarts after expiry', async ({ store }) => {
        expect(await store.increment('n', { ttlMs: 150 })).toBe(1)
        expect(await store.increment('n', { ttlMs: LONG })).toBe(2)
        const ttl = await store.ttl('n')
        expect(ttl).toBeGreaterThan(0)
        expect(ttl).toBeLessThanOrEqual(150)
        await eventually(async () => (await store.ttl('n')) === -2)
        expect(await store.increment('n', { ttlMs: LONG })).toBe(1)
      })
    })

    describeLimitContract(it)
    describeRaceContract(it)
    describeGuardContract(it)
    describeCheckContract(it)
  })
}
