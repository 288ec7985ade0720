/**
 * StateStore contract, part 4: the attempt limiter (reserve before evaluating, growing lock) and
 * admissions (check every gate, then count everywhere or nowhere), alone and under concurrency.
 */
import { describe, expect } from 'vitest'
import type { Admission, StateStore } from '../../../src/kernel/ports/state.ts'
import { count, eventually, LONG, range, type StoreTest } from './support.ts'

/**
 * Hits in a sliding-window log, without adding one: a hit costing more than its limit is always
 * refused, changes nothing and reports how many hits are left.
 */
async function hitsIn(store: StateStore, key: string): Promise<number> {
  const probe = await store.hit(key, { limit: 1000, windowMs: LONG, cost: 1001 })
  return 1000 - probe.remaining
}

const policy = { maxFailures: 3, lockMs: 200, maxLockMs: 800, windowMs: LONG }

/** A code send's gates: a lockout, a resend cooldown and two sliding-window limits. */
const send: Admission = {
  blocks: [{ name: 'lock', key: 'lock' }],
  claim: { name: 'cooldown', key: 'cooldown', ttlMs: LONG },
  limits: [
    { name: 'ip', key: 'rl:ip', limit: 3, windowMs: LONG },
    { name: 'login', key: 'rl:login', limit: 2, windowMs: LONG },
  ],
  read: 'failures',
}
const noClaim: Admission = { blocks: send.blocks, limits: send.limits, read: 'failures' }

