import { errorsFrom, type ErrorBuilder, type ErrorCodeDefinition } from '../../kernel/errors.ts'
import type { ClientsDeps } from './deps.ts'

/**
 * Codes of sign-in, token and session answers. OAuth clients branch on `invalid_grant` (sign in
 * again), `invalid_client` and `unsupported_grant_type`, named as in RFC 6749 §5.2.
 */
export const tokenErrorCodes = {
  account_not_active: {
    status: 403,
    message: 'This account is not activated yet: follow the invitation first.',
  },
  account_blocked: { status: 403, message: 'This account is blocked.' },
  app_not_found: { status: 400, message: 'No such app (client id).' },
  app_disabled: { status: 403, message: 'This app is disabled.' },
  sign_in_method_not_allowed: {
    status: 403,
    message: 'This sign-in method is not enabled for this app.',
  },
  app_access_denied: { status: 403, message: 'Your roles do not grant access to this app.' },
  invalid_grant: {
    status: 400,
    message: 'The refresh token is invalid, expired, revoked or was issued to another client.',
  },
  invalid_client: { status: 401, message: 'Client authentication failed.' },
  unsupported_grant_type: { status: 400, message: 'This grant type is not supported.' },
} as const satisfies Record<string, ErrorCodeDefinition>

export type TokenErrorCode = keyof typeof tokenErrorCodes

/** Idempotent (same owner), so both the session service and the routes may call it. */
export function registerTokenErrors(core: Pick<ClientsDeps, 'errors'>): void {
  core.errors.register('tokens', tokenErrorCodes)
}

/** Needs no registry: sessions and OIDC grants throw these outside the token routes too. */
export const tokenError: ErrorBuilder<TokenErrorCode> = errorsFrom(tokenErrorCodes)
