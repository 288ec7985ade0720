/**
 * StateStore contract, part 5: the one-round-trip steps: an admission that also stores a
 * challenge, the guarded code check, and attempt reservations behind a limit, alone and racing.
 */
import { describe, expect } from 'vitest'
import type {
  Admission,
  AttemptReservation,
  ChallengeCheck,
  StateStore,
} from '../../../src/kernel/ports/state.ts'
import { count, LONG, range, type StoreTest } from './support.ts'

const challenge = { secret: 'h-right', payload: '{"u":1}', maxAttempts: 5, id: 'n1' }

/** A code send: a lockout, a resend claim, one limit, the failure count and the challenge. */
const send = (id = 'n1', maxAttempts = 5): Admission => ({
  blocks: [{ name: 'lock', key: 'lock' }],
  claim: { name: 'resend', key: 'resend', ttlMs: LONG },
  limits: [{ name: 'ip', key: 'rl:ip', limit: 10, windowMs: LONG }],
  read: 'failures',
  challenge: {
    key: 'code',
    challenge: { ...challenge, id, maxAttempts },
    ttlMs: LONG,
    lockStep: 3,
  },
})

const check = (secret: string, id = 'n1'): ChallengeCheck => ({
  key: 'code',
  id,
  secret,
  limit: { name: 'verify-ip', key: 'rl:verify', limit: 100, windowMs: LONG },
  block: { name: 'lock', key: 'lock' },
  failures: { key: 'failures', memoryMs: LONG, every: 3, lockMs: [5000, 10_000] },
})

/** A sign-in's reservation; `lockMs` long where a lock must outlast a slow, loaded race. */
const reservation = (maxFailures = 3, limit = 100, lockMs = 200): AttemptReservation => {
  const policy = { lockMs, maxLockMs: Math.max(800, lockMs), windowMs: LONG }
  return {
    limit: { name: 'per-ip', key: 'rl:pw', limit, windowMs: LONG },
    attempts: [
      { name: 'login', key: 'pw:login', policy: { ...policy, maxFailures } },
      { name: 'ip', key: 'pw:ip', policy: { ...policy, maxFailures: 100 } },
    ],
  }
}

async function hits(store: StateStore, key: string): Promise<number> {
  const probe = await store.hit(key, { limit: 1000, windowMs: LONG, cost: 1001 })
  return 1000 - probe.remaining
}

