/**
 * The engine's guards, all in the state store: their keys, the verify limit, the live-challenge
 * swap and the per-login lockout after wrong codes. The send gates (lockout, resend wait, send
 * limits) are checked and counted in one atomic step by ./send-admission.ts. Keys carry a
 * pseudonym of the login (see keys.ts), never the login itself.
 */
import { ApiError } from '../errors.ts'
import type { ErrorRegistry } from '../errors.ts'
import type { StateStore, StoredChallenge } from '../../storage/state/port.ts'
import type { AnyOtpSettings } from './settings.ts'

export const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

export const otpKeys = {
  /** One key per challenge: a superseded challenge is simply gone, never a wrong code. */
  challenge: (loginKey: string, nonce: string) => `otp:ch:${loginKey}:${nonce}`,
  /** The nonce of the login's live challenge (one per login, across methods). */
  current: (loginKey: string) => `otp:cur:${loginKey}`,
  resend: (method: string, loginKey: string) => `otp:resend:${method}:${loginKey}`,
  failures: (loginKey: string) => `otp:fail:${loginKey}`,
  lock: (loginKey: string) => `otp:lock:${loginKey}`,
  limit: (scope: string, subject: string) => `otp:rl:${scope}:${subject}`,
}

export function rateLimitedError(scope: string, retryAfterMs: number): ApiError {
  return new ApiError('rate_limited', 429, 'Too many codes were requested; try again later.', {
    retryAfterSeconds: seconds(retryAfterMs),
    limit: scope,
  })
}

export async function consumeVerifyLimit(
  state: StateStore,
  settings: AnyOtpSettings,
  ip: string,
): Promise<void> {
  const decision = await state.hit(otpKeys.limit('verify-ip', ip), {
    limit: settings.verifiesPerIpPer10Minutes,
    windowMs: 10 * 60_000,
  })
  if (!decision.allowed) throw rateLimitedError('verify-ip', decision.retryAfterMs)
}

/**
 * Stores a new challenge and makes it the login's only live one: the previous challenge (of
 * any method) is deleted, so its code now answers `code_expired` instead of counting as wrong.
 * Racing sends each delete the challenge they displaced, so exactly one stays live.
 */
export async function replaceChallenge(
  state: StateStore,
  loginKey: string,
  nonce: string,
  challenge: StoredChallenge,
  ttlMs: number,
): Promise<void> {
  await state.putChallenge(otpKeys.challenge(loginKey, nonce), challenge, { ttlMs })
  const pointer = otpKeys.current(loginKey)
  for (let attempt = 0; attempt < 10; attempt++) {
    const previous = await state.get(pointer)
    if (previous === nonce) return
    if (await state.compareAndSwap(pointer, previous, nonce, { ttlMs })) {
      if (previous) await state.delete(otpKeys.challenge(loginKey, previous))
      return
    }
  }
}

/** `otp_locked`; `left` is the lock's remaining milliseconds (-1: no expiry, so wait a minute). */
export function otpLockedError(errors: ErrorRegistry, left: number): ApiError {
  const retryAfterSeconds = left > 0 ? seconds(left) : 60
  return errors.error(
    'otp_locked',
    `Too many wrong codes for this login; try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  )
}

export async function assertNotLocked(
  state: StateStore,
  errors: ErrorRegistry,
  loginKey: string,
): Promise<void> {
  const left = await state.ttl(otpKeys.lock(loginKey))
  if (left > 0 || left === -1) throw otpLockedError(errors, left)
}

/**
 * Tries a new code gets: never more than are left before the next lockout, so even racing
 * guesses on one code cannot run past a lockout (a code's attempts are counted atomically).
 */
export function attemptsForNextCode(settings: AnyOtpSettings, failures: number): number {
  const leftInStep = settings.failuresBeforeLockout - (failures % settings.failuresBeforeLockout)
  return Math.max(1, Math.min(settings.maxAttemptsPerCode, leftInStep))
}

/** Length of the lockout that starts after the `step`-th block of wrong codes (1-based). */
export function lockoutSecondsForStep(settings: AnyOtpSettings, step: number): number {
  const grown = settings.lockoutSeconds * settings.lockoutGrowthFactor ** (step - 1)
  return Math.min(Math.round(grown), settings.maxLockoutSeconds)
}

/**
 * Counts a wrong code against the login (never reset by sending a new code: NIST SP 800-63B
 * §5.2.2) and starts a lockout after every `failuresBeforeLockout` of them, each longer than the
 * last. The count is forgotten `failureMemorySeconds` after the latest wrong code.
 */
export async function recordFailure(
  state: StateStore,
  loginKey: string,
  settings: AnyOtpSettings,
): Promise<{ failures: number; lockedForSeconds?: number }> {
  const key = otpKeys.failures(loginKey)
  const memoryMs = settings.failureMemorySeconds * 1000
  const failures = await state.increment(key, { ttlMs: memoryMs })
  // `increment` keeps the TTL of the first failure; move it to this one. If another failure
  // raced in between, that one refreshes it instead.
  await state.compareAndSwap(key, String(failures), String(failures), { ttlMs: memoryMs })
  if (failures % settings.failuresBeforeLockout !== 0) return { failures }
  const lockedForSeconds = lockoutSecondsForStep(
    settings,
    failures / settings.failuresBeforeLockout,
  )
  await state.set(otpKeys.lock(loginKey), String(failures), { ttlMs: lockedForSeconds * 1000 })
  return { failures, lockedForSeconds }
}