export function describeGuardContract(it: StoreTest): void {
  describe('reserveAttempt / releaseAttempt', () => {
    it('admits maxFailures, locks at once on the last, and grows the lock', async ({ store }) => {
      for (const attempts of [1, 2]) {
        expect(await store.reserveAttempt('a', policy)).toEqual({
          allowed: true,
          attempts,
          lockedForMs: 0,
        })
      }
      expect(await store.reserveAttempt('a', policy)).toEqual({
        allowed: true,
        attempts: 3,
        lockedForMs: 200,
      })
      const locked = await store.reserveAttempt('a', policy)
      expect(locked.allowed).toBe(false)
      expect(!locked.allowed && locked.retryAfterMs).toBeGreaterThan(0)
      expect(!locked.allowed && locked.retryAfterMs).toBeLessThanOrEqual(200)
      await eventually(async () => (await store.reserveAttempt('a', policy)).allowed)
      // That was the 4th attempt: 200 ms × 2.
      const fifth = await store.reserveAttempt('a', { ...policy, lockMs: 1 })
      expect(fifth).toMatchObject({ allowed: false })
      await store.releaseAttempt('a')
      expect(await store.reserveAttempt('a', policy)).toEqual({
        allowed: true,
        attempts: 4,
        lockedForMs: 400,
      })
      await store.releaseAttempt('a')
      // 200 ms × 10: capped at 800.
      expect(await store.reserveAttempt('a', { ...policy, growthFactor: 10 })).toEqual({
        allowed: true,
        attempts: 4,
        lockedForMs: 800,
      })
    })

    it('50 concurrent reservations admit exactly maxFailures', async ({ store }) => {
      const results = await Promise.all(
        range(50).map(() => store.reserveAttempt('a', { ...policy, maxFailures: 5 })),
      )
      const admitted = results.flatMap((r) => (r.allowed ? [r.attempts] : []))
      expect(admitted.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5])
      expect(count(results, (r) => !r.allowed && r.retryAfterMs > 0)).toBe(45)
    })

    it('release gives one attempt back and lifts the lock; the last one removes the key', async ({
      store,
    }) => {
      const once = { ...policy, maxFailures: 1, lockMs: LONG, maxLockMs: LONG }
      expect(await store.reserveAttempt('a', once)).toMatchObject({ lockedForMs: LONG })
      expect(await store.reserveAttempt('a', once)).toMatchObject({ allowed: false })
      await store.releaseAttempt('a')
      expect(await store.ttl('a')).toBe(-2)
      expect(await store.reserveAttempt('a', once)).toEqual({
        allowed: true,
        attempts: 1,
        lockedForMs: LONG,
      })
      await store.releaseAttempt('never')
      expect(await store.ttl('never')).toBe(-2)
      // delete forgets every attempt.
      await store.reserveAttempt('b', policy)
      await store.reserveAttempt('b', policy)
      expect(await store.delete('b')).toBe(true)
      expect(await store.reserveAttempt('b', policy)).toMatchObject({ attempts: 1 })
    })

    it('forgets attempts windowMs after the first, but keeps a lock running past it', async ({
      store,
    }) => {
      const short = { ...policy, windowMs: 150 }
      await store.reserveAttempt('a', short)
      expect(await store.ttl('a')).toBeLessThanOrEqual(150)
      await eventually(async () => (await store.ttl('a')) === -2)
      expect(await store.reserveAttempt('a', short)).toMatchObject({ attempts: 1 })
      const locking = { ...short, maxFailures: 2, lockMs: LONG, maxLockMs: LONG }
      expect(await store.reserveAttempt('a', locking)).toMatchObject({ lockedForMs: LONG })
      expect(await store.ttl('a')).toBeGreaterThan(LONG - 5000)
    })

    it('refuses bad policies before touching the backend, and other value kinds', async ({
      store,
    }) => {
      for (const bad of [{ maxFailures: 0 }, { lockMs: 0 }, { growthFactor: 0.5 }]) {
        await expect(store.reserveAttempt('a', { ...policy, ...bad })).rejects.toThrow(RangeError)
      }
      await store.set('s', 'v')
      await expect(store.reserveAttempt('s', policy)).rejects.toThrow(/WRONGTYPE/)
    })
  })

  describe('admit / refundAdmission', () => {
    it('admits by counting every limit, claiming and reading', async ({ store }) => {
      const first = await store.admit(send)
      expect(first).toEqual({ admitted: true, ticket: expect.any(String), value: null })
      expect([await hitsIn(store, 'rl:ip'), await hitsIn(store, 'rl:login')]).toEqual([1, 1])
      const ttl = await store.ttl('cooldown')
      expect(ttl).toBeGreaterThan(LONG - 5000)
      await store.set('failures', '4')
      expect(await store.admit(noClaim)).toMatchObject({ admitted: true, value: '4' })
    })

    it('a refused gate leaves every counter and the claim unchanged', async ({ store }) => {
      await store.set('lock', 'x', { ttlMs: 5000 })
      const locked = await store.admit(send)
      expect(locked).toMatchObject({ admitted: false, gate: 'lock' })
      expect(!locked.admitted && locked.retryAfterMs).toBeGreaterThan(4000)
      await store.set('lock', 'forever')
      expect(await store.admit(send)).toEqual({ admitted: false, gate: 'lock', retryAfterMs: -1 })
      await store.delete('lock')
      await store.set('cooldown', 'someone', { ttlMs: 5000 })
      expect(await store.admit(send)).toMatchObject({ admitted: false, gate: 'cooldown' })
      expect(await store.get('cooldown')).toBe('someone')
      expect([await hitsIn(store, 'rl:ip'), await hitsIn(store, 'rl:login')]).toEqual([0, 0])
      expect((await store.admit(noClaim)).admitted).toBe(true)
      expect((await store.admit(noClaim)).admitted).toBe(true)
      // The second limit refuses: the first, which passed, is not counted either.
      const refused = await store.admit(noClaim)
      expect(refused).toMatchObject({ admitted: false, gate: 'login' })
      expect(!refused.admitted && refused.retryAfterMs).toBeGreaterThan(LONG - 5000)
      expect([await hitsIn(store, 'rl:ip'), await hitsIn(store, 'rl:login')]).toEqual([2, 2])
      const closed = {
        ...noClaim,
        limits: [{ name: 'none', key: 'rl:0', limit: 0, windowMs: 900 }],
      }
      expect(await store.admit(closed)).toEqual({
        admitted: false,
        gate: 'none',
        retryAfterMs: 900,
      })
    })

    it('20 concurrent admissions while a cooldown is claimable: one admitted, counted once', async ({
      store,
    }) => {
      const results = await Promise.all(range(20).map(() => store.admit(send)))
      expect(count(results, (r) => r.admitted)).toBe(1)
      expect(count(results, (r) => !r.admitted && r.gate === 'cooldown')).toBe(19)
      expect([await hitsIn(store, 'rl:ip'), await hitsIn(store, 'rl:login')]).toEqual([1, 1])
    })

    it('50 concurrent admissions: exactly the tightest limit admitted, others not overcounted', async ({
      store,
    }) => {
      const results = await Promise.all(range(50).map(() => store.admit(noClaim)))
      expect(count(results, (r) => r.admitted)).toBe(2)
      expect(count(results, (r) => !r.admitted && r.gate === 'login')).toBe(48)
      expect([await hitsIn(store, 'rl:ip'), await hitsIn(store, 'rl:login')]).toEqual([2, 2])
    })

    it('a refund removes its own hits and claim, nothing else', async ({ store }) => {
      const other = await store.admit(noClaim)
      const mine = await store.admit(send)
      if (!mine.admitted || !other.admitted) throw new Error('not admitted')
      await store.refundAdmission({ ticket: mine.ticket, claim: 'cooldown', limits: ['rl:login'] })
      expect(await store.ttl('cooldown')).toBe(-2)
      expect([await hitsIn(store, 'rl:ip'), await hitsIn(store, 'rl:login')]).toEqual([2, 1])
      // A claim someone else holds by now stays.
      await store.set('cooldown', 'later', { ttlMs: LONG })
      await store.refundAdmission({ ticket: mine.ticket, claim: 'cooldown', limits: ['rl:ip'] })
      expect(await store.get('cooldown')).toBe('later')
      expect(await hitsIn(store, 'rl:ip')).toBe(1)
      await store.refundAdmission({ ticket: other.ticket, limits: ['rl:ip', 'rl:login'] })
      expect([await store.ttl('rl:ip'), await store.ttl('rl:login')]).toEqual([-2, -2])
    })

    it('refuses bad limits before touching the backend', async ({ store }) => {
      const bad = { ...noClaim, limits: [{ name: 'x', key: 'x', limit: -1, windowMs: 1000 }] }
      await expect(store.admit(bad)).rejects.toThrow(RangeError)
      const badClaim = { ...send, claim: { name: 'c', key: 'c', ttlMs: 0 } }
      await expect(store.admit(badClaim)).rejects.toThrow(RangeError)
    })
  })
}
