/**
 * How likely is it that someone who controls no phone guesses their way into one account?
 * Each guess hits a uniformly random code of `codeLength` digits, so after G guesses the chance
 * is at most G / 10^codeLength (union bound). G is what the engine lets one login take in the
 * period: this module replays the engine's own rules (attempts per code, resend gate, sends per
 * hour and day, lockouts that grow, failure memory) for an attacker who guesses as fast as they
 * allow, and counts the most guesses that fit in any window of the period. See docs/otp.md.
 */
import { attemptsForNextCode, lockoutSecondsForStep } from './limits.ts'
import type { AnyOtpSettings } from './settings.ts'

export interface GuessBound {
  /** Most wrong guesses at one login within any window of `periodSeconds`. */
  guesses: number
  /** Upper bound on the chance that one of them is right. */
  probability: number
  periodSeconds: number
}

/** Whether a send at `t` fits the per-login windows, else the earliest time it would. */
function nextSendTime(sends: number[], t: number, s: AnyOtpSettings): number {
  let at = t
  for (const [limit, window] of [
    [s.sendsPerLoginPerHour, 3600],
    [s.sendsPerLoginPerDay, 86_400],
  ] as const) {
    const inWindow = sends.filter((x) => x > at - window)
    if (inWindow.length >= limit) {
      // The oldest entries must leave the window before another send fits.
      const oldestBlocking = inWindow[inWindow.length - limit] as number
      at = Math.max(at, oldestBlocking + window)
    }
  }
  return at
}

/** Guess times (seconds from the first) of an attacker who never waits longer than required. */
export function greedyGuessTimes(s: AnyOtpSettings, horizonSeconds: number): number[] {
  const guesses: number[] = []
  const sends: number[] = []
  let t = 0
  let failures = 0
  let lastFailure = -Infinity
  let lockUntil = 0
  let lastSend = -Infinity
  while (t <= horizonSeconds) {
    t = Math.max(t, lockUntil, lastSend + s.resendAfterSeconds)
    // The per-login windows can push the send later; re-check until stable.
    for (let moved = true; moved;) {
      const next = nextSendTime(sends, t, s)
      moved = next !== t
      t = next
    }
    if (t > horizonSeconds) break
    if (t - lastFailure >= s.failureMemorySeconds) failures = 0
    sends.push(t)
    lastSend = t
    const attempts = attemptsForNextCode(s, failures)
    for (let i = 0; i < attempts; i++) {
      failures += 1
      guesses.push(t)
      lastFailure = t
      if (failures % s.failuresBeforeLockout === 0) {
        lockUntil = t + lockoutSecondsForStep(s, failures / s.failuresBeforeLockout)
        break
      }
    }
  }
  return guesses
}

export function maxInWindow(times: number[], windowSeconds: number): number {
  let best = 0
  let start = 0
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= windowSeconds) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

export function guessBound(
  settings: AnyOtpSettings,
  options: { periodSeconds?: number; codeDigits?: number } = {},
): GuessBound {
  const periodSeconds = options.periodSeconds ?? 30 * 86_400
  // Long enough to see the failure memory expire and a second round of lockouts begin.
  const horizon = 3 * periodSeconds + 2 * settings.failureMemorySeconds + settings.maxLockoutSeconds
  const guesses = maxInWindow(greedyGuessTimes(settings, horizon), periodSeconds)
  const digits = options.codeDigits ?? settings.codeLength
  return { guesses, probability: Math.min(1, guesses / 10 ** digits), periodSeconds }
}
