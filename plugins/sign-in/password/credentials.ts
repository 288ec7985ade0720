/**
 * The credential check shared by sign-in and password change: an attempt is reserved first (per
 * login and per client IP, in one state call: ./attempts.ts), then one PBKDF2 verification runs
 * whatever the account state, so unknown logins, wrong passwords and invited accounts look the
 * same from outside (status, body and time), and simultaneous requests cannot get more
 * passwords checked than the lockout allows.
 */
import { passwords, type PluginContext } from 'propusk/plugin'
import type { PasswordSettings } from './schema.ts'
import { createAttemptGuard } from './attempts.ts'

type Ctx = PluginContext<PasswordSettings>
type Verified = Awaited<ReturnType<Ctx['identity']['users']['findByLogin']>>

export type CredentialOutcome =
  /** `released`: the attempts going back, started but not awaited (overlap it, then await it). */
  | { ok: true; user: NonNullable<Verified>; released: Promise<void> }
  | { ok: false; reason: 'unknown_login' | 'not_activated' | 'wrong_password' }
  | { ok: false; reason: 'locked_out' | 'rate_limited'; retryAfterSeconds: number }

/**
 * `limit`: a per-IP rate-limit rule of this plugin counted in the same state call as the
 * attempts (sign-in), so the check costs one state round trip before the password is known.
 */
export function createCredentialChecker(ctx: Ctx, limit?: string) {
  const attempts = createAttemptGuard(ctx)
  const hasher = passwords.passwordHasher(ctx)

  /**
   * Checks `password` for the account `user` (null = no account has the login). `storedHash`:
   * the hash when the caller read it with the user (sign-in); omitted, it is read here.
   */
  async function check(
    login: string,
    user: Verified,
    password: string,
    ip: string | null,
    storedHash?: string | null,
  ): Promise<CredentialOutcome> {
    const subject = await passwords.loginLockoutSubject(login)
    const reservation = await attempts.reserve(subject, ip, limit)
    if (!reservation.ok) return reservation
    // The same queries and the same PBKDF2 work on every path; a failure keeps its attempts.
    const hash =
      storedHash === undefined
        ? await passwords.readPasswordHash(ctx.sql, user?.id ?? '')
        : storedHash
    if (!user || !hash || user.status === 'invited') {
      await passwords.burnPasswordCheck(password)
      return { ok: false, reason: user ? 'not_activated' : 'unknown_login' }
    }
    const verification = await hasher.verify(password, hash)
    if (!verification.ok) return { ok: false, reason: 'wrong_password' }
    // Parameters or pepper changed since this hash was made: upgrade it while we have the password.
    if (user.status === 'active' && verification.needsRehash) {
      await ctx.sql.execute(
        passwords.setPasswordHashStatement(user.id, await hasher.hash(password), ctx.now()),
      )
    }
    // The right password is no failure: it gives its attempts back, and an active account's
    // sign-in forgets the login's earlier failures too. (A blocked account is refused after this,
    // and its count stays as it was.)
    return { ok: true, user, released: attempts.release(subject, ip, user.status === 'active') }
  }

  return { check }
}
