/**
 * The engine's guards, all in the state store: their keys, the verify limit and the per-login
 * lockout after wrong codes. The send gates (lockout, resend wait, send limits) are checked and
 * counted, and the challenge stored, in one atomic step by ./send-admission.ts; a code check is
 * one atomic step too (`codeCheck` below). Keys carry a pseudonym of the login (see keys.ts),
 * never the login itself.
 */
import { coreError, type ApiError } from '../../kernel/errors.ts'
import type { ChallengeCheck, StateStore } from '../../kernel/ports/state.ts'
import type { AnyOtpSettings } from './settings.ts'
import { otpError } from './errors.ts'

export const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

export const otpKeys = {
  /**
   * The login's one live challenge (across methods), named by its nonce: a newer send replaces
   * it, and the replaced code then finds no challenge of its nonce (`code_expired`), never a
   * wrong code.
   */
  challenge: (loginKey: string) => `otp:code:${loginKey}`,
  resend: (method: string, loginKey: string) => `otp:resend:${method}:${loginKey}`,
  failures: (loginKey: string) => `otp:fail:${loginKey}`,
  lock: (loginKey: string) => `otp:lock:${loginKey}`,
  limit: (scope: string, subject: string) => `otp:rl:${scope}:${subject}`,
}

export function rateLimitedError(scope: string, retryAfterMs: number): ApiError {
  return coreError('rate_limited', 'Too many codes were requested; try again later.', {
    retryAfterSeconds: seconds(retryAfterMs),
    limit: scope,
  })
}

const verifyLimit = (settings: AnyOtpSettings, ip: string) => ({
  name: 'verify-ip',
  key: otpKeys.limit('verify-ip', ip),
  limit: settings.verifiesPerIpPer10Minutes,
  windowMs: 10 * 60_000,
})

/** Counts a code check that never reaches the challenge (e.g. an unknown challenge id). */
export async function consumeVerifyLimit(
  state: StateStore,
  settings: AnyOtpSettings,
  ip: string,
): Promise<void> {
  const { key, ...rule } = verifyLimit(settings, ip)
  const decision = await state.hit(key, rule)
  if (!decision.allowed) throw rateLimitedError('verify-ip', decision.retryAfterMs)
}

/** Lock lengths of the 1st, 2nd, … block of wrong codes, up to the cap (the last repeats). */
function lockSteps(settings: AnyOtpSettings): number[] {
  const steps: number[] = []
  for (let step = 1; step <= 64; step++) {
    const lock = lockoutSecondsForStep(settings, step)
    steps.push(lock * 1000)
    if (lock >= settings.maxLockoutSeconds || settings.lockoutGrowthFactor === 1) break
  }
  return steps
}

/**
 * A code check in one atomic state call: the per-IP verify limit (every check counts), the
 * login's lockout, the challenge of this nonce, and on a wrong code the login's failure count
 * (never reset by sending a new code: NIST SP 800-63B §5.2.2; forgotten `failureMemorySeconds`
 * after the latest) with a lockout, each longer than the last, after every
 * `failuresBeforeLockout` of them.
 */
export function codeCheck(
  settings: AnyOtpSettings,
  input: { ip: string; loginKey: string; nonce: string; secret: string },
): ChallengeCheck {
  return {
    key: otpKeys.challenge(input.loginKey),
    id: input.nonce,
    secret: input.secret,
    limit: verifyLimit(settings, input.ip),
    block: { name: 'lock', key: otpKeys.lock(input.loginKey) },
    failures: {
      key: otpKeys.failures(input.loginKey),
      memoryMs: settings.failureMemorySeconds * 1000,
      every: settings.failuresBeforeLockout,
      lockMs: lockSteps(settings),
    },
  }
}

/** `otp_locked`; `left` is the lock's remaining milliseconds (-1: no expiry, so wait a minute). */
export function otpLockedError(left: number): ApiError {
  const retryAfterSeconds = left > 0 ? seconds(left) : 60
  return otpError(
    'otp_locked',
    `Too many wrong codes for this login; try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  )
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
