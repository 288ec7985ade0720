/**
 * The credential check shared by sign-in and password change: an attempt is reserved first (per
 * login, then per client IP), then one PBKDF2 verification runs whatever the account state, so
 * unknown logins, wrong passwords and invited accounts look the same from outside (status, body
 * and time), and simultaneous requests cannot get more passwords checked than the lockout allows.
 */
import {
  burnPasswordCheck,
  createLockout,
  loginLockoutSubject,
  passwordHasher,
  readPasswordHash,
  setPasswordHashStatement,
  type PluginContext,
} from '../../src/core/index.ts'
import type { PasswordSettings } from './schema.ts'

type Ctx = PluginContext<PasswordSettings>
type Verified = Awaited<ReturnType<Ctx['identity']['users']['findByLogin']>>

export type CredentialOutcome =
  | { ok: true; user: NonNullable<Verified> }
  | { ok: false; reason: 'unknown_login' | 'not_activated' | 'wrong_password' }
  | { ok: false; reason: 'locked_out'; retryAfterSeconds: number }

export function createCredentialChecker(ctx: Ctx) {
  const policy = {
    baseSeconds: ctx.settings.lockoutBaseSeconds,
    maxSeconds: Math.max(ctx.settings.lockoutMaxSeconds, ctx.settings.lockoutBaseSeconds),
  }
  const perLogin = createLockout(ctx.state, {
    ...policy,
    maxFailures: ctx.settings.maxFailuresBeforeLockout,
  })
  const perIp = createLockout(ctx.state, { ...policy, maxFailures: ctx.settings.maxFailuresPerIp })
  const hasher = passwordHasher(ctx)

  /**
   * Reserves one attempt for the login, then one for the client. Returns the wait when either is
   * locked (0 = go ahead); a login refusal counts nothing against the IP, and an IP refusal gives
   * the login's attempt back, so refused requests never use up anyone's attempts.
   */
  async function reserve(subject: string, ip: string | null): Promise<number> {
    const login = await perLogin.reserve(subject)
    if (!login.ok) return login.retryAfterSeconds
    if (!ip) return 0
    const client = await perIp.reserve(`ip:${ip}`)
    if (client.ok) return 0
    await perLogin.release(subject)
    return client.retryAfterSeconds
  }

  /** Checks `password` for the account `user` (null = no account has the login). */
  async function check(
    login: string,
    user: Verified,
    password: string,
    ip: string | null,
  ): Promise<CredentialOutcome> {
    const subject = await loginLockoutSubject(login)
    const wait = await reserve(subject, ip)
    if (wait > 0) return { ok: false, reason: 'locked_out', retryAfterSeconds: wait }
    // The same queries and the same PBKDF2 work on every path; a failure keeps its attempts.
    const hash = await readPasswordHash(ctx.sql, user?.id ?? '')
    if (!user || !hash || user.status === 'invited') {
      await burnPasswordCheck(password)
      return { ok: false, reason: user ? 'not_activated' : 'unknown_login' }
    }
    const verification = await hasher.verify(password, hash)
    if (!verification.ok) return { ok: false, reason: 'wrong_password' }
    // The right password is no failure: it gives its attempts back, and an active account's
    // sign-in forgets the login's earlier failures too. (A blocked account is refused after this,
    // and its count stays as it was.)
    await Promise.all([
      user.status === 'active' ? perLogin.clear(subject) : perLogin.release(subject),
      ip ? perIp.release(`ip:${ip}`) : null,
    ])
    // Parameters or pepper changed since this hash was made: upgrade it while we have the password.
    if (user.status === 'active' && verification.needsRehash) {
      await ctx.sql.execute(
        setPasswordHashStatement(user.id, await hasher.hash(password), ctx.now()),
      )
    }
    return { ok: true, user }
  }

  return { check }
}
