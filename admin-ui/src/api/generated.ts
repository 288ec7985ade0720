// Generated from /openapi.json by `npx tsx admin-ui/scripts/api-types.ts`: do not edit.
// test/console-api-types.test.ts fails when this file and the document disagree.

/** Every stable error code the server may answer (`x-error-codes`). */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'request_timeout'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'expectation_failed'
  | 'rate_limited'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'request_header_too_large'
  | 'internal_error'
  | 'dependency_unavailable'
  | 'outbox_disabled'
  | 'setup_link_invalid'
  | 'current_password_incorrect'
  | 'call_failed'
  | 'totp_code_incorrect'
  | 'totp_no_pending_enrolment'
  | 'twilio_signature_invalid'
  | 'twilio_not_configured'
  | 'resend_too_soon'
  | 'otp_locked'
  | 'code_invalid'
  | 'code_attempts_exhausted'
  | 'code_expired'
  | 'country_not_allowed'
  | 'phone_not_mobile'
  | 'login_kind_not_supported'
  | 'otp_recipient_rejected'
  | 'otp_delivery_unavailable'
  | 'setup_token_invalid'
  | 'account_not_active'
  | 'account_blocked'
  | 'app_not_found'
  | 'app_disabled'
  | 'sign_in_method_not_allowed'
  | 'app_access_denied'
  | 'invalid_grant'
  | 'invalid_client'
  | 'unsupported_grant_type'
  | 'password_too_short'
  | 'password_too_long'
  | 'password_too_common'
  | 'password_contains_identity'
  | 'invitation_invalid'
  | 'user_not_invited'
  | 'reset_link_invalid'
  | 'reset_not_allowed'
  | 'delivery_failed'
  | 'phone_taken'
  | 'email_taken'
  | 'role_name_taken'
  | 'role_builtin'
  | 'role_in_use'
  | 'app_id_taken'
  | 'app_not_confidential'
  | 'forwarding_rule_exists'
  | 'self_action_forbidden'
  | 'last_administrator'
  | 'role_grant_forbidden'
  | 'target_outranks_you'
  | 'logins_taken'
  | 'invitation_channel_unavailable'
  | 'invalid_cursor'

export type AccessApp = {
  /** The client id */
  id: string
  name: string
  type: string
  /** A disabled app refuses every sign-in */
  enabled: boolean
  /** The roles that grant its type */
  viaRoleIds: Array<string>
}

export type App = {
  id: string
  name: string
  type: string
  enabled: boolean
  signInMethods: Array<string>
  policy: {
    accessTokenTtlSeconds?: number
    refreshTokenAbsoluteTtlSeconds?: number
    refreshTokenIdleTtlSeconds?: number
  }
  redirectUris: Array<string>
  settings: Record<string, unknown>
  hasSecret: boolean
  createdAt: string
  updatedAt: string
}

export type AuditEntry = {
  id: string
  at: string
  actorType: 'user' | 'app' | 'system' | 'anonymous'
  actorId: string | null
  action: string
  targetType: string | null
  targetId: string | null
  result: 'success' | 'failure' | 'denied'
  ip: string | null
  requestId: string | null
  appId: string | null
  details: Record<string, unknown>
}

export type AuditPage = {
  items: Array<AuditEntry>
  nextCursor: string | null
  /** Names of the ids the page mentions (people, roles, apps, sessions, plugins) */
  names: Record<string, string>
}

export type BlockUser = {
  /** Why; shown to admins and kept in the audit log */
  reason?: string | null
  /** When the block ends by itself (in the future); absent: until unblocked */
  until?: string | null
}

export type BulkUserAction =
  | {
      action: 'block'
      /** At most 200 people; repeats are done once */
      userIds: Array<string>
      /** Why; shown to admins and kept in the audit log */
      reason?: string | null
      /** When the block ends by itself (in the future); absent: until unblocked */
      until?: string | null
    }
  | {
      action: 'resend_invitation'
      /** At most 200 people; repeats are done once */
      userIds: Array<string>
      channel?: 'sms' | 'email'
    }
  | {
      action: 'assign_role'
      /** At most 200 people; repeats are done once */
      userIds: Array<string>
      roleId: string
    }

export type BulkUserResult = {
  userId: string
  status: 'done' | 'failed'
  /** The error code of a failed row */
  code?: string
  message?: string
}

export type ConsoleAppType = {
  id: string
  /** In the language Accept-Language prefers (Russian or English) */
  name: string
  /** In the same language as `name` */
  description: string | null
  /** Name and description by language code, e.g. `ru` */
  localized: Record<
    string,
    {
      name: string
      description?: string
    }
  >
  clientKind: 'public' | 'confidential'
  /** What a new app of this type starts with */
  defaultSignInMethods: Array<string>
  sessionPolicy: {
    accessTokenTtlSeconds: number
    refreshTokenAbsoluteTtlSeconds: number
    refreshTokenIdleTtlSeconds: number
  }
  /** Apps of this type registered now */
  registeredApps: number
}

