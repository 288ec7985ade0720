/**
 * Error codes of invitations, password resets and account pages, built by `accountError`
 * without the registry (services may throw them anywhere); `mountAccountRoutes` registers them
 * so they are listed in the OpenAPI document and no plugin can take the same code.
 */
import { errorsFrom, type ErrorBuilder, type ErrorCodeDefinition } from '../../kernel/errors.ts'
import { passwordPolicyErrorCodes } from '../passwords/index.ts'

export const accountErrorCodes = {
  ...passwordPolicyErrorCodes,
  invitation_invalid: {
    status: 400,
    message:
      'This invitation link is unknown, already used, revoked or expired. Ask your administrator for a new one.',
  },
  user_not_invited: {
    status: 409,
    message:
      'This user has already registered (or is blocked): only invited users get invitations.',
  },
  reset_link_invalid: {
    status: 400,
    message: 'This password reset link is unknown, already used or expired. Request a new one.',
  },
  reset_not_allowed: {
    status: 409,
    message:
      'Only active users can reset their password; invited users need their invitation instead.',
  },
  delivery_failed: {
    status: 502,
    message: 'The message could not be delivered; try sending it again later.',
  },
} as const satisfies Record<string, ErrorCodeDefinition>

export type AccountErrorCode = keyof typeof accountErrorCodes

export const accountError: ErrorBuilder<AccountErrorCode> = errorsFrom(accountErrorCodes)
