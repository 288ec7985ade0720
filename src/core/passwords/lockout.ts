/**
 * Password attempts with growing lockouts, on the state store's attempt limiter (one atomic step
 * in Redis, shared by every isolate and server). An attempt is reserved *before* the password is
 * checked, so a burst of simultaneous requests cannot get more checks than the policy allows,
 * and given back when the password was right. Subjects are opaque strings: `login:<hash>` for a
 * login (the same whether or not an account has it), `ip:<address>` for a client.
 */
import { sha256Hex } from '../crypto.ts'
import { parseLogin } from '../identity/normalize.ts'
import type { AdmissionGate, AttemptPolicy, StateStore } from '../../storage/state/port.ts'

export interface LockoutPolicy {
  /** Attempts allowed before the first lockout (the last of them starts it). */
  maxFailures: number
  /** First lockout; each further attempt doubles it… */
  baseSeconds: number
  /** …up to this. */
  maxSeconds: number
  /** Attempts older than this (from the first one) are forgotten. Default 24 h. */
  windowSeconds?: number
}

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number }

export interface Lockout {
  /** Counts an attempt before it is evaluated; refuses (counting nothing) while locked. */
  reserve(subject: string): Promise<Reservation>
  /** Gives a reserved attempt back: it was no failure (the right password). */
  release(subject: string): Promise<void>
  /** Forgets every attempt and ends the lockout. */
  clear(subject: string): Promise<void>
  /**
   * The limiter's key and policy, for reserving several in one state call
   * (`StateStore.reserveAttempts`) and releasing them in one (`releaseAttempts`).
   */
  gate(name: string, subject: string): AdmissionGate & { policy: AttemptPolicy }
}

const attemptKey = (subject: string) => `pw:attempts:${subject}`

export function createLockout(state: StateStore, policy: LockoutPolicy): Lockout {
  const attempts: AttemptPolicy = {
    maxFailures: policy.maxFailures,
    lockMs: policy.baseSeconds * 1000,
    growthFactor: 2,
    maxLockMs: Math.max(policy.maxSeconds, policy.baseSeconds) * 1000,
    windowMs: (policy.windowSeconds ?? 24 * 3600) * 1000,
  }
  return {
    async reserve(subject) {
      const decision = await state.reserveAttempt(attemptKey(subject), attempts)
      if (decision.allowed) return { ok: true }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) }
    },
    async release(subject) {
      await state.releaseAttempt(attemptKey(subject))
    },
    async clear(subject) {
      await state.delete(attemptKey(subject))
    },
    gate: (name, subject) => ({ name, key: attemptKey(subject), policy: attempts }),
  }
}

/**
 * The lockout subject of a login: its normalised form (E.164 phone, lower-cased e-mail), so
 * `8 (916) …` and `+7 916 …` share one count, and a login with no account is counted exactly
 * like one with an account (a lockout must not tell them apart). Hashed: no personal data in
 * Redis. Input that is no login at all is counted as typed (trimmed, lower-cased).
 */
export async function loginLockoutSubject(login: string): Promise<string> {
  const canonical = parseLogin(login)?.value ?? login.trim().toLowerCase()
  return `login:${(await sha256Hex(canonical)).slice(0, 32)}`
}

/** Ends the lockouts of an account's logins (after a password reset proves the person controls one). */
export async function clearAccountLockout(
  state: StateStore,
  user: { phone: string | null; email: string | null },
): Promise<void> {
  const logins = [user.phone, user.email].filter((login): login is string => !!login)
  await Promise.all(
    logins.map(async (login) => state.delete(attemptKey(await loginLockoutSubject(login)))),
  )
}