export type ConsoleDashboard = {
  from: string
  to: string
  dates: Array<string>
  signIns: Array<{
    /** YYYY-MM-DD in the asked time zone */
    date: string
    method: string
    count: number
  }>
  signInsByApp: Array<{
    /** YYYY-MM-DD in the asked time zone */
    date: string
    /** Empty when the sign-in named no app */
    appId: string
    /** Null when the app was deleted since */
    appName: string | null
    count: number
  }>
  /** Newest first, whatever the period */
  recentSignIns: Array<ConsoleRecentSignIn>
  attempts: Array<{
    /** YYYY-MM-DD in the asked time zone */
    date: string
    /** Refused sign-ins: wrong password or code, denied app */
    failed: number
    /** Refused because of a lockout or rate limit */
    locked: number
  }>
  deliveries: Array<{
    channel: string
    provider: string
    total: number
    delivered: number
    sent: number
    queued: number
    failed: number
  }>
  people: {
    active: number
    invited: number
    blocked: number
  }
  activeSessions: number
}

export type ConsoleRecentSignIn = {
  id: string
  at: string
  /** Sign-in method plugin id */
  method: string
  result: 'success' | 'failure' | 'denied'
  /** Null when the login matched nobody */
  userId: string | null
  userName: string | null
  appId: string | null
  appName: string | null
  /** Why it was refused (`details.reason`) */
  reason: string | null
  /** A step still required, e.g. `password_required` after a code */
  next: string | null
}

export type ConsoleSession = {
  /** Short-lived JWT for the admin API; keep it in memory only */
  accessToken: string
  /** Seconds until the access token expires */
  expiresIn: number
  sessionId: string
  user: {
    id: string
    displayName: string
    email: string | null
    phone: string | null
  }
  permissions: Array<string>
  /** PROPUSK_MODE: development installs get local tools (Outbox, try sign-in) */
  mode: 'development' | 'production'
}

export type CreateApp = {
  /** The client id; generated when absent */
  id?: string
  type: string
  name: string
  enabled?: boolean
  signInMethods?: Array<string>
  policy?: {
    accessTokenTtlSeconds?: number
    refreshTokenAbsoluteTtlSeconds?: number
    refreshTokenIdleTtlSeconds?: number
  }
  redirectUris?: Array<string>
  settings?: {
    androidAppHash?: string
    webOtpDomain?: string
    otp?: {
      'sms-otp'?: {
        codeLength?: number
        ttlSeconds?: number
        resendAfterSeconds?: number
        maxAttemptsPerCode?: number
        sendsPerLoginPerHour?: number
        sendsPerLoginPerDay?: number
        sendsPerIpPerHour?: number
        verifiesPerIpPer10Minutes?: number
        failuresBeforeLockout?: number
        lockoutSeconds?: number
        lockoutGrowthFactor?: number
        maxLockoutSeconds?: number
        failureMemorySeconds?: number
        allowFirstSignIn?: boolean
        setupTokenTtlSeconds?: number
        decoyMinDelayMs?: number
        allowedCountries?: Array<string>
        mobileOnly?: boolean
        prefixDigits?: number
        sendsPerPrefixPerHour?: number
        sendsPerCountryPerHour?: number
        androidHashPlacement?: 'before-origin-line' | 'end'
        templates?: {
          ru?: string
          en?: string
        }
      }
      'flash-call'?: {
        codeLength?: number
        ttlSeconds?: number
        resendAfterSeconds?: number
        maxAttemptsPerCode?: number
        sendsPerLoginPerHour?: number
        sendsPerLoginPerDay?: number
        sendsPerIpPerHour?: number
        verifiesPerIpPer10Minutes?: number
        failuresBeforeLockout?: number
        lockoutSeconds?: number
        lockoutGrowthFactor?: number
        maxLockoutSeconds?: number
        failureMemorySeconds?: number
        allowFirstSignIn?: boolean
        setupTokenTtlSeconds?: number
        decoyMinDelayMs?: number
        allowedCountries?: Array<string>
        mobileOnly?: boolean
        prefixDigits?: number
        sendsPerPrefixPerHour?: number
        sendsPerCountryPerHour?: number
      }
      'email-otp'?: {
        codeLength?: number
        ttlSeconds?: number
        resendAfterSeconds?: number
        maxAttemptsPerCode?: number
        sendsPerLoginPerHour?: number
        sendsPerLoginPerDay?: number
        sendsPerIpPerHour?: number
        verifiesPerIpPer10Minutes?: number
        failuresBeforeLockout?: number
        lockoutSeconds?: number
        lockoutGrowthFactor?: number
        maxLockoutSeconds?: number
        failureMemorySeconds?: number
        allowFirstSignIn?: boolean
        setupTokenTtlSeconds?: number
        decoyMinDelayMs?: number
        templates?: {
          ru?: {
            subject?: string
            text?: string
          }
          en?: {
            subject?: string
            text?: string
          }
        }
      }
    } & { [key: string]: Record<string, string | number | boolean | null | Array<string>> }
  } & { [key: string]: string | number | boolean | null }
}

export type CreateForwardingRule = {
  /** Any common notation; stored as E.164 */
  phone: string
  /** Stored trimmed and lower-case */
  email: string
  enabled?: boolean
  note?: string
}

