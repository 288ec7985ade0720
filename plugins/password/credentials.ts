/**
 * The credential check shared by sign-in and password change: lockouts first, then one PBKDF2
 * verification whatever the account state, so unknown logins, wrong passwords and invited
 * accounts look the same from outside (status, body and time).
 */
import {
  accountLockoutSubject,
  burnPasswordCheck,
  createLockout,
  passwordHasher,
  readPasswordHash,
  setPasswordHashStatement,
  unknownLoginLockoutSubject,
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
  const perAccount = createLockout(ctx.state, {
    ...policy,
    maxFailures: ctx.settings.maxFailuresBeforeLockout,
  })
  const perIp = createLockout(ctx.state, { ...policy, maxFailures: ctx.settings.maxFailuresPerIp })
  const hasher = passwordHasher(ctx)

  /** Locked subjects answer before any password work (and without counting another failure). */
  async function lockedFor(subject: string, ip: string | null): Promise<number> {
    const [account, client] = await Promise.all([
      perAccount.retryAfter(subject),
      ip ? perIp.retryAfter(`ip:${ip}`) : Promise.resolve(0),
    ])
    return Math.max(account, client)
  }

  async function fail(subject: string, ip: string | null): Promise<void> {
    await Promise.all([
      perAccount.recordFailure(subject),
      ip ? perIp.recordFailure(`ip:${ip}`) : null,
    ])
  }

  /** Checks `password` for the account `user` (null = no account has the login). */
  async function check(
    login: string,
    user: Verified,
    password: string,
    ip: string | null,
  ): Promise<CredentialOutcome> {
    const subject = user ? accountLockoutSubject(user.id) : await unknownLoginLockoutSubject(login)
    const wait = await lockedFor(subject, ip)
    if (wait > 0) return { ok: false, reason: 'locked_out', retryAfterSeconds: wait }
    // The same queries and the same PBKDF2 work on every path.
    const hash = await readPasswordHash(ctx.sql, user?.id ?? '')
    if (!user || !hash || user.status === 'invited') {
      await burnPasswordCheck(password)
      await fail(subject, ip)
      return { ok: false, reason: user ? 'not_activated' : 'unknown_login' }
    }
    const verification = await hasher.verify(password, hash)
    if (!verification.ok) {
      await fail(subject, ip)
      return { ok: false, reason: 'wrong_password' }
    }
    if (user.status === 'active') {
      await perAccount.clear(subject)
      // Parameters or pepper changed since this hash was made: upgrade it while we have the password.
      if (verification.needsRehash) {
        await ctx.sql.execute(
          setPasswordHashStatement(user.id, await hasher.hash(password), ctx.now()),
        )
      }
    }
    return { ok: true, user }
  }

  return { check, perAccount }
}
