/**
 * StateStore contract, part 3: many concurrent callers on one key. Each operation is a single
 * atomic step, so these outcomes must be exact, not merely plausible.
 */
import { describe, expect } from 'vitest'
import type { ChallengeOutcome } from '../../../src/kernel/ports/state.ts'
import { count, LONG, range, type StoreTest } from './support.ts'

export function describeRaceContract(it: StoreTest): void {
  describe('races: exactly-once under concurrency', () => {
    it('100 concurrent set-ifAbsent: one winner', async ({ store }) => {
      const results = await Promise.all(
        range(100).map((i) => store.set('k', `v${i}`, { ifAbsent: true, ttlMs: LONG })),
      )
      expect(count(results, Boolean)).toBe(1)
      expect(await store.get('k')).toBe(`v${results.indexOf(true)}`)
    })

    it('50 concurrent getAndDelete: one gets the value', async ({ store }) => {
      await store.set('k', 'v')
      const results = await Promise.all(range(50).map(() => store.getAndDelete('k')))
      expect(results.filter((r) => r !== null)).toEqual(['v'])
    })

    it('50 concurrent consumes with the right secret: one ok', async ({ store }) => {
      await store.putChallenge('c', { secret: 's', payload: 'p', maxAttempts: 3 }, { ttlMs: LONG })
      const results = await Promise.all(range(50).map(() => store.consumeChallenge('c', 's')))
      expect(count(results, (r) => r.status === 'ok')).toBe(1)
      expect(count(results, (r) => r.status === 'missing')).toBe(49)
    })

    it('20 concurrent wrong secrets against 5 attempts: 4 mismatches, 1 exhausted', async ({
      store,
    }) => {
      await store.putChallenge('c', { secret: 's', payload: 'p', maxAttempts: 5 }, { ttlMs: LONG })
      const results = await Promise.all(range(20).map(() => store.consumeChallenge('c', 'x')))
      const statuses = (status: ChallengeOutcome['status']) =>
        count(results, (r) => r.status === status)
      expect([statuses('mismatch'), statuses('exhausted'), statuses('missing')]).toEqual([4, 1, 15])
    })

    it('100 concurrent putChallenge-ifAbsent: one winner', async ({ store }) => {
      const results = await Promise.all(
        range(100).map((i) =>
          store.putChallenge(
            'c',
            { secret: `s${i}`, payload: `p${i}`, maxAttempts: 3 },
            { ttlMs: LONG, ifAbsent: true },
          ),
        ),
      )
      expect(count(results, Boolean)).toBe(1)
      const winner = results.indexOf(true)
      expect(await store.consumeChallenge('c', `s${winner}`)).toEqual({
        status: 'ok',
        payload: `p${winner}`,
      })
    })

    it('200 concurrent hits with limit 37: exactly 37 admitted', async ({ store }) => {
      const rule = { limit: 37, windowMs: LONG }
      const results = await Promise.all(range(200).map(() => store.hit('r', rule)))
      const admitted = results.filter((r) => r.allowed)
      expect(admitted).toHaveLength(37)
      expect(admitted.map((r) => r.remaining).sort((a, b) => a - b)).toEqual(range(37))
      expect(results.filter((r) => !r.allowed).every((r) => r.retryAfterMs > 0)).toBe(true)
    })

    it('100 concurrent increments: final value 100, each value seen once', async ({ store }) => {
      const results = await Promise.all(range(100).map(() => store.increment('n', { ttlMs: LONG })))
      expect(results.sort((a, b) => a - b)).toEqual(range(100).map((i) => i + 1))
      expect(await store.get('n')).toBe('100')
    })

    it('50 concurrent compareAndSwap from the same value: one winner', async ({ store }) => {
      await store.set('k', 'v0')
      const results = await Promise.all(
        range(50).map((i) => store.compareAndSwap('k', 'v0', `v${i + 1}`)),
      )
      expect(count(results, Boolean)).toBe(1)
      expect(await store.get('k')).toBe(`v${results.indexOf(true) + 1}`)
    })
  })
}
