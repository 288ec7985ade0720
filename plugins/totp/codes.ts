/**
 * What every route needs: the vault, code checks against a sealed secret, and the attempt
 * limiter. Attempts are reserved before a code is checked (StateStore.reserveAttempt), so racing
 * wrong codes cannot get past `maxFailures` however many arrive at once.
 */
import { otpBaseSecret, randomBytes, type PluginContext } from '../../src/core/index.ts'
import type { TotpSettings } from './schema.ts'
import { matchStep, timeStep } from './totp.ts'
import { createSecretVault, type SecretVault } from './vault.ts'

export const PERIOD_SECONDS = 30
const WINDOW_STEPS = 1

export function createCodeChecker(ctx: PluginContext<TotpSettings>) {
  let vault: Promise<SecretVault> | undefined
  const policy = {
    maxFailures: ctx.settings.maxFailures,
    lockMs: ctx.settings.lockoutSeconds * 1000,
    maxLockMs: Math.max(ctx.settings.maxLockoutSeconds, ctx.settings.lockoutSeconds) * 1000,
    windowMs: 24 * 3600_000,
  }
  const attemptKey = (subject: string) => `totp:attempts:${subject}`
  const openVault = () => (vault ??= createSecretVault(otpBaseSecret(ctx.config).secret))
  return {
    vault: openVault,
    /** The time step `code` belongs to, or null (also for no secret, after the same work). */
    async match(userId: string, sealed: string | null, code: string): Promise<number | null> {
      const secret = sealed ? await (await openVault()).open(userId, sealed) : null
      if (sealed && !secret) ctx.log.error('a TOTP secret does not open: was OTP_SECRET changed?')
      const step = timeStep(ctx.now(), PERIOD_SECONDS)
      const found = await matchStep(secret ?? randomBytes(20), code, step, WINDOW_STEPS)
      return secret ? found : null
    },
    /** Counts an attempt on `subject` or throws 429 while it is locked. */
    async reserve(subject: string): Promise<void> {
      const decision = await ctx.state.reserveAttempt(attemptKey(subject), policy)
      if (decision.allowed) return
      throw ctx.errors.error('totp_too_many_attempts', undefined, {
        retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
      })
    },
    /** A right code: the subject's earlier failures are forgotten. */
    forget: (subject: string) => ctx.state.delete(attemptKey(subject)).then(() => undefined),
  }
}

export type CodeChecker = ReturnType<typeof createCodeChecker>
