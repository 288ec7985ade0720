/** StateStore contract, part 2: the sliding-window rate limit and one-time challenges. */
import { describe, expect } from 'vitest'
import { eventually, LONG, sleep, type StoreTest } from './support.ts'

export function describeLimitContract(it: StoreTest): void {
  describe('hit (sliding-window log)', () => {
    it('admits up to the limit, then denies with a retry hint', async ({ store }) => {
      const rule = { limit: 3, windowMs: 1000 }
      for (const remaining of [2, 1, 0]) {
        expect(await store.hit('r', rule)).toEqual({ allowed: true, remaining, retryAfterMs: 0 })
      }
      const denied = await store.hit('r', rule)
      expect(denied.allowed).toBe(false)
      expect(denied.remaining).toBe(0)
      expect(denied.retryAfterMs).toBeGreaterThan(0)
      expect(denied.retryAfterMs).toBeLessThanOrEqual(1000)
      const ttl = await store.ttl('r')
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(1000)
      await expect(store.hit('other', rule)).resolves.toMatchObject({ allowed: true })
    })

    it('slides: each old hit frees one slot when it leaves the window', async ({ store }) => {
      const rule = { limit: 2, windowMs: 1000 }
      // Gaps are measured, not assumed: on a loaded machine sleep(300) may take longer. The
      // store stamps a hit somewhere between a call's start and its end.
      const aStart = Date.now()
      expect((await store.hit('r', rule)).allowed).toBe(true) // A
      const aEnd = Date.now()
      await sleep(300)
      expect((await store.hit('r', rule)).allowed).toBe(true) // B, ~300 ms after A
      const bEnd = Date.now()
      const deniedAt = Date.now()
      const first = await store.hit('r', rule)
      expect(first.allowed).toBe(false)
      // Only what is left of A's window, not a whole window (5 ms slack for clock rounding).
      expect(first.retryAfterMs).toBeGreaterThan(0)
      expect(first.retryAfterMs).toBeLessThanOrEqual(aEnd + 1000 - deniedAt + 5)
      await sleep(first.retryAfterMs + 5)
      expect(await store.hit('r', rule)).toMatchObject({ allowed: true, remaining: 0 }) // C
      const second = await store.hit('r', rule)
      expect(second.allowed).toBe(false)
      // Now B is the oldest: it leaves at most the A-to-B gap after A did.
      expect(second.retryAfterMs).toBeGreaterThan(0)
      expect(second.retryAfterMs).toBeLessThanOrEqual(bEnd - aStart + 5)
    })

    it('charges `cost` and waits for enough old hits to leave', async ({ store }) => {
      const rule = { limit: 5, windowMs: LONG }
      expect(await store.hit('r', { ...rule, cost: 3 })).toMatchObject({ remaining: 2 })
      const denied = await store.hit('r', { ...rule, cost: 3 })
      expect(denied).toMatchObject({ allowed: false, remaining: 2 })
      expect(await store.hit('r', { ...rule, cost: 2 })).toMatchObject({ remaining: 0 })
      // Larger than the limit: can never fit, so the whole window is reported.
      const tooBig = await store.hit('fresh', { ...rule, cost: 6 })
      expect(tooBig).toEqual({ allowed: false, remaining: 5, retryAfterMs: LONG })
    })

    it('bases retryAfterMs on the entry that must leave for `cost` to fit', async ({ store }) => {
      const rule = { limit: 3, windowMs: 1000 }
      await store.hit('r', rule) // A, cost 1
      await sleep(200)
      await store.hit('r', { ...rule, cost: 2 }) // B1, B2 ~200 ms later
      const one = await store.hit('r', rule) // needs A gone
      const three = await store.hit('r', { ...rule, cost: 3 }) // needs B2 gone
      expect(one.allowed || three.allowed).toBe(false)
      expect(one.retryAfterMs).toBeLessThanOrEqual(802)
      expect(three.retryAfterMs - one.retryAfterMs).toBeGreaterThanOrEqual(150)
    })
  })

  describe('challenges', () => {
    const challenge = { secret: 'hash-of-123456', payload: '{"to":"+7 999 ✓"}', maxAttempts: 3 }

    it('answers ok with the payload exactly once', async ({ store }) => {
      expect(await store.putChallenge('c', challenge, { ttlMs: LONG })).toBe(true)
      expect(await store.consumeChallenge('c', challenge.secret)).toEqual({
        status: 'ok',
        payload: challenge.payload,
      })
      expect(await store.consumeChallenge('c', challenge.secret)).toEqual({ status: 'missing' })
    })

    it('counts mismatches and is exhausted by the last one', async ({ store }) => {
      await store.putChallenge('c', challenge, { ttlMs: LONG })
      expect(await store.consumeChallenge('c', 'wrong')).toEqual({
        status: 'mismatch',
        attemptsLeft: 2,
      })
      expect(await store.consumeChallenge('c', 'wrong')).toEqual({
        status: 'mismatch',
        attemptsLeft: 1,
      })
      expect(await store.consumeChallenge('c', 'wrong')).toEqual({ status: 'exhausted' })
      expect(await store.consumeChallenge('c', challenge.secret)).toEqual({ status: 'missing' })
    })

    it('reports missing for unknown challenges', async ({ store }) => {
      expect(await store.consumeChallenge('never', 'x')).toEqual({ status: 'missing' })
    })

    it('ifAbsent never overwrites; a plain put replaces and resets', async ({ store }) => {
      await store.putChallenge('c', { ...challenge, maxAttempts: 2 }, { ttlMs: LONG })
      const other = { secret: 'other', payload: 'other', maxAttempts: 9 }
      expect(await store.putChallenge('c', other, { ttlMs: LONG, ifAbsent: true })).toBe(false)
      expect(await store.consumeChallenge('c', 'wrong')).toEqual({
        status: 'mismatch',
        attemptsLeft: 1,
      })
      expect(await store.putChallenge('c', { ...challenge, maxAttempts: 2 }, { ttlMs: LONG })).toBe(
        true,
      )
      expect(await store.consumeChallenge('c', 'wrong')).toEqual({
        status: 'mismatch',
        attemptsLeft: 1,
      })
      expect(await store.consumeChallenge('c', challenge.secret)).toMatchObject({ status: 'ok' })
    })

    it('expires after ttlMs', async ({ store }) => {
      await store.putChallenge('c', challenge, { ttlMs: 100 })
      const ttl = await store.ttl('c')
      expect(ttl).toBeGreaterThan(0)
      expect(ttl).toBeLessThanOrEqual(100)
      await eventually(async () => (await store.ttl('c')) === -2)
      expect(await store.consumeChallenge('c', challenge.secret)).toEqual({ status: 'missing' })
      expect(await store.putChallenge('c', challenge, { ttlMs: LONG, ifAbsent: true })).toBe(true)
    })
  })
}
