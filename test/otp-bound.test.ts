/**
 * The guessing bound of docs/otp.md, computed from the plugins' real default settings: changing
 * a default that weakens it fails here.
 */
import { describe, expect, it } from 'vitest'
import { emailOtp } from '../plugins/sign-in/email-otp/index.ts'
import { flashCall } from '../plugins/sign-in/flash-call/index.ts'
import { smsOtp } from '../plugins/sign-in/sms-otp/index.ts'
import { guessBound } from '../src/modules/otp/bound.ts'
import type { AnyOtpSettings } from '../src/modules/otp/settings.ts'

const day = 86_400
const defaults = (plugin: { settings: { parse(v: unknown): unknown } }) =>
  plugin.settings.parse({}) as AnyOtpSettings

/**
 * The same bound by hand: lockout blocks of `failuresBeforeLockout` guesses, block b starting
 * after the lockouts of blocks 1..b-1; count the blocks that start within the period. Valid when
 * one code allows a whole block and sends are not the tighter limit (true of the defaults).
 */
function closedForm(s: AnyOtpSettings, periodSeconds = 30 * day): number {
  let start = 0
  let blocks = 0
  for (let step = 1; start < periodSeconds; step++) {
    blocks += 1
    start += Math.min(s.lockoutSeconds * s.lockoutGrowthFactor ** (step - 1), s.maxLockoutSeconds)
  }
  return blocks * s.failuresBeforeLockout
}

describe('the bound on guessing a code within 30 days (docs/otp.md)', () => {
  it('SMS and flash call (4 digits, R5): 21 guesses, at most 0.21 %', () => {
    for (const plugin of [smsOtp, flashCall]) {
      const s = defaults(plugin)
      expect(s.codeLength).toBe(4)
      expect(s.maxAttemptsPerCode).toBeGreaterThanOrEqual(s.failuresBeforeLockout)
      const bound = guessBound(s)
      expect(bound.guesses).toBe(closedForm(s))
      expect(bound.guesses).toBe(21)
      expect(bound.probability).toBeCloseTo(21 / 10_000, 10)
      expect(bound.probability).toBeLessThanOrEqual(1 / 400)
    }
  })

  it('e-mail code (6 digits): at most 1 in 10,000', () => {
    const bound = guessBound(defaults(emailOtp))
    expect(bound.guesses).toBe(closedForm(defaults(emailOtp)))
    expect(bound.probability).toBeLessThanOrEqual(1e-4)
  })

  it('a 4-digit code meets 1 in 10,000 only if one wrong guess locks for 30 days', () => {
    const s = defaults(smsOtp)
    expect(
      guessBound({ ...s, failuresBeforeLockout: 2, lockoutSeconds: 30 * day }).probability,
    ).toBe(2e-4)
    const strict = guessBound({ ...s, failuresBeforeLockout: 1, lockoutSeconds: 30 * day })
    expect(strict).toMatchObject({ guesses: 1, probability: 1e-4 })
  })

  it('counts sends when they, not lockouts, are the tighter limit', () => {
    const s = {
      ...defaults(smsOtp),
      failuresBeforeLockout: 100,
      maxAttemptsPerCode: 1,
      sendsPerLoginPerDay: 2,
    }
    // One try per code, two codes a day: 60 guesses in 30 days (plus the edge of the window).
    expect(guessBound(s).guesses).toBe(60)
  })

  it('forgets failures only after a quiet period, so an attack never restarts the ladder', () => {
    const s = { ...defaults(smsOtp), failureMemorySeconds: 3600 }
    // With a 1 h memory the 4 h lockout already forgets everything: far more guesses fit.
    expect(guessBound(s).guesses).toBeGreaterThan(guessBound(defaults(smsOtp)).guesses * 10)
  })
})
