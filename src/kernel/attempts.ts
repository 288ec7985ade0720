/**
 * Failures-only attempt limiting with growing lockouts, on the state store's attempt limiter
 * (one atomic step in Redis, shared by every isolate and server). An attempt is reserved
 * *before* the secret is checked, so a burst of simultaneous requests cannot get more checks
 * than the policy allows, and given back when it was right. Every plugin gets its own key
 * namespace (`attempts:<plugin id>:`), so two methods never share or clear each other's counts.
 * Subjects are opaque strings: `login:<hash>` for a login (the same whether or not an account
 * has it), `ip:<address>` for a client, a user id, …
 *
 * In the kernel because the plugin host hands every plugin its `ctx.attempts`: it knows only
 * the state port, nothing about passwords (the passwords module adds login subjects on top).
 */
import { signInFailed } from './errors.ts'
import type { AdmissionGate, AttemptPolicy, StateStore } from './ports/state.ts'

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
  /**
   * `reserve`, refusing with the core's `too_many_attempts` (and its wait) while locked, worded
   * by `message` when given.
   */
  admit(subject: string, message?: string): Promise<void>
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

/** The state key of a subject's attempts in a namespace (a plugin id). */
export const attemptKey = (namespace: string, subject: string): string =>
  `attempts:${namespace}:${subject}`

/** Several reservations (and optionally one rate-limit hit) decided in one state call. */
export type BatchReservation = { ok: true } | { ok: false; gate: string; retryAfterSeconds: number }

/**
 * `ctx.attempts`: a plugin's attempt limiters. Keys live under the plugin's own namespace;
 * policies are per call, so live settings apply at once.
 */
export interface PluginAttempts {
  /** A limiter with this policy over the plugin's keys. */
  limiter(policy: LockoutPolicy): Lockout
  /**
   * Reserves an attempt on every gate (from `Lockout.gate`) in one atomic state call; `limit`
   * (from `ctx.limits.gate`) is counted first and a refusal there counts nothing else.
   */
  reserveAll(
    gates: Array<AdmissionGate & { policy: AttemptPolicy }>,
    limit?: AdmissionGate & { limit: number; windowMs: number },
  ): Promise<BatchReservation>
  /** Gives reserved attempts back in one call; `forget` also drops the earlier failures. */
  releaseAll(releases: Array<{ gate: AdmissionGate; forget?: boolean }>): Promise<void>
}

const waitSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

export function createPluginAttempts(state: StateStore, pluginId: string): PluginAttempts {
  return {
    limiter: (policy) => createLockout(state, policy, pluginId),
    async reserveAll(gates, limit) {
      const decision = await state.reserveAttempts({
        ...(limit ? { limit } : {}),
        attempts: gates,
      })
      if (decision.allowed) return { ok: true }
      return {
        ok: false,
        gate: decision.gate,
        retryAfterSeconds: waitSeconds(decision.retryAfterMs),
      }
    },
    releaseAll: (releases) =>
      state.releaseAttempts(
        releases.map(({ gate, forget }) => ({ key: gate.key, ...(forget ? { forget } : {}) })),
      ),
  }
}

/** A limiter whose keys live under `namespace` (a plugin id). */
export function createLockout(
  state: StateStore,
  policy: LockoutPolicy,
  namespace: string,
): Lockout {
  const keyOf = (subject: string) => attemptKey(namespace, subject)
  const attempts: AttemptPolicy = {
    maxFailures: policy.maxFailures,
    lockMs: policy.baseSeconds * 1000,
    growthFactor: 2,
    maxLockMs: Math.max(policy.maxSeconds, policy.baseSeconds) * 1000,
    windowMs: (policy.windowSeconds ?? 24 * 3600) * 1000,
  }
  async function reserve(subject: string): Promise<Reservation> {
    const decision = await state.reserveAttempt(keyOf(subject), attempts)
    if (decision.allowed) return { ok: true }
    return { ok: false, retryAfterSeconds: waitSeconds(decision.retryAfterMs) }
  }
  return {
    reserve,
    async admit(subject, message) {
      const reserved = await reserve(subject)
      if (!reserved.ok) {
        throw signInFailed('too_many_attempts', {
          retryAfterSeconds: reserved.retryAfterSeconds,
          message,
        })
      }
    },
    async release(subject) {
      await state.releaseAttempt(keyOf(subject))
    },
    async clear(subject) {
      await state.delete(keyOf(subject))
    },
    gate: (name, subject) => ({ name, key: keyOf(subject), policy: attempts }),
  }
}