export type CreateRole = {
  name: string
  description?: string
  appTypes: Array<string>
  permissions: Array<
    | 'users:read'
    | 'users:write'
    | 'roles:read'
    | 'roles:write'
    | 'apps:read'
    | 'apps:write'
    | 'settings:read'
    | 'settings:write'
    | 'audit:read'
  >
}

export type CreateUser = {
  kind: 'employee' | 'customer'
  displayName: string
  /** Any common notation; stored as E.164 */
  phone?: string | null
  /** Stored trimmed and lower-case */
  email?: string | null
  /** Defaults to Field employee for employees and Customer for customers */
  roleIds?: Array<string>
  /** Language of their SMS and e-mails; null: automatic (Russian for +7 numbers and e-mail, else English, or the app’s locale) */
  locale?: 'ru' | 'en' | null
  sendInvitation?: boolean
}

export type DeliveryChannel = {
  channel: 'sms' | 'email' | 'call'
  /** Plugin id of the provider in use */
  provider: string
  name: string
  localized?: Record<
    string,
    {
      name: string
    }
  >
}

export type DeliveryLogEntry = {
  id: string
  createdAt: string
  updatedAt: string
  channel: 'sms' | 'email' | 'call'
  provider: string
  /** Masked, e.g. +7916•••4567 */
  recipient: string
  appId: string | null
  /** The app’s name now (null: no app, or deleted) */
  appName: string | null
  purpose: string
  status: 'queued' | 'sent' | 'delivered' | 'failed'
  providerMessageId: string | null
  errorCode: string | null
  errorMessage: string | null
  cost: {
    amount: string
    currency: string
  } | null
  forwardedFrom: string | null
}

export type ErrorBody = {
  /** Some codes add their own details (e.g. `attemptsLeft`) */
  error: {
    /** Stable machine-readable code; the list is under `x-error-codes` */
    code: string
    /** Human-readable; may change */
    message: string
    requestId?: string
    /** With `validation_failed`: each bad field */
    fields?: Array<{
      /** Dotted path, e.g. `phone` or `roles.0` */
      field: string
      message: string
      /** Where clients may branch on it */
      code?: string
    }>
    /** With limits and lockouts, as in the `Retry-After` header */
    retryAfterSeconds?: number
  } & { [key: string]: unknown }
}

