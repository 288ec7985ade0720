/**
 * The engine's guards, all in the state store: sliding-window send limits (per IP, per login,
 * per number prefix, per country), the resend gate (R5) and the per-login lockout. Keys carry a
 * pseudonym of the login (see keys.ts), never the login itself.
 */
import { ApiError } from '../errors.ts'
import type { ErrorRegistry } from '../errors.ts'
import type { StateStore, StoredChallenge } from '../../storage/state/port.ts'
import type { AnyOtpSettings } from './settings.ts'

const hourMs = 3600_000
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

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

export interface SendLimitSubjects {
  ip: string
  loginKey: string
  /** Phones only: leading digits and country, the units SMS pumping abuses. */
  prefix?: string
  country?: string
}

function limited(scope: string, retryAfterMs: number): ApiError {
  return new ApiError('rate_limited', 429, 'Too many codes were requested; try again later.', {
    retryAfterSeconds: seconds(retryAfterMs),
    limit: scope,
  })
}

/**
 * Counts one send against each limit, in order from the cheapest for an attacker to vary (IP)
 * to the most shared (country). Stops at the first refusal, so a flood refused per IP does not
 * use up the victim login's own quota.
 */
export async function consumeSendLimits(
  state: StateStore,
  settings: AnyOtpSettings,
  subjects: SendLimitSubjects,
): Promise<void> {
  const checks: Array<
    [scope: string, subject: string | undefined, limit: number | undefined, windowMs: number]
  > = [
    ['ip', subjects.ip, settings.sendsPerIpPerHour, hourMs],
    ['login-hour', subjects.loginKey, settings.sendsPerLoginPerHour, hourMs],
    ['login-day', subjects.loginKey, settings.sendsPerLoginPerDay, 24 * hourMs],
    ['prefix', subjects.prefix, settings.sendsPerPrefixPerHour, hourMs],
    ['country', subjects.country, settings.sendsPerCountryPerHour, hourMs],
  ]
  for (const [scope, subject, limit, windowMs] of checks) {
    if (subject === undefined || limit === undefined) continue
    const decision = await state.hit(otpKeys.limit(scope, subject), { limit, windowMs })
    if (!decision.allowed) throw limited(scope, decision.retryAfterMs)
  }
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
  if (!decision.allowed) throw limited('verify-ip', decision.retryAfterMs)
}

async function resendTooSoon(
  state: StateStore,
  errors: ErrorRegistry,
  key: string,
  left?: number,
): Promise<ApiError> {
  left ??= await state.ttl(key)
  const retryAfterSeconds = left > 0 ? seconds(left) : 1
  return errors.error(
    'resend_too_soon',
    `Wait ${retryAfterSeconds} s before requesting another code.`,
    {
      retryAfterSeconds,
      resendAfterSeconds: retryAfterSeconds,
    },
  )
}

/**
 * R5, first half: refuses while a code of this method went to this login within
 * `resendAfterSeconds`, without claiming anything (the gate is claimed only once every other
 * check passed, so a request refused by a limit never blocks the login's owner).
 */
export async function assertResendOpen(
  state: StateStore,
  errors: ErrorRegistry,
  method: string,
  loginKey: string,
): Promise<void> {
  const key = otpKeys.resend(method, loginKey)
  const left = await state.ttl(key)
  if (left > 0 || left === -1) throw await resendTooSoon(state, errors, key, left)
}

/** R5, second half: claims the gate for this send (a racing send that lost gets the wait). */
export async function claimResend(
  state: StateStore,
  errors: ErrorRegistry,
  method: string,
  loginKey: string,
  settings: AnyOtpSettings,
): Promise<void> {
  const key = otpKeys.resend(method, loginKey)
  if (await state.set(key, '1', { ttlMs: settings.resendAfterSeconds * 1000, ifAbsent: true }))
    return
  throw await resendTooSoon(state, errors, key)
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

/** Lets a send that failed to deliver be retried at once. */
export async function releaseResend(
  state: StateStore,
  method: string,
  loginKey: string,
): Promise<void> {
  await state.delete(otpKeys.resend(method, loginKey))
}

export async function assertNotLocked(
  state: StateStore,
  errors: ErrorRegistry,
  loginKey: string,
): Promise<void> {
  const left = await state.ttl(otpKeys.lock(loginKey))
  if (left > 0 || left === -1) {
    const retryAfterSeconds = left > 0 ? seconds(left) : 60
    throw errors.error(
      'otp_locked',
      `Too many wrong codes for this login; try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    )
  }
}

/** Wrong codes so far (within the memory window): decides how many tries the next code gets. */
export async function failureCount(state: StateStore, loginKey: string): Promise<number> {
  const value = await state.get(otpKeys.failures(loginKey))
  const count = value === null ? 0 : Number.parseInt(value, 10)
  return Number.isFinite(count) && count > 0 ? count : 0
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
