/**
 * The attempt limiter and admissions of the in-memory state store, with the semantics of the Lua
 * scripts in ./lua-guards.ts. Each runs synchronously between awaits, so it is as atomic as a
 * script on Redis.
 */
import type { StateStore } from '../../kernel/ports/state.ts'
import { WRONGTYPE_MESSAGE } from './shared.ts'
import { assertAdmission, attemptLockMs, normaliseAttemptPolicy } from './guards.ts'
import { liveHits, logRetryMs, type Entry, type MemoryEntries } from './memory-entries.ts'

type Guards = Pick<StateStore, 'reserveAttempt' | 'releaseAttempt' | 'admit' | 'refundAdmission'>

function attemptsOf(entry: Entry | undefined): Extract<Entry, { type: 'attempts' }> | undefined {
  if (entry && entry.type !== 'attempts') throw new Error(WRONGTYPE_MESSAGE)
  return entry
}

export function memoryGuards(store: MemoryEntries, prefix: string, now: () => number): Guards {
  const { map, live } = store
  return {
    async reserveAttempt(key, rawPolicy) {
      const policy = normaliseAttemptPolicy(rawPolicy)
      const k = prefix + key
      const at = now()
      const entry = attemptsOf(live(k, at)) ?? {
        type: 'attempts' as const,
        count: 0,
        lockedUntil: 0,
        // The window is anchored at the first attempt.
        expiresAt: at + policy.windowMs,
      }
      if (entry.lockedUntil > at) return { allowed: false, retryAfterMs: entry.lockedUntil - at }
      entry.count += 1
      const lockedForMs = attemptLockMs(entry.count, policy)
      if (lockedForMs > 0) {
        entry.lockedUntil = at + lockedForMs
        // A lock outliving the window keeps the key alive (as PEXPIRE does in the script).
        if (entry.expiresAt !== null && entry.expiresAt < entry.lockedUntil) {
          entry.expiresAt = entry.lockedUntil
        }
      }
      map.set(k, entry)
      return { allowed: true, attempts: entry.count, lockedForMs }
    },

    async releaseAttempt(key) {
      const k = prefix + key
      const entry = attemptsOf(live(k, now()))
      if (!entry || entry.count <= 1) {
        map.delete(k)
        return
      }
      entry.count -= 1
      entry.lockedUntil = 0
    },

    async admit(admission) {
      assertAdmission(admission)
      const at = now()
      const refusing = [...admission.blocks, ...(admission.claim ? [admission.claim] : [])]
      for (const gate of refusing) {
        const entry = live(prefix + gate.key, at)
        if (!entry) continue
        const retryAfterMs = entry.expiresAt === null ? -1 : Math.ceil(entry.expiresAt - at)
        return { admitted: false, gate: gate.name, retryAfterMs }
      }
      const logs = admission.limits.map((gate) => ({
        gate,
        hits: liveHits(live(prefix + gate.key, at), at, gate.windowMs),
      }))
      for (const { gate, hits } of logs) {
        if (hits.length < gate.limit) continue
        const retryAfterMs = logRetryMs(hits, { ...gate, cost: 1 }, at)
        return { admitted: false, gate: gate.name, retryAfterMs }
      }
      const ticket = crypto.randomUUID()
      for (const { gate, hits } of logs) {
        hits.push({ at, id: ticket })
        map.set(prefix + gate.key, { type: 'log', hits, expiresAt: at + gate.windowMs })
      }
      const { claim, read, challenge: stored } = admission
      if (claim) {
        map.set(prefix + claim.key, { type: 'string', value: ticket, expiresAt: at + claim.ttlMs })
      }
      const readEntry = read === undefined ? undefined : live(prefix + read, at)
      if (readEntry && readEntry.type !== 'string') throw new Error(WRONGTYPE_MESSAGE)
      const value = readEntry?.value ?? null
      if (stored) {
        const { challenge, lockStep } = stored
        // As the script: a count that is no number counts as none.
        const failures = Number(value ?? '0') || 0
        const used = ((failures % (lockStep ?? 1)) + (lockStep ?? 1)) % (lockStep ?? 1)
        const max = lockStep
          ? Math.max(1, Math.min(challenge.maxAttempts, lockStep - used))
          : challenge.maxAttempts
        map.set(prefix + stored.key, {
          type: 'challenge',
          secret: challenge.secret,
          payload: challenge.payload,
          max,
          attempts: 0,
          id: challenge.id ?? '',
          expiresAt: at + stored.ttlMs,
        })
      }
      return { admitted: true, ticket, value }
    },

    async refundAdmission(refund) {
      const at = now()
      if (refund.claim !== undefined) {
        const entry = live(prefix + refund.claim, at)
        if (entry && entry.type !== 'string') throw new Error(WRONGTYPE_MESSAGE)
        if (entry?.value === refund.ticket) map.delete(prefix + refund.claim)
      }
      if (refund.challenge !== undefined) {
        const k = prefix + refund.challenge.key
        const entry = live(k, at)
        if (entry && entry.type !== 'challenge') throw new Error(WRONGTYPE_MESSAGE)
        if (entry?.id === refund.challenge.id) map.delete(k)
      }
      for (const key of refund.limits) {
        const entry = live(prefix + key, at)
        if (entry && entry.type !== 'log') throw new Error(WRONGTYPE_MESSAGE)
        if (!entry) continue
        entry.hits = entry.hits.filter((hit) => hit.id !== refund.ticket)
        // Like ZREM: a log left empty is gone.
        if (entry.hits.length === 0) map.delete(prefix + key)
      }
    },
  }
}
