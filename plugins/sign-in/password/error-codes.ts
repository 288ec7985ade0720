import type { ErrorCodeDefinition } from 'propusk/plugin'

/**
 * Unknown logins, wrong passwords and not-yet-activated accounts all get the core's
 * `invalid_credentials` (R3, no enumeration), worded for passwords here. `account_blocked`
 * (from the core) is answered only after the right password: it tells the person, not a
 * guesser, why they cannot get in.
 */
export const passwordFailureMessages = {
  invalid_credentials: 'Wrong login or password.',
  too_many_attempts:
    'Too many failed attempts: sign-in is paused for a while. Try again later or reset your password.',
} as const

export const passwordErrorCodes = {
  current_password_incorrect: { status: 400, message: 'The current password is wrong.' },
} as const satisfies Record<string, ErrorCodeDefinition>