export type ForwardingRule = {
  id: string
  phone: string
  email: string
  enabled: boolean
  note: string
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

export type ImportReport = {
  dryRun: boolean
  total: number
  created: number
  failed: number
  /** About the whole file, e.g. unknown columns that were ignored */
  warnings: Array<string>
  rows: Array<ImportRowReport>
}

export type ImportRowReport = {
  /** Record number in the file; the header is row 1 */
  row: number
  /** `valid` only in dry runs */
  status: 'created' | 'valid' | 'error'
  userId?: string
  errors: Array<{
    field: string
    message: string
    code?: string
  }>
  invitation?: 'sent' | 'failed' | 'skipped'
  invitationError?: string
}

export type ImportUsers = {
  csv: string
  /** Check and report only; create nothing */
  dryRun?: boolean
  sendInvitations?: boolean
}

export type Invitation = {
  id: string
  channel: 'sms' | 'email'
  sentTo: string
  createdAt: string
  expiresAt: string
  acceptedAt: string | null
  revokedAt: string | null
  /** The link was copied by an admin, not sent */
  copied?: boolean
} | null

export type InvitationLink = {
  invitation: Invitation
  url: string
}

export type InvitationOutcome = {
  status: 'sent' | 'failed' | 'skipped'
  invitation?: Invitation
  error?: {
    code: string
    message: string
  }
}

export type OutboxEntry = {
  id: string
  channel: 'sms' | 'email' | 'call'
  recipient: string
  subject: string | null
  text: string | null
  html: string | null
  purpose: string
  appId: string | null
  callerNumber: string | null
  createdAt: string
}

export type PluginSettings = {
  pluginId: string
  /** Stored values, secrets left out */
  values: Record<string, unknown>
  /** Secret settings that have a stored value */
  secretsSet: Array<string>
  /** Settings that env/secrets provide */
  fromEnv: Array<string>
  /** Settings PLUGIN_SETTINGS overrides: edits lose */
  lockedByEnv: Array<string>
  updatedAt: string | null
  /** Always false: saved settings apply without a restart (kept for old clients) */
  restartRequired: boolean
}

export type ResendInvitation = {
  channel?: 'sms' | 'email'
}

export type Role = {
  id: string
  name: string
  description: string
  appTypes: Array<string>
  permissions: Array<
    | 'users:read'
    | 'users:write'
    | 'roles:read'
    | 'roles:write'
    | 'apps:read'
    | 'apps:write'
    | 'settings:read'
    | 'settings:write'
    | 'audit:read'
  >
  builtin: boolean
  createdAt: string
  updatedAt: string
}

export type Session = {
  id: string
  userId: string
  appId: string
  /** The app’s name (the session list) */
  appName?: string | null
  method: string
  deviceLabel: string | null
  ip: string | null
  userAgent: string | null
  createdAt: string
  lastUsedAt: string
  expiresAt: string
  idleExpiresAt: string
  revokedAt: string | null
  revokedReason: string | null
}

export type UpdateApp = {
  name?: string
  enabled?: boolean
  signInMethods?: Array<string>
  policy?: {
    accessTokenTtlSeconds?: number
    refreshTokenAbsoluteTtlSeconds?: number
    refreshTokenIdleTtlSeconds?: number
  }
  redirectUris?: Array<string>
  settings?: {
    androidAppHash?: string
    webOtpDomain?: string
    otp?: {
      'sms-otp'?: {
        codeLength?: number
        ttlSeconds?: number
        resendAfterSeconds?: number
        maxAttemptsPerCode?: number
        sendsPerLoginPerHour?: number
        sendsPerLoginPerDay?: number
        sendsPerIpPerHour?: number
        verifiesPerIpPer10Minutes?: number
        failuresBeforeLockout?: number
        lockoutSeconds?: number
        lockoutGrowthFactor?: number
        maxLockoutSeconds?: number
        failureMemorySeconds?: number
        allowFirstSignIn?: boolean
        setupTokenTtlSeconds?: number
        decoyMinDelayMs?: number
        allowedCountries?: Array<string>
        mobileOnly?: boolean
        prefixDigits?: number
        sendsPerPrefixPerHour?: number
        sendsPerCountryPerHour?: number
        androidHashPlacement?: 'before-origin-line' | 'end'
        templates?: {
          ru?: string
          en?: string
        }
      }
      'flash-call'?: {
        codeLength?: number
        ttlSeconds?: number
        resendAfterSeconds?: number
        maxAttemptsPerCode?: number
        sendsPerLoginPerHour?: number
        sendsPerLoginPerDay?: number
        sendsPerIpPerHour?: number
        verifiesPerIpPer10Minutes?: number
        failuresBeforeLockout?: number
        lockoutSeconds?: number
        lockoutGrowthFactor?: number
        maxLockoutSeconds?: number
        failureMemorySeconds?: number
        allowFirstSignIn?: boolean
        setupTokenTtlSeconds?: number
        decoyMinDelayMs?: number
        allowedCountries?: Array<string>
        mobileOnly?: boolean
        prefixDigits?: number
        sendsPerPrefixPerHour?: number
        sendsPerCountryPerHour?: number
      }
      'email-otp'?: {
        codeLength?: number
        ttlSeconds?: number
        resendAfterSeconds?: number
        maxAttemptsPerCode?: number
        sendsPerLoginPerHour?: number
        sendsPerLoginPerDay?: number
        sendsPerIpPerHour?: number
        verifiesPerIpPer10Minutes?: number
        failuresBeforeLockout?: number
        lockoutSeconds?: number
        lockoutGrowthFactor?: number
        maxLockoutSeconds?: number
        failureMemorySeconds?: number
        allowFirstSignIn?: boolean
        setupTokenTtlSeconds?: number
        decoyMinDelayMs?: number
        templates?: {
          ru?: {
            subject?: string
            text?: string
          }
          en?: {
            subject?: string
            text?: string
          }
        }
      }
    } & { [key: string]: Record<string, string | number | boolean | null | Array<string>> }
  } & { [key: string]: string | number | boolean | null }
}

export type UpdateForwardingRule = {
  /** Any common notation; stored as E.164 */
  phone?: string
  /** Stored trimmed and lower-case */
  email?: string
  enabled?: boolean
  note?: string
}

export type UpdateRole = {
  name?: string
  description?: string
  appTypes?: Array<string>
  permissions?: Array<
    | 'users:read'
    | 'users:write'
    | 'roles:read'
    | 'roles:write'
    | 'apps:read'
    | 'apps:write'
    | 'settings:read'
    | 'settings:write'
    | 'audit:read'
  >
}

export type UpdateUser = {
  kind?: 'employee' | 'customer'
  displayName?: string
  /** null removes the phone */
  phone?: string | null
  /** null removes the e-mail */
  email?: string | null
  /** Replaces the user’s roles */
  roleIds?: Array<string>
  /** Language of their SMS and e-mails; null: automatic (Russian for +7 numbers and e-mail, else English, or the app’s locale) */
  locale?: 'ru' | 'en' | null
}

export type User = {
  id: string
  kind: 'employee' | 'customer'
  displayName: string
  phone: string | null
  email: string | null
  status: 'invited' | 'active' | 'blocked'
  roleIds: Array<string>
  createdAt: string
  updatedAt: string
  activatedAt: string | null
  lastSignInAt: string | null
  /** Why the person is blocked */
  blockedReason: string | null
  /** When the block ends by itself; null: until unblocked */
  blockedUntil: string | null
  /** Language of their SMS and e-mails; null: automatic */
  locale: 'ru' | 'en' | null
}

export type UserAccess = {
  /** Whether the person’s status lets them sign in now (active) */
  canSignIn: boolean
  /** App types their roles grant, with or without apps of them */
  appTypes: Array<{
    id: string
    viaRoleIds: Array<string>
  }>
  apps: Array<AccessApp>
}

export type UserDetail = User & {
  roles: Array<Role>
  invitation: Invitation
  activeSessions: number
}

export type UserPage = {
  items: Array<User>
  nextCursor: string | null
}

/** The operations the client calls, by operationId. */
export interface Operations {
  /** Sign in to the admin console through any sign-in method */
  consoleSignIn: {
    method: 'POST'
    path: '/v1/console/session'
    bodyType: 'application/json'
    params: null
    headers: {
      /** CSRF guard: always `1` */
      'x-propusk-console': '1'
    }
    request: {
      via: string
      payload: Record<string, unknown>
    }
    response: ConsoleSession
  }
  /** Sign in to the admin console with an authorization code from the hosted pages */
  consoleSignInWithCode: {
    method: 'POST'
    path: '/v1/console/session/code'
    bodyType: 'application/json'
    params: null
    headers: {
      /** CSRF guard: always `1` */
      'x-propusk-console': '1'
    }
    request: {
      code: string
      /** The redirect_uri the authorization request named */
      redirectUri: string
      /** The PKCE verifier of that request */
      codeVerifier: string
    }
    response: ConsoleSession
  }
  /** A new access token from the console session cookie (rotates the cookie) */
  consoleRefresh: {
    method: 'POST'
    path: '/v1/console/refresh'
    bodyType: null
    params: null
    headers: {
      /** CSRF guard: always `1` */
      'x-propusk-console': '1'
    }
    request: null
    response: ConsoleSession
  }
  /** Sign out of the console: ends the session and clears the cookie */
  consoleLogout: {
    method: 'POST'
    path: '/v1/console/logout'
    bodyType: null
    params: null
    headers: {
      /** CSRF guard: always `1` */
      'x-propusk-console': '1'
    }
    request: null
    response: null
  }
  /** Search and filter users, newest first */
  adminListUsers: {
    method: 'GET'
    path: '/v1/admin/users'
    bodyType: null
    params: {
      /** Name, e-mail or phone substring */
      q?: string
      kind?: 'employee' | 'customer'
      status?: 'invited' | 'active' | 'blocked'
      roleId?: string
      /** The `nextCursor` of the previous page */
      cursor?: string
      /** Page size, at most 200 */
      limit?: number
    }
    headers: null
    request: null
    response: UserPage
  }
  /** A user with roles, invitation state and active session count */
  adminGetUser: {
    method: 'GET'
    path: '/v1/admin/users/{id}'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: UserDetail
  }
  /** Create a user and send the invitation (R1, R2) */
  adminCreateUser: {
    method: 'POST'
    path: '/v1/admin/users'
    bodyType: 'application/json'
    params: null
    headers: null
    request: CreateUser
    response: {
      user: UserDetail
      invitation: InvitationOutcome
    }
  }
  /** Change name, kind, phone, e-mail or roles */
  adminUpdateUser: {
    method: 'PATCH'
    path: '/v1/admin/users/{id}'
    bodyType: 'application/json'
    params: {
      id: string
    }
    headers: null
    request: UpdateUser
    response: UserDetail
  }
  /** Delete a user with their sessions and invitations */
  adminDeleteUser: {
    method: 'DELETE'
    path: '/v1/admin/users/{id}'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: null
  }
  /** Block a user (optionally with a reason and an end) and end all their sessions */
  adminBlockUser: {
    method: 'POST'
    path: '/v1/admin/users/{id}/block'
    bodyType: 'application/json'
    params: {
      id: string
    }
    headers: null
    request: BlockUser
    response: {
      user: User
      sessionsEnded: number
    }
  }
  /** Unblock a user */
  adminUnblockUser: {
    method: 'POST'
    path: '/v1/admin/users/{id}/unblock'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: {
      user: User
      sessionsEnded: number
    }
  }
  /** The apps a person can enter: their roles’ app types and the apps of those types */
  adminGetUserAccess: {
    method: 'GET'
    path: '/v1/admin/users/{id}/access'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: UserAccess
  }
  /** Send the invitation again (earlier links stop working once it is delivered) */
  adminResendInvitation: {
    method: 'POST'
    path: '/v1/admin/users/{id}/invitation'
    bodyType: 'application/json'
    params: {
      id: string
    }
    headers: null
    request: ResendInvitation
    response: Invitation
  }
  /** Revoke the open invitation link */
  adminRevokeInvitation: {
    method: 'DELETE'
    path: '/v1/admin/users/{id}/invitation'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: {
      revoked: boolean
    }
  }
  /** A new invitation link to copy and pass on yourself (shown once) */
  adminCreateInvitationLink: {
    method: 'POST'
    path: '/v1/admin/users/{id}/invitation-link'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: InvitationLink
  }
  /** Send the user a password reset link */
  adminSendPasswordReset: {
    method: 'POST'
    path: '/v1/admin/users/{id}/password-reset'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: {
      sent: true
    }
  }
  /** The user’s active sessions */
  adminListUserSessions: {
    method: 'GET'
    path: '/v1/admin/users/{id}/sessions'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: {
      items: Array<Session>
    }
  }
  /** End every session of the user */
  adminEndAllUserSessions: {
    method: 'DELETE'
    path: '/v1/admin/users/{id}/sessions'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: {
      sessionsEnded: number
    }
  }
  /** End one session (its refresh token stops working at once) */
  adminEndUserSession: {
    method: 'DELETE'
    path: '/v1/admin/users/{id}/sessions/{sessionId}'
    bodyType: null
    params: {
      id: string
      sessionId: string
    }
    headers: null
    request: null
    response: null
  }
  /** Block, resend invitations to, or assign a role to many people at once */
  adminBulkUserAction: {
    method: 'POST'
    path: '/v1/admin/users/bulk'
    bodyType: 'application/json'
    params: null
    headers: null
    request: BulkUserAction
    response: {
      done: number
      failed: number
      results: Array<BulkUserResult>
    }
  }
  /** Create up to 5000 users from CSV, with a report per row */
  adminImportUsers: {
    method: 'POST'
    path: '/v1/admin/users/import'
    bodyType: 'application/json'
    params: {
      dryRun?: '0' | '1' | 'true' | 'false'
      sendInvitations?: '0' | '1' | 'true' | 'false'
    }
    headers: null
    request: ImportUsers
    response: ImportReport
  }
  /** All roles with the app types they grant (R7) and their admin permissions */
  adminListRoles: {
    method: 'GET'
    path: '/v1/admin/roles'
    bodyType: null
    params: null
    headers: null
    request: null
    response: {
      items: Array<Role>
    }
  }
  /** A role and how many users hold it */
  adminGetRole: {
    method: 'GET'
    path: '/v1/admin/roles/{id}'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: Role & {
      users: number
    }
  }
  /** Create a role */
  adminCreateRole: {
    method: 'POST'
    path: '/v1/admin/roles'
    bodyType: 'application/json'
    params: null
    headers: null
    request: CreateRole
    response: Role
  }
  /** Edit a role (built-in ones too) */
  adminUpdateRole: {
    method: 'PATCH'
    path: '/v1/admin/roles/{id}'
    bodyType: 'application/json'
    params: {
      id: string
    }
    headers: null
    request: UpdateRole
    response: Role
  }
  /** Delete a role nobody holds */
  adminDeleteRole: {
    method: 'DELETE'
    path: '/v1/admin/roles/{id}'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: null
  }
  /** Registered client apps */
  adminListApps: {
    method: 'GET'
    path: '/v1/admin/apps'
    bodyType: null
    params: null
    headers: null
    request: null
    response: {
      items: Array<App>
    }
  }
  /** A registered app */
  adminGetApp: {
    method: 'GET'
    path: '/v1/admin/apps/{id}'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: App
  }
  /** Register a client app of an installed type */
  adminCreateApp: {
    method: 'POST'
    path: '/v1/admin/apps'
    bodyType: 'application/json'
    params: null
    headers: null
    request: CreateApp
    response: {
      app: App
      /** Shown once: only its hash is stored. null for public clients. */
      clientSecret: string | null
    }
  }
  /** Edit an app (its type is fixed); `policy` and `settings` replace the stored ones */
  adminUpdateApp: {
    method: 'PATCH'
    path: '/v1/admin/apps/{id}'
    bodyType: 'application/json'
    params: {
      id: string
    }
    headers: null
    request: UpdateApp
    response: App
  }
  /** Delete an app and its sessions */
  adminDeleteApp: {
    method: 'DELETE'
    path: '/v1/admin/apps/{id}'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: null
  }
  /** Issue a new client secret (the old one stops working at once) */
  adminRotateAppSecret: {
    method: 'POST'
    path: '/v1/admin/apps/{id}/secret'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: {
      clientSecret: string
    }
  }
  /** SMS forwarding rules (R11) */
  adminListSmsForwardingRules: {
    method: 'GET'
    path: '/v1/admin/sms-forwarding'
    bodyType: null
    params: {
      /** Any common notation; stored as E.164 */
      phone?: string
    }
    headers: null
    request: null
    response: {
      items: Array<ForwardingRule>
    }
  }
  /** Forward every SMS sent to a phone to an e-mail address as well */
  adminCreateSmsForwardingRule: {
    method: 'POST'
    path: '/v1/admin/sms-forwarding'
    bodyType: 'application/json'
    params: null
    headers: null
    request: CreateForwardingRule
    response: ForwardingRule
  }
  /** Change a rule or turn it on or off */
  adminUpdateSmsForwardingRule: {
    method: 'PATCH'
    path: '/v1/admin/sms-forwarding/{id}'
    bodyType: 'application/json'
    params: {
      id: string
    }
    headers: null
    request: UpdateForwardingRule
    response: ForwardingRule
  }
  /** Delete a rule */
  adminDeleteSmsForwardingRule: {
    method: 'DELETE'
    path: '/v1/admin/sms-forwarding/{id}'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: null
  }
  /** Audit entries, newest first, with filters */
  adminListAuditEntries: {
    method: 'GET'
    path: '/v1/admin/audit'
    bodyType: null
    params: {
      actorId?: string
      /** Prefix, e.g. `user.` */
      action?: string
      targetType?: string
      targetId?: string
      result?: 'success' | 'failure' | 'denied'
      /** Inclusive */
      from?: string
      /** Exclusive */
      to?: string
      /** The `nextCursor` of the previous page */
      cursor?: string
      /** Page size, at most 200 */
      limit?: number
    }
    headers: null
    request: null
    response: AuditPage
  }
  /** The delivery log: every SMS, e-mail and call Propusk sent, newest first */
  adminListDeliveries: {
    method: 'GET'
    path: '/v1/admin/deliveries'
    bodyType: null
    params: {
      channel?: 'sms' | 'email' | 'call'
      status?: 'queued' | 'sent' | 'delivered' | 'failed'
      provider?: string
      purpose?: string
      appId?: string
      /** Exact phone (E.164) or e-mail: matched by hash */
      recipient?: string
      from?: string
      to?: string
      cursor?: string
      limit?: number
    }
    headers: null
    request: null
    response: {
      items: Array<DeliveryLogEntry>
      nextCursor: string | null
    }
  }
  /** Sign-ins per day by method, failed and locked attempts, delivery success */
  adminGetDashboard: {
    method: 'GET'
    path: '/v1/admin/stats/dashboard'
    bodyType: null
    params: {
      days?: number
      /** The viewer’s offset from UTC, so days start at their midnight */
      utcOffsetMinutes?: number | null
      /** How many of the latest sign-in attempts to list */
      recent?: number | null
    }
    headers: null
    request: null
    response: ConsoleDashboard
  }
  /** Client app types: their defaults and how many apps of each are registered */
  adminListAppTypes: {
    method: 'GET'
    path: '/v1/admin/app-types'
    bodyType: null
    params: null
    headers: null
    request: null
    response: {
      items: Array<ConsoleAppType>
    }
  }
  /** A plugin’s stored settings (the form’s current values) */
  adminGetPluginSettings: {
    method: 'GET'
    path: '/v1/admin/plugins/{id}/settings'
    bodyType: null
    params: {
      id: string
    }
    headers: null
    request: null
    response: PluginSettings
  }
  /** Replace a plugin’s stored settings, validated by the plugin’s own schema */
  adminUpdatePluginSettings: {
    method: 'PUT'
    path: '/v1/admin/plugins/{id}/settings'
    bodyType: 'application/json'
    params: {
      id: string
    }
    headers: null
    request: {
      values: Record<string, unknown>
    }
    response: PluginSettings
  }
  /** The provider in use for each channel (SMS, e-mail, call) */
  adminDeliveryChannels: {
    method: 'GET'
    path: '/v1/admin/delivery/channels'
    bodyType: null
    params: null
    headers: null
    request: null
    response: {
      channels: Array<DeliveryChannel>
    }
  }
  /** Send a test message through a channel’s provider */
  adminDeliveryTest: {
    method: 'POST'
    path: '/v1/admin/delivery/test'
    bodyType: 'application/json'
    params: null
    headers: null
    request: {
      channel: 'sms' | 'email' | 'call'
      /** A phone (sms, call) or an e-mail address */
      to: string
    }
    response: {
      provider: string
      status: string
      /** The recipient as sent: E.164 or the normalised address */
      to: string
      messageId?: string
    }
  }
  /** Installed plugins and the JSON Schema of their settings */
  listPlugins: {
    method: 'GET'
    path: '/v1/plugins'
    bodyType: null
    params: null
    headers: null
    request: null
    response: {
      plugins: Array<{
        id: string
        kind: 'sign-in-method' | 'client-app-type' | 'delivery-provider'
        name: string
        description?: string
        /** Name and description by language code, e.g. `ru` */
        localized?: Record<
          string,
          {
            name: string
            description?: string
          }
        >
        routePrefix: string
        settingsSchema: Record<string, unknown>
      }>
    }
  }
  /** Messages that console delivery "sent" (local mode only) */
  consoleDeliveryListOutbox: {
    method: 'GET'
    path: '/v1/providers/console-delivery/outbox'
    bodyType: null
    params: {
      /** Only messages to this phone or e-mail */
      recipient?: string
      channel?: 'sms' | 'email' | 'call'
      limit?: number
    }
    headers: null
    request: null
    response: {
      messages: Array<OutboxEntry>
    }
  }
}

export const operations = {
  consoleSignIn: { method: 'POST', path: '/v1/console/session', bodyType: 'application/json' },
  consoleSignInWithCode: {
    method: 'POST',
    path: '/v1/console/session/code',
    bodyType: 'application/json',
  },
  consoleRefresh: { method: 'POST', path: '/v1/console/refresh', bodyType: null },
  consoleLogout: { method: 'POST', path: '/v1/console/logout', bodyType: null },
  adminListUsers: { method: 'GET', path: '/v1/admin/users', bodyType: null },
  adminGetUser: { method: 'GET', path: '/v1/admin/users/{id}', bodyType: null },
  adminCreateUser: { method: 'POST', path: '/v1/admin/users', bodyType: 'application/json' },
  adminUpdateUser: { method: 'PATCH', path: '/v1/admin/users/{id}', bodyType: 'application/json' },
  adminDeleteUser: { method: 'DELETE', path: '/v1/admin/users/{id}', bodyType: null },
  adminBlockUser: {
    method: 'POST',
    path: '/v1/admin/users/{id}/block',
    bodyType: 'application/json',
  },
  adminUnblockUser: { method: 'POST', path: '/v1/admin/users/{id}/unblock', bodyType: null },
  adminGetUserAccess: { method: 'GET', path: '/v1/admin/users/{id}/access', bodyType: null },
  adminResendInvitation: {
    method: 'POST',
    path: '/v1/admin/users/{id}/invitation',
    bodyType: 'application/json',
  },
  adminRevokeInvitation: {
    method: 'DELETE',
    path: '/v1/admin/users/{id}/invitation',
    bodyType: null,
  },
  adminCreateInvitationLink: {
    method: 'POST',
    path: '/v1/admin/users/{id}/invitation-link',
    bodyType: null,
  },
  adminSendPasswordReset: {
    method: 'POST',
    path: '/v1/admin/users/{id}/password-reset',
    bodyType: null,
  },
  adminListUserSessions: { method: 'GET', path: '/v1/admin/users/{id}/sessions', bodyType: null },
  adminEndAllUserSessions: {
    method: 'DELETE',
    path: '/v1/admin/users/{id}/sessions',
    bodyType: null,
  },
  adminEndUserSession: {
    method: 'DELETE',
    path: '/v1/admin/users/{id}/sessions/{sessionId}',
    bodyType: null,
  },
  adminBulkUserAction: {
    method: 'POST',
    path: '/v1/admin/users/bulk',
    bodyType: 'application/json',
  },
  adminImportUsers: {
    method: 'POST',
    path: '/v1/admin/users/import',
    bodyType: 'application/json',
  },
  adminListRoles: { method: 'GET', path: '/v1/admin/roles', bodyType: null },
  adminGetRole: { method: 'GET', path: '/v1/admin/roles/{id}', bodyType: null },
  adminCreateRole: { method: 'POST', path: '/v1/admin/roles', bodyType: 'application/json' },
  adminUpdateRole: { method: 'PATCH', path: '/v1/admin/roles/{id}', bodyType: 'application/json' },
  adminDeleteRole: { method: 'DELETE', path: '/v1/admin/roles/{id}', bodyType: null },
  adminListApps: { method: 'GET', path: '/v1/admin/apps', bodyType: null },
  adminGetApp: { method: 'GET', path: '/v1/admin/apps/{id}', bodyType: null },
  adminCreateApp: { method: 'POST', path: '/v1/admin/apps', bodyType: 'application/json' },
  adminUpdateApp: { method: 'PATCH', path: '/v1/admin/apps/{id}', bodyType: 'application/json' },
  adminDeleteApp: { method: 'DELETE', path: '/v1/admin/apps/{id}', bodyType: null },
  adminRotateAppSecret: { method: 'POST', path: '/v1/admin/apps/{id}/secret', bodyType: null },
  adminListSmsForwardingRules: { method: 'GET', path: '/v1/admin/sms-forwarding', bodyType: null },
  adminCreateSmsForwardingRule: {
    method: 'POST',
    path: '/v1/admin/sms-forwarding',
    bodyType: 'application/json',
  },
  adminUpdateSmsForwardingRule: {
    method: 'PATCH',
    path: '/v1/admin/sms-forwarding/{id}',
    bodyType: 'application/json',
  },
  adminDeleteSmsForwardingRule: {
    method: 'DELETE',
    path: '/v1/admin/sms-forwarding/{id}',
    bodyType: null,
  },
  adminListAuditEntries: { method: 'GET', path: '/v1/admin/audit', bodyType: null },
  adminListDeliveries: { method: 'GET', path: '/v1/admin/deliveries', bodyType: null },
  adminGetDashboard: { method: 'GET', path: '/v1/admin/stats/dashboard', bodyType: null },
  adminListAppTypes: { method: 'GET', path: '/v1/admin/app-types', bodyType: null },
  adminGetPluginSettings: {
    method: 'GET',
    path: '/v1/admin/plugins/{id}/settings',
    bodyType: null,
  },
  adminUpdatePluginSettings: {
    method: 'PUT',
    path: '/v1/admin/plugins/{id}/settings',
    bodyType: 'application/json',
  },
  adminDeliveryChannels: { method: 'GET', path: '/v1/admin/delivery/channels', bodyType: null },
  adminDeliveryTest: {
    method: 'POST',
    path: '/v1/admin/delivery/test',
    bodyType: 'application/json',
  },
  listPlugins: { method: 'GET', path: '/v1/plugins', bodyType: null },
  consoleDeliveryListOutbox: {
    method: 'GET',
    path: '/v1/providers/console-delivery/outbox',
    bodyType: null,
  },
} as const satisfies {
  [K in keyof Operations]: Pick<Operations[K], 'method' | 'path' | 'bodyType'>
}
