import type { ErrorCodeDefinition } from 'propusk/plugin'

/**
 * Unknown logins, people without an authenticator, wrong and replayed codes all get
 * `totp_invalid_credentials` (R3: a guesser learns nothing about which accounts exist).
 */
export const totpErrorCodes = {
  totp_invalid_credentials: { status: 401, message: 'Wrong login or code.' },
  totp_too_many_attempts: {
    status: 429,
    message: 'Too many wrong codes: sign-in with an authenticator code is paused for a while.',
  },
  totp_code_incorrect: { status: 400, message: 'The code is wrong or was already used.' },
  totp_no_pending_enrolment: {
    status: 400,
    message: 'No authenticator enrolment is waiting for confirmation: start again.',
  },
  totp_not_enrolled: { status: 400, message: 'No authenticator app is enrolled.' },
} as const satisfies Record<string, ErrorCodeDefinition>
