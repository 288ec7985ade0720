/**
 * The state side of a password check, in as few round trips as its security allows: ONE call
 * reserves an attempt for the login and one for the client IP (and, on sign-in, counts the
 * per-IP request limit) before the password is checked; a wrong password is then already
 * counted. Only the right password costs a second call, to give its attempts back, and that
 * call is started without being awaited here, so a caller can overlap it with its own SQL (see
 * docs/performance.md for why the give-back cannot be folded into the first call).
 */
import type { PluginContext } from 'propusk/plugin'
import type { PasswordSettings } from './schema.ts'

type Ctx = PluginContext<PasswordSettings>

export type AttemptReservation =
  { ok: true } | { ok: false; reason: 'locked_out' | 'rate_limited'; retryAfterSeconds: number }

/** The per-login and per-IP lockouts of these settings. */
function lockoutsOf(ctx: Ctx, settings: PasswordSettings) {
  const policy = {
    baseSeconds: settings.lockoutBaseSeconds,
    maxSeconds: Math.max(settings.lockoutMaxSeconds, settings.lockoutBaseSeconds),
  }
  return {
    perLogin: ctx.attempts.limiter({ ...policy, maxFailures: settings.maxFailuresBeforeLockout }),
    perIp: ctx.attempts.limiter({ ...policy, maxFailures: settings.maxFailuresPerIp }),
  }
}

export function createAttemptGuard(ctx: Ctx) {
  // The settings are live (edited in the console, no restart): each check takes the current
  // ones. Unchanged settings keep their object, so the lockouts are rebuilt only on a change.
  let built: { from: PasswordSettings; lockouts: ReturnType<typeof lockoutsOf> } | undefined
  const lockouts = () => {
    const settings = ctx.settings
    if (built?.from !== settings) built = { from: settings, lockouts: lockoutsOf(ctx, settings) }
    return built.lockouts
  }

  return {
    /**
     * Counts `limit` (a rule of this plugin, per IP) when given, then reserves one attempt for
     * the login and one for the IP, all in one atomic call: a refusal by the limit counts
     * nothing else, and while either is locked no attempt is counted anywhere.
     */
    async reserve(subject: string, ip: string | null, limit?: string): Promise<AttemptReservation> {
      const { perLogin, perIp } = lockouts()
      const decision = await ctx.attempts.reserveAll(
        [perLogin.gate('login', subject), ...(ip ? [perIp.gate('ip', `ip:${ip}`)] : [])],
        limit && ip ? ctx.limits.gate(ctx.pluginId, limit, ip) : undefined,
      )
      if (decision.ok) return { ok: true }
      const reason = decision.gate === limit ? 'rate_limited' : 'locked_out'
      return { ok: false, reason, retryAfterSeconds: decision.retryAfterSeconds }
    },

    /**
     * The right password is no failure: its attempts go back in one call, and an active
     * account's sign-in forgets the login's earlier failures too (`forget`).
     */
    release(subject: string, ip: string | null, forget: boolean): Promise<void> {
      const { perLogin, perIp } = lockouts()
      return ctx.attempts.releaseAll([
        { gate: perLogin.gate('login', subject), forget },
        ...(ip ? [{ gate: perIp.gate('ip', `ip:${ip}`) }] : []),
      ])
    },
  }
}
