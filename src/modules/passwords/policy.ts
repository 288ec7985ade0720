/**
 * Password rules per NIST SP 800-63B §5.1.1.2: NFKC first, a minimum length counted in code
 * points, a generous maximum, no composition rules, and a blocklist of common and
 * context-specific passwords (including the person's own phone, e-mail and name).
 */
import { errorsFrom, type ErrorCodeDefinition } from '../../kernel/errors.ts'
import { commonPasswordSet } from './common-passwords.ts'
import { normalizePassword } from './hash.ts'

export const PASSWORD_MIN_LENGTH = 8
/** NIST asks for at least 64; the cap bounds the hashing work an attacker can ask for. */
export const PASSWORD_MAX_LENGTH = 128

export type PasswordPolicyCode =
  'password_too_short' | 'password_too_long' | 'password_too_common' | 'password_contains_identity'

export const passwordPolicyErrorCodes = {
  password_too_short: {
    status: 400,
    message: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
  },
  password_too_long: {
    status: 400,
    message: `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`,
  },
  password_too_common: { status: 400, message: 'This password is too common; choose another one.' },
  password_contains_identity: {
    status: 400,
    message: 'The password must not contain your phone number, e-mail or name.',
  },
} as const satisfies Record<PasswordPolicyCode, ErrorCodeDefinition & { status: 400 }>

const passwordPolicyError = errorsFrom(passwordPolicyErrorCodes)

/** Whose password it is: their own logins and name are refused as (parts of) it. */
export interface PasswordOwner {
  phone?: string | null
  email?: string | null
  displayName?: string | null
}

export type PasswordPolicyResult =
  { ok: true; password: string } | { ok: false; code: PasswordPolicyCode }

/** Words specific to this service that people reach for (NIST: "context-specific words"). */
const contextWords = ['propusk', 'пропуск', 'gfhjgecr']

function compact(text: string): string {
  return text.toLowerCase().replace(/[\s._\-+()]/g, '')
}

function identityFragments(owner: PasswordOwner): { contained: string[]; whole: string[] } {
  const contained: string[] = []
  const whole: string[] = []
  if (owner.email) {
    const email = owner.email.toLowerCase()
    contained.push(email)
    const local = email.split('@')[0] ?? ''
    if ([...local].length >= 4) contained.push(compact(local))
  }
  if (owner.phone) {
    const digits = owner.phone.replace(/\D/g, '')
    if (digits.length >= 7) {
      contained.push(digits)
      // The national part as people type it (9161234567 of +79161234567).
      contained.push(digits.slice(-10))
    }
  }
  if (owner.displayName) {
    const name = owner.displayName.normalize('NFKC').toLowerCase()
    whole.push(compact(name))
    for (const word of name.split(/[\s._\-]+/)) if ([...word].length >= 3) whole.push(word)
  }
  return { contained: contained.filter((f) => f.length >= 4), whole }
}

/** Checks a new password; on success returns the normalised (NFKC) password to hash. */
export function checkPasswordPolicy(
  password: string,
  owner: PasswordOwner = {},
): PasswordPolicyResult {
  const normalized = normalizePassword(password)
  const length = [...normalized].length
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, code: 'password_too_short' }
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, code: 'password_too_long' }

  const lower = normalized.toLowerCase()
  const blocklist = commonPasswordSet()
  const repeatsOneCharacter = new Set(lower).size === 1
  if (blocklist.has(lower) || blocklist.has(compact(lower)) || repeatsOneCharacter) {
    return { ok: false, code: 'password_too_common' }
  }
  // "propusk2024", "Пропуск!": the service's own name with decoration only.
  const letters = lower.replace(/[^\p{L}]/gu, '')
  if (contextWords.includes(letters)) return { ok: false, code: 'password_too_common' }

  const { contained, whole } = identityFragments(owner)
  const compactPassword = compact(lower)
  if (
    contained.some((fragment) => compactPassword.includes(fragment) || lower.includes(fragment))
  ) {
    return { ok: false, code: 'password_contains_identity' }
  }
  // The name (or one of its words) with only digits or symbols around it.
  if (letters && whole.includes(letters)) return { ok: false, code: 'password_contains_identity' }
  return { ok: true, password: normalized }
}

/** Like {@link checkPasswordPolicy}, but throws the stable API error (400, field `field`). */
export function assertPasswordPolicy(
  password: string,
  owner: PasswordOwner = {},
  field = 'password',
): string {
  const result = checkPasswordPolicy(password, owner)
  if (result.ok) return result.password
  const { message } = passwordPolicyErrorCodes[result.code]
  throw passwordPolicyError(result.code, undefined, { fields: [{ field, message }] })
}
