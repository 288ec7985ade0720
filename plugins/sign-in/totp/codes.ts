/**
 * What every route needs: the vault, code checks against a sealed secret, the attempt limiter
 * and the audit. Attempts are reserved before a code is checked (`ctx.attempts`), so
 * racing wrong codes cannot get past `maxFailures` however many arrive at once.
 */
import type { Context } from 'hono'
import { type AppEnv, cryptoUtils, otp, type PluginContext } from 'propusk/plugin'
import type { TotpSettings } from './schema.ts'
import { matchStep, timeStep } from './totp.ts'
import { createSecretVault, type SecretVault } from './vault.ts'

export const PERIOD_SECONDS = 30

export function createCodeChecker(ctx: PluginContext<TotpSettings>) {
  // The settings are live (edited in the console, no restart): each attempt takes the current
  // lockout policy.
  const limiter = () => {
    const { maxFailures, lockoutSeconds, maxLockoutSeconds } = ctx.settings
    return ctx.attempts.limiter({
      maxFailures,
      baseSeconds: lockoutSeconds,
      maxSeconds: maxLockoutSeconds,
      windowSeconds: 24 * 3600,
    })
  }
  let vault: Promise<SecretVault> | undefined
  const openVault = () => (vault ??= createSecretVault(otp.otpBaseSecret(ctx.config).secret))
  return {
    vault: openVault,
    /** The time step (±1) `code` belongs to, or null; no secret costs the same work. */
    async match(userId: string, sealed: string | null, code: string): Promise<number | null> {
      const secret = sealed ? await (await openVault()).open(userId, sealed) : null
      if (sealed && !secret) ctx.log.error('a TOTP secret does not open: was OTP_SECRET changed?')
      const step = timeStep(ctx.now(), PERIOD_SECONDS)
      const found = await matchStep(secret ?? cryptoUtils.randomBytes(20), code, step, 1)
      return secret ? found : null
    },
    /** Counts an attempt on `subject`, or throws 429 while it is paused. */
    async reserve(subject: string): Promise<void> {
      const decision = await limiter().reserve(subject)
      if (decision.ok) return
      const { retryAfterSeconds } = decision
      throw ctx.errors.error('totp_too_many_attempts', undefined, { retryAfterSeconds })
    },
    /** A right code: the subject's earlier failures are forgotten. */
    forget: (subject: string) => limiter().clear(subject),
    audit: (c: Context<AppEnv>, action: string, ok: boolean, who: Actor, reason?: string) =>
      ctx.identity.audit.record({
        actorType: who.actorId ? 'user' : 'anonymous',
        actorId: who.actorId ?? null,
        action,
        targetType: who.userId ? 'user' : null,
        targetId: who.userId,
        result: ok ? 'success' : 'failure',
        ip: c.get('clientIp'),
        requestId: c.get('requestId'),
        appId: who.appId,
        ...(reason ? { details: { reason } } : {}),
      }),
  }
}

/** Whom an audit entry is about (`userId`) and who acted: a signed-in `actorId`, or anonymous. */
interface Actor {
  userId: string | null
  appId: string | null
  actorId?: string
}

export type CodeChecker = ReturnType<typeof createCodeChecker>
