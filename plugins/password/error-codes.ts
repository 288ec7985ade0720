import type { ErrorCodeDefinition } from '../../src/core/index.ts'

/**
 * Unknown logins, wrong passwords and not-yet-activated accounts all get `invalid_credentials`
 * (R3, no enumeration). `account_blocked` (from the core) is answered only after the right
 * password: it tells the person, not a guesser, why they cannot get in.
 */
export const passwordErrorCodes = {
  invalid_credentials: { status: 401, message: 'Wrong login or password.' },
  too_many_attempts: {
    status: 429,
    message:
      'Too many failed attempts: sign-in is paused for a while. Try again later or reset your password.',
  },
  current_password_incorrect: { status: 400, message: 'The current password is wrong.' },
} as const satisfies Record<string, ErrorCodeDefinition>
