/**
 * The code check and attempt reservations of the in-memory state store, with the semantics of
 * the Lua scripts in ./lua-checks.ts. Each runs synchronously between awaits, so it is as atomic
 * as a script on Redis.
 */
import type { StateStore } from '../../kernel/ports/state.ts'
import { WRONGTYPE_MESSAGE } from './shared.ts'
import { attemptLockMs, normaliseAttemptPolicy } from './guards.ts'
import { assertCheck, assertReservation } from './checks.ts'
import { liveHits, logRetryMs, type Entry, type MemoryEntries } from './memory-entries.ts'

type Checks = Pick<StateStore, 'checkChallenge' | 'reserveAttempts' | 'releaseAttempts'>

function ofType<T extends Entry['type']>(
  entry: Entry | undefined,
  type: T,
): Extract<Entry, { type: T }> | undefined {
  if (entry && entry.type !== type) throw new Error(WRONGTYPE_MESSAGE)
  return entry as Extract<Entry, { type: T }> | undefined
}

export function memoryChecks(store: MemoryEntries, prefix: string, now: () => number): Checks {
  const { map, live } = store

  /** One hit in a sliding-window log (as the scripts' windowHit): 0 when admitted, else the wait. */
  function windowHit(key: string, rule: { limit: number; windowMs: number }, at: number): number {
    const k = prefix + key
    const hits = liveHits(live(k, at), at, rule.windowMs)
    if (hits.length >= rule.limit) return logRetryMs(hits, { ...rule, cost: 1 }, at)
    hits.push({ at, id: null })
    map.set(k, { type: 'log', hits, expiresAt: at + rule.windowMs })
    return 0
  }

  return {
    async checkChallenge(check) {
      assertCheck(check)
      const at = now()
      const { limit, block, failures } = check
      if (limit) {
        const wait = windowHit(limit.key, limit, at)
        if (wait > 0) return { status: 'refused', gate: limit.name, retryAfterMs: wait }
      }
      if (block) {
        const entry = live(prefix + block.key, at)
        if (entry) {
          const retryAfterMs = entry.expiresAt === null ? -1 : Math.ceil(entry.expiresAt - at)
          return { status: 'refused', gate: block.name, retryAfterMs }
        }
      }
      const k = prefix + check.key
      const challenge = ofType(live(k, at), 'challenge')
      if (!challenge || challenge.id !== check.id) return { status: 'missing' }
      if (challenge.secret === check.secret) {
        map.delete(k)
        return { status: 'ok', payload: challenge.payload }
      }
      challenge.attempts += 1
      const exhausted = challenge.attempts >= challenge.max
      if (exhausted) map.delete(k)
      let count = 0
      let lockedForMs = 0
      if (failures && block) {
        const fk = prefix + failures.key
        const current = ofType(live(fk, at), 'string')
        count = (current ? Number(current.value) : 0) + 1
        if (!Number.isSafeInteger(count)) {
          throw new Error('ERR value is not an integer or out of range')
        }
        // Forgotten memoryMs after the latest failure, not the first.
        map.set(fk, { type: 'string', value: String(count), expiresAt: at + failures.memoryMs })
        if (count % failures.every === 0) {
          const step = Math.min(count / failures.every, failures.lockMs.length)
          lockedForMs = failures.lockMs[step - 1] as number
          const expiresAt = at + lockedForMs
          map.set(prefix + block.key, { type: 'string', value: String(count), expiresAt })
        }
      }
      const counts = { failures: count, lockedForMs }
      return exhausted
        ? { status: 'exhausted', ...counts }
        : { status: 'mismatch', attemptsLeft: challenge.max - challenge.attempts, ...counts }
    },

    async reserveAttempts(reservation) {
      assertReservation(reservation)
      const at = now()
      const { limit } = reservation
      if (limit) {
        const wait = windowHit(limit.key, limit, at)
        if (wait > 0) return { allowed: false, gate: limit.name, retryAfterMs: wait }
      }
      const gates = reservation.attempts.map((gate) => ({
        gate,
        policy: normaliseAttemptPolicy(gate.policy),
        entry: ofType(live(prefix + gate.key, at), 'attempts'),
      }))
      for (const { gate, entry } of gates) {
        if (entry && entry.lockedUntil > at) {
          return { allowed: false, gate: gate.name, retryAfterMs: entry.lockedUntil - at }
        }
      }
      const attempts = gates.map(({ gate, policy, entry: found }) => {
        // The window is anchored at the first attempt.
        const entry = found ?? {
          type: 'attempts' as const,
          count: 0,
          lockedUntil: 0,
          expiresAt: at + policy.windowMs,
        }
        entry.count += 1
        const lockedForMs = attemptLockMs(entry.count, policy)
        if (lockedForMs > 0) {
          entry.lockedUntil = at + lockedForMs
          // A lock outliving the window keeps the key alive (as PEXPIRE does in the script).
          if (entry.expiresAt !== null && entry.expiresAt < entry.lockedUntil) {
            entry.expiresAt = entry.lockedUntil
          }
        }
        map.set(prefix + gate.key, entry)
        return { attempts: entry.count, lockedForMs }
      })
      return { allowed: true, attempts }
    },

    async releaseAttempts(releases) {
      const at = now()
      for (const release of releases) {
        const k = prefix + release.key
        const entry = ofType(live(k, at), 'attempts')
        if (release.forget || !entry || entry.count <= 1) {
          map.delete(k)
          continue
        }
        entry.count -= 1
        entry.lockedUntil = 0
      }
    },
  }
}
