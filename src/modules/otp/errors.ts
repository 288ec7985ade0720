import { errorsFrom, type ErrorBuilder, type ErrorCodeDefinition } from '../../kernel/errors.ts'
import type { OtpDeps } from './deps.ts'

/**
 * Answers shared by every one-time-code method (owner `otp`, registered once per app). The
 * answers to a wrong, expired or used code are the same for known and unknown logins.
 */
export const otpErrorCodes = {
  resend_too_soon: {
    status: 429,
    message: 'A code was sent a moment ago; wait before requesting another one.',
  },
  otp_locked: {
    status: 429,
    message: 'Too many wrong codes for this login; try again later.',
  },
  code_invalid: { status: 400, message: 'The code is wrong.' },
  code_attempts_exhausted: {
    status: 400,
    message: 'Too many wrong tries for this code; request a new one.',
  },
  code_expired: {
    status: 400,
    message:
      'This code has expired, was already used or was replaced by a newer one; use the newest ' +
      'code or request a new one.',
  },
  country_not_allowed: {
    status: 400,
    message: 'Codes cannot be sent to phone numbers of this country.',
  },
  phone_not_mobile: {
    status: 400,
    message: 'Codes can only be sent to mobile numbers.',
  },
  login_kind_not_supported: {
    status: 400,
    message: 'This sign-in method does not work with this kind of login.',
  },
  otp_recipient_rejected: {
    status: 422,
    message: 'The code could not be delivered to this address or number.',
  },
  otp_delivery_unavailable: {
    status: 503,
    message: 'The code could not be sent right now; try again in a minute.',
  },
  setup_token_invalid: {
    status: 400,
    message: 'This registration step has expired or was already completed; sign in again.',
  },
} as const satisfies Record<string, ErrorCodeDefinition>

export type OtpErrorCode = keyof typeof otpErrorCodes

export const otpError: ErrorBuilder<OtpErrorCode> = errorsFrom(otpErrorCodes)

/** Idempotent: every method plugin and the sign-in routes call it at mount time. */
export function registerOtpErrors(core: Pick<OtpDeps, 'errors'>): void {
  core.errors.register('otp', otpErrorCodes)
}
