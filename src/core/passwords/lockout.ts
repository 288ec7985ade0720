/**
 * Failed-password counting with growing lockouts, kept in the state store (Redis in
 * production) so every isolate and server sees the same counts. Subjects are opaque strings:
 * `user:<id>` for known accounts, `login:<hash>` for logins nobody has (so those answer the
 * same way), `ip:<address>` for a client.
 */
import { sha256Hex } from '../crypto.ts'
import type { StateStore } from '../../storage/state/port.ts'

export interface LockoutPolicy {
  /** Failures allowed before the first lockout. */
  maxFailures: number
  /** First lockout; each further failure doubles it… */
  baseSeconds: number
  /** …up to this. */
  maxSeconds: number
  /** Failures older than this (from the first one) are forgotten. Default 24 h. */
  windowSeconds?: number
}

export interface Lockout {
  /** Seconds until the subject may try again; 0 when not locked. */
  retryAfter(subject: string): Promise<number>
  /** Counts a failure; returns the count and the lockout it started (0 = none). */
  recordFailure(subject: string): Promise<{ failures: number; lockedForSeconds: number }>
  clear(subject: string): Promise<void>
}

const failKey = (subject: string) => `pw:fail:${subject}`
const lockKey = (subject: string) => `pw:lock:${subject}`

/** The lockout after `failures` failures: base · 2^(failures − max), capped; 0 below the max. */
export function lockoutSeconds(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.maxFailures) return 0
  const doublings = Math.min(failures - policy.maxFailures, 30)
  return Math.min(policy.baseSeconds * 2 ** doublings, policy.maxSeconds)
}

export function createLockout(state: StateStore, policy: LockoutPolicy): Lockout {
  const windowMs = (policy.windowSeconds ?? 24 * 3600) * 1000
  return {
    async retryAfter(subject) {
      const ttl = await state.ttl(lockKey(subject))
      return ttl > 0 ? Math.max(1, Math.ceil(ttl / 1000)) : 0
    },
    async recordFailure(subject) {
      const failures = await state.increment(failKey(subject), { ttlMs: windowMs })
      const seconds = lockoutSeconds(failures, policy)
      if (seconds > 0)
        await state.set(lockKey(subject), String(failures), { ttlMs: seconds * 1000 })
      return { failures, lockedForSeconds: seconds }
    },
    async clear(subject) {
      await state.delete(failKey(subject))
      await state.delete(lockKey(subject))
    },
  }
}

/** The lockout subject of an account. */
export const accountLockoutSubject = (userId: string) => `user:${userId}`

/** The lockout subject of a login that matches no account (hashed: no personal data in Redis). */
export async function unknownLoginLockoutSubject(login: string): Promise<string> {
  return `login:${(await sha256Hex(login.trim().toLowerCase())).slice(0, 32)}`
}

/** Ends an account's lockout (after a password reset proves the person controls a login). */
export async function clearAccountLockout(state: StateStore, userId: string): Promise<void> {
  await createLockout(state, { maxFailures: 1, baseSeconds: 1, maxSeconds: 1 }).clear(
    accountLockoutSubject(userId),
  )
}
