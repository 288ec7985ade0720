/**
 * The gates of a code send, checked and counted in ONE atomic state call (`StateStore.admit`):
 * the login's lockout, the method's resend wait (R5), then the sliding-window limits from the
 * cheapest for an attacker to vary (IP) to the most shared (country). Only a send that passes
 * every gate is counted (in every limit at once) and claims the resend wait; a refused one
 * changes nothing. So a flood refused per IP does not use up the victim login's quota, a refused
 * request never starts the owner's 60 s wait, and of simultaneous sends for one login only the
 * one that goes out counts. The same call reads the login's wrong-code count and, when the code
 * is known before delivery, stores the challenge: a send is then one state round trip.
 */
import type { Admission, StateStore, StoredChallenge } from '../../kernel/ports/state.ts'
import { otpKeys, otpLockedError, rateLimitedError, seconds } from './limits.ts'
import type { AnyOtpSettings } from './settings.ts'
import { otpError } from './errors.ts'

const hourMs = 3600_000

export interface SendLimitSubjects {
  ip: string
  loginKey: string
  /** Phones only: leading digits and country, the units SMS pumping abuses. */
  prefix?: string
  country?: string
}

/** Gate names: `lock`, `resend`, and the limit scopes that `rate_limited` reports as `limit`. */
export function sendAdmission(
  method: string,
  settings: AnyOtpSettings,
  subjects: SendLimitSubjects,
  /** Stored on admission, its attempts capped by what is left before the next lockout. */
  challenge?: { value: StoredChallenge; ttlMs: number },
): Admission {
  const scopes: Array<
    [scope: string, subject: string | undefined, limit: number | undefined, windowMs: number]
  > = [
    ['ip', subjects.ip, settings.sendsPerIpPerHour, hourMs],
    ['login-hour', subjects.loginKey, settings.sendsPerLoginPerHour, hourMs],
    ['login-day', subjects.loginKey, settings.sendsPerLoginPerDay, 24 * hourMs],
    ['prefix', subjects.prefix, settings.sendsPerPrefixPerHour, hourMs],
    ['country', subjects.country, settings.sendsPerCountryPerHour, hourMs],
  ]
  return {
    blocks: [{ name: 'lock', key: otpKeys.lock(subjects.loginKey) }],
    claim: {
      name: 'resend',
      key: otpKeys.resend(method, subjects.loginKey),
      ttlMs: settings.resendAfterSeconds * 1000,
    },
    limits: scopes.flatMap(([name, subject, limit, windowMs]) =>
      subject === undefined || limit === undefined
        ? []
        : [{ name, key: otpKeys.limit(name, subject), limit, windowMs }],
    ),
    read: otpKeys.failures(subjects.loginKey),
    ...(challenge
      ? {
          challenge: {
            key: otpKeys.challenge(subjects.loginKey),
            challenge: challenge.value,
            ttlMs: challenge.ttlMs,
            lockStep: settings.failuresBeforeLockout,
          },
        }
      : {}),
  }
}

/**
 * Admits the send or throws its refusal (`otp_locked`, `resend_too_soon`, `rate_limited` with
 * the refusing `limit`), each with Retry-After. Returns the admission's ticket (for a refund)
 * and the login's wrong codes so far.
 */
export async function admitSend(
  state: StateStore,
  admission: Admission,
): Promise<{ ticket: string; failures: number }> {
  const decision = await state.admit(admission)
  if (decision.admitted) {
    const count = decision.value === null ? 0 : Number.parseInt(decision.value, 10)
    return { ticket: decision.ticket, failures: Number.isFinite(count) && count > 0 ? count : 0 }
  }
  const left = decision.retryAfterMs
  if (decision.gate === 'lock') throw otpLockedError(left)
  if (decision.gate === 'resend') {
    // A wait without expiry cannot come from Propusk; 1 s lets the client simply retry.
    const retryAfterSeconds = left > 0 ? seconds(left) : 1
    throw otpError(
      'resend_too_soon',
      `Wait ${retryAfterSeconds} s before requesting another code.`,
      { retryAfterSeconds, resendAfterSeconds: retryAfterSeconds },
    )
  }
  throw rateLimitedError(decision.gate, left)
}

/**
 * After a failed delivery: the resend wait is released (the person may retry at once), the
 * login's own quota gets its send back, since nothing reached them, and the undelivered
 * challenge goes (unless a later send already replaced it). The IP, prefix and country counts
 * stay: they bound how often anyone can make us call a provider, failing or not.
 */
export async function refundSend(
  state: StateStore,
  admission: Admission,
  ticket: string,
): Promise<void> {
  await state.refundAdmission({
    ticket,
    ...(admission.claim ? { claim: admission.claim.key } : {}),
    ...(admission.challenge
      ? { challenge: { key: admission.challenge.key, id: admission.challenge.challenge.id ?? '' } }
      : {}),
    limits: admission.limits
      .filter((gate) => gate.name.startsWith('login-'))
      .map((gate) => gate.key),
  })
}
