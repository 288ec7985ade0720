/**
 * Lockouts by login for password-like methods, on the kernel's attempt limiter
 * (src/kernel/attempts.ts, which `ctx.attempts` is built from): a login's lockout subject, and
 * ending an account's lockouts in every method's namespace after a password reset.
 */
import { sha256Hex } from '../../kernel/crypto.ts'
import { attemptKey } from '../../kernel/attempts.ts'
import { parseLogin } from '../identity/index.ts'
import type { StateStore } from '../../kernel/ports/state.ts'

// The limiter itself lives in the kernel; re-exported so this module's callers keep one import.
export {
  createLockout,
  createPluginAttempts,
  type BatchReservation,
  type Lockout,
  type LockoutPolicy,
  type PluginAttempts,
  type Reservation,
} from '../../kernel/attempts.ts'

/**
 * The lockout subject of a login: its normalised form (E.164 phone, lower-cased e-mail), so
 * `8 (916) …` and `+7 916 …` share one count, and a login with no account is counted exactly
 * like one with an account (a lockout must not tell them apart). Hashed: no personal data in
 * Redis. Input that is no login at all is counted as typed (trimmed, lower-cased).
 */
export async function loginLockoutSubject(login: string): Promise<string> {
  const canonical = parseLogin(login)?.value ?? login.trim().toLowerCase()
  return `login:${(await sha256Hex(canonical)).slice(0, 32)}`
}

/**
 * Ends the lockouts of an account's logins in every sign-in method's namespace (after a password
 * reset proves the person controls one).
 */
export async function clearAccountLockout(
  state: StateStore,
  user: { phone: string | null; email: string | null },
  plugins: ReadonlyArray<{ id: string; kind: string }>,
): Promise<void> {
  const logins = [user.phone, user.email].filter((login): login is string => !!login)
  const methods = plugins.filter((plugin) => plugin.kind === 'sign-in-method')
  const subjects = await Promise.all(logins.map(loginLockoutSubject))
  await Promise.all(
    methods.flatMap((method) =>
      subjects.map((subject) => state.delete(attemptKey(method.id, subject))),
    ),
  )
}