export function describeCheckContract(it: StoreTest): void {
  describe('admit with a challenge / checkChallenge', () => {
    it('stores the challenge on admission only, and a check finds it by id', async ({ store }) => {
      await store.set('lock', 'x', { ttlMs: LONG })
      expect(await store.admit(send())).toMatchObject({ admitted: false, gate: 'lock' })
      expect(await store.checkChallenge(check('h-right'))).toMatchObject({ status: 'refused' })
      await store.delete('lock')
      expect((await store.admit(send())).admitted).toBe(true)
      expect(await store.checkChallenge(check('h-right', 'other'))).toEqual({ status: 'missing' })
      expect(await store.checkChallenge(check('h-right'))).toEqual({
        status: 'ok',
        payload: '{"u":1}',
      })
      expect(await store.checkChallenge(check('h-right'))).toEqual({ status: 'missing' })
    })

    it('caps the attempts at the failures left before the next lock', async ({ store }) => {
      await store.set('failures', '4', { ttlMs: LONG })
      await store.admit(send('n1', 5))
      // 4 failures, a lock every 3: 2 left before the next one.
      expect(await store.checkChallenge(check('bad'))).toMatchObject({
        status: 'mismatch',
        attemptsLeft: 1,
        failures: 5,
        lockedForMs: 0,
      })
      expect(await store.checkChallenge(check('bad'))).toEqual({
        status: 'exhausted',
        failures: 6,
        lockedForMs: 10_000,
      })
      const refused = await store.checkChallenge(check('h-right'))
      expect(refused).toMatchObject({ status: 'refused', gate: 'lock' })
      expect(refused.status === 'refused' && refused.retryAfterMs).toBeGreaterThan(9000)
      expect(await store.get('lock')).toBe('6')
      expect(await store.ttl('failures')).toBeGreaterThan(LONG - 5000)
    })

    it('a newer challenge replaces the older: its code is missing, not wrong', async ({
      store,
    }) => {
      await store.admit({ ...send('n1'), claim: undefined })
      await store.admit({ ...send('n2'), claim: undefined })
      expect(await store.checkChallenge(check('h-right', 'n1'))).toEqual({ status: 'missing' })
      expect(await store.get('failures')).toBeNull()
      expect(await store.checkChallenge(check('h-right', 'n2'))).toMatchObject({ status: 'ok' })
    })

    it('putChallenge keeps the id a check must present', async ({ store }) => {
      await store.putChallenge('code', { ...challenge, id: 'n9' }, { ttlMs: LONG })
      expect(await store.checkChallenge(check('h-right', 'n1'))).toEqual({ status: 'missing' })
      expect(await store.checkChallenge(check('h-right', 'n9'))).toMatchObject({ status: 'ok' })
      // Stored without an id, it answers only a check presenting the empty id.
      await store.putChallenge(
        'code',
        { secret: 'h-right', payload: '', maxAttempts: 1 },
        { ttlMs: LONG },
      )
      expect(await store.checkChallenge(check('h-right', ''))).toMatchObject({ status: 'ok' })
    })

    it('counts every check in the limit and refuses past it', async ({ store }) => {
      const limited = {
        ...check('bad'),
        limit: { name: 'verify-ip', key: 'rl:v', limit: 2, windowMs: LONG },
      }
      expect(await store.checkChallenge(limited)).toEqual({ status: 'missing' })
      expect(await store.checkChallenge(limited)).toEqual({ status: 'missing' })
      const refused = await store.checkChallenge(limited)
      expect(refused).toMatchObject({ status: 'refused', gate: 'verify-ip' })
      expect(refused.status === 'refused' && refused.retryAfterMs).toBeGreaterThan(LONG - 5000)
      expect(await hits(store, 'rl:v')).toBe(2)
    })

    it('a refund deletes the challenge only while it has the refunded id', async ({ store }) => {
      const first = await store.admit({ ...send('n1'), claim: undefined })
      await store.admit({ ...send('n2'), claim: undefined })
      if (!first.admitted) throw new Error('not admitted')
      await store.refundAdmission({
        ticket: first.ticket,
        challenge: { key: 'code', id: 'n1' },
        limits: [],
      })
      expect(await store.checkChallenge(check('h-right', 'n2'))).toMatchObject({ status: 'ok' })
      const third = await store.admit({ ...send('n3'), claim: undefined })
      if (!third.admitted) throw new Error('not admitted')
      await store.refundAdmission({
        ticket: third.ticket,
        challenge: { key: 'code', id: 'n3' },
        limits: [],
      })
      expect(await store.checkChallenge(check('h-right', 'n3'))).toEqual({ status: 'missing' })
    })

    it('20 concurrent checks of the right code: exactly one succeeds', async ({ store }) => {
      await store.admit(send())
      const results = await Promise.all(range(20).map(() => store.checkChallenge(check('h-right'))))
      expect(count(results, (r) => r.status === 'ok')).toBe(1)
      expect(count(results, (r) => r.status === 'missing')).toBe(19)
    })

    it('30 concurrent wrong guesses: failures counted once each, one lock per step', async ({
      store,
    }) => {
      await store.admit(send('n1', 50))
      const results = await Promise.all(range(30).map(() => store.checkChallenge(check('bad'))))
      // The code allows 3 (the lock step); the third starts the lock, the rest are refused.
      expect(count(results, (r) => r.status === 'mismatch')).toBe(2)
      expect(count(results, (r) => r.status === 'exhausted')).toBe(1)
      expect(count(results, (r) => r.status === 'refused')).toBe(27)
      expect(await store.get('failures')).toBe('3')
    })

    it('rejects bad arguments alike', async ({ store }) => {
      await expect(store.checkChallenge({ ...check('x'), block: undefined })).rejects.toThrow(
        RangeError,
      )
      const noLocks = {
        ...check('x'),
        failures: { key: 'f', memoryMs: LONG, every: 3, lockMs: [] },
      }
      await expect(store.checkChallenge(noLocks)).rejects.toThrow(RangeError)
      const bad = { ...send(), challenge: { key: 'c', challenge, ttlMs: LONG, lockStep: 0 } }
      await expect(store.admit(bad)).rejects.toThrow(RangeError)
    })
  })

  describe('reserveAttempts / releaseAttempts', () => {
    it('counts every key, locks on the last admitted, refuses while any is locked', async ({
      store,
    }) => {
      for (const attempts of [1, 2]) {
        expect(await store.reserveAttempts(reservation())).toEqual({
          allowed: true,
          attempts: [
            { attempts, lockedForMs: 0 },
            { attempts, lockedForMs: 0 },
          ],
        })
      }
      expect(await store.reserveAttempts(reservation())).toMatchObject({
        allowed: true,
        attempts: [{ attempts: 3, lockedForMs: 200 }, { attempts: 3 }],
      })
      const refused = await store.reserveAttempts(reservation())
      expect(refused).toMatchObject({ allowed: false, gate: 'login' })
      // The refusal counted no attempt on the IP.
      await store.releaseAttempts([{ key: 'pw:login', forget: true }])
      expect(await store.reserveAttempts(reservation())).toMatchObject({
        allowed: true,
        attempts: [{ attempts: 1 }, { attempts: 4 }],
      })
    })

    it('the limit counts first and refuses alone', async ({ store }) => {
      expect((await store.reserveAttempts(reservation(3, 1))).allowed).toBe(true)
      const refused = await store.reserveAttempts(reservation(3, 1))
      expect(refused).toMatchObject({ allowed: false, gate: 'per-ip' })
      expect(await store.reserveAttempts({ attempts: reservation().attempts })).toMatchObject({
        allowed: true,
        attempts: [{ attempts: 2 }, { attempts: 2 }],
      })
    })

    it('releases give one attempt back and lift the lock; forget deletes', async ({ store }) => {
      for (const _ of range(3)) await store.reserveAttempts(reservation())
      await store.releaseAttempts([{ key: 'pw:login' }, { key: 'pw:ip', forget: true }])
      expect(await store.reserveAttempts(reservation())).toMatchObject({
        allowed: true,
        attempts: [{ attempts: 3, lockedForMs: 200 }, { attempts: 1 }],
      })
      await store.releaseAttempts([])
    })

    it('50 concurrent two-key reservations admit exactly maxFailures', async ({ store }) => {
      const racing = reservation(5, 100, LONG)
      const results = await Promise.all(range(50).map(() => store.reserveAttempts(racing)))
      expect(count(results, (r) => r.allowed)).toBe(5)
      expect(count(results, (r) => !r.allowed && r.gate === 'login')).toBe(45)
    })
  })
}
