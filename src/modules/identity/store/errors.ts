import {
  coreError,
  errorsFrom,
  type ApiError,
  type ErrorBuilder,
  type ErrorRegistry,
  type ErrorCodeDefinition,
  type FieldIssue,
} from '../../../kernel/errors.ts'

/**
 * Error codes of the people/roles/apps data layer and the admin API. Repositories build these
 * errors directly (they also run outside a request), and `registerIdentityErrors` lists them in
 * the app's registry so `/openapi.json` documents them.
 */
export const identityErrorCodes = {
  phone_taken: { status: 409, message: 'Another user already has this phone.' },
  email_taken: { status: 409, message: 'Another user already has this e-mail.' },
  role_name_taken: { status: 409, message: 'Another role already has this name.' },
  role_builtin: { status: 409, message: 'Built-in roles can be edited but not deleted.' },
  role_in_use: { status: 409, message: 'Users still hold this role; take it from them first.' },
  app_id_taken: { status: 409, message: 'Another app already has this client id.' },
  app_not_confidential: { status: 409, message: 'Only confidential clients have a secret.' },
  forwarding_rule_exists: { status: 409, message: 'This phone already has a forwarding rule.' },
  self_action_forbidden: {
    status: 409,
    message: 'You cannot do this to your own account or session.',
  },
  last_administrator: {
    status: 409,
    message:
      'This would leave no active administrator (admin console with users:write and roles:write).',
  },
  role_grant_forbidden: {
    status: 403,
    message: 'You can only give or take away roles whose permissions you hold yourself.',
  },
  target_outranks_you: {
    status: 403,
    message: 'This user holds permissions you do not have: only an admin holding them may do this.',
  },
  logins_taken: {
    status: 409,
    message: 'Other users already have this phone and this e-mail.',
  },
  invitation_channel_unavailable: {
    status: 409,
    message: 'This person has no login for that channel (a phone for SMS, an address for e-mail).',
  },
  invalid_cursor: { status: 400, message: 'The pagination cursor is malformed.' },
} as const satisfies Record<string, ErrorCodeDefinition>

export type IdentityErrorCode = keyof typeof identityErrorCodes

export function registerIdentityErrors(registry: ErrorRegistry): void {
  registry.register('identity-admin', identityErrorCodes)
}

/** Repositories also run outside requests, so this needs no registry. */
export const identityError: ErrorBuilder<IdentityErrorCode> = errorsFrom(identityErrorCodes)

/**
 * 409 naming the field, e.g. `phone_taken` with `fields: [{field: 'phone'}]`, and the id of the
 * person who holds it when known (`existingUserId`).
 */
export function takenError(
  code: IdentityErrorCode,
  field: string,
  existingUserId?: string,
): ApiError {
  return identityError(code, undefined, {
    fields: [{ field, code: 'taken', message: 'already taken' }],
    ...(existingUserId ? { existingUserId } : {}),
  })
}

/** 400 `validation_failed` for checks zod cannot do alone (installed plugins, existing roles). */
export function invalidFields(fields: FieldIssue[]): ApiError {
  return coreError('validation_failed', `Invalid ${fields.map((f) => f.field).join(', ')}.`, {
    fields,
  })
}

export function notFound(what: string): ApiError {
  return coreError('not_found', `No such ${what}.`)
}
