// Generated from /openapi.json by `npm run client:generate`: do not edit by hand.
// test/generated.test.ts fails when this file and the document disagree.

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

export type CodeTokenResponse = TokenResponse & {
  /** OpenID Connect ID token (ES256), verify with the JWKS */
  id_token: string
  /** The granted scope */
  scope: string
}

export type CompleteRegistrationRequest = {
  setupToken: string
  password: string
  /** The client id of the app signing in */
  clientId: string
  /** Confidential apps (e.g. `api-only`) only: the app secret. HTTP Basic (`Authorization: Basic base64(clientId:secret)`) works too, as at `/v1/token`. */
  clientSecret?: string
  /** Shown in session lists, e.g. "Pixel 8" */
  deviceLabel?: string
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

export type Me = {
  user: {
    id: string
    kind: 'employee' | 'customer'
    displayName: string
    phone: string | null
    email: string | null
    status: 'invited' | 'active' | 'blocked'
    createdAt: string
    activatedAt: string | null
    lastSignInAt: string | null
  }
  roles: Array<{
    id: string
    name: string
    appTypes: Array<string>
  }>
  permissions: Array<string>
  app: {
    id: string
    name: string
    type: string
  }
  sessionId: string
}

export type OtpPasswordRequired = {
  status: 'password_required'
  /** For POST /v1/sign-in/complete-registration; single use */
  setupToken: string
  /** Seconds the setup token stays valid */
  expiresIn: number
}

export type OtpSendRequest = {
  /** Phone (any common notation, e.g. `8 916 123-45-67`) or e-mail */
  login: string
  /** The app */
  clientId: string
}

export type OtpSendResponse = {
  /** Send it back with the code */
  challengeId: string
  method: string
  channel: 'sms' | 'email' | 'call'
  codeLength: number
  expiresInSeconds: number
  /** R5: a new code may be requested after this */
  resendAfterSeconds: number
  /** The login, masked */
  sentTo: string
}

export type OtpSignedIn = TokenResponse & {
  status: 'signed_in'
}

export type OtpVerifyRequest = {
  challengeId: string
  /** The code (flash call: the last digits of the calling number) */
  code: string
  /** The client id of the app signing in */
  clientId: string
  /** Confidential apps (e.g. `api-only`) only: the app secret. HTTP Basic (`Authorization: Basic base64(clientId:secret)`) works too, as at `/v1/token`. */
  clientSecret?: string
  /** Shown in session lists, e.g. "Pixel 8" */
  deviceLabel?: string
}

export type RevokeRequest = {
  /** A refresh token or an access token */
  token: string
  token_type_hint?: 'refresh_token' | 'access_token'
  /** The app; or send HTTP Basic */
  client_id?: string
  /** Confidential clients only */
  client_secret?: string
}

export type SignInStartRequest = {
  /** Phone in any common notation (`8 916 123-45-67`, `+7 (916) …`) or e-mail */
  login: string
  clientId: string
}

export type SignInStartResponse = {
  loginKind: 'phone' | 'email'
  /** E.164 phone or lower-case e-mail */
  normalizedLogin: string
  /** Sign-in method plugin ids this app offers for this login, in the app’s order */
  methods: Array<string>
}

export type TokenRequest = {
  /** `refresh_token` or `authorization_code` */
  grant_type: string
  refresh_token?: string
  /** authorization_code: the code */
  code?: string
  /** authorization_code */
  redirect_uri?: string
  /** authorization_code: PKCE */
  code_verifier?: string
  /** The app; or send HTTP Basic */
  client_id?: string
  /** Confidential clients only */
  client_secret?: string
}

export type TokenResponse = {
  /** JWT (ES256/EdDSA), verify against /.well-known/jwks.json */
  access_token: string
  token_type: 'Bearer'
  /** Seconds until the access token expires */
  expires_in: number
  /** Opaque, single use: each refresh returns a new one */
  refresh_token: string
  session_id: string
}

/** The operations the client calls, by operationId. */
export interface Operations {
  /** Which sign-in methods a login may use in an app */
  signInStart: {
    method: 'POST'
    path: '/v1/sign-in/start'
    bodyType: 'application/json'
    params: null
    headers: null
    request: SignInStartRequest
    response: SignInStartResponse
  }
  /** Send a sign-in code (sms-otp) */
  smsOtpSend: {
    method: 'POST'
    path: '/v1/auth/sms-otp/send'
    bodyType: 'application/json'
    params: null
    headers: null
    request: OtpSendRequest
    response: OtpSendResponse
  }
  /** Check a sign-in code (sms-otp) */
  smsOtpVerify: {
    method: 'POST'
    path: '/v1/auth/sms-otp/verify'
    bodyType: 'application/json'
    params: null
    headers: null
    request: OtpVerifyRequest
    response: OtpSignedIn | OtpPasswordRequired
  }
  /** Send a sign-in code (flash-call) */
  flashCallSend: {
    method: 'POST'
    path: '/v1/auth/flash-call/send'
    bodyType: 'application/json'
    params: null
    headers: null
    request: OtpSendRequest
    response: OtpSendResponse
  }
  /** Check a sign-in code (flash-call) */
  flashCallVerify: {
    method: 'POST'
    path: '/v1/auth/flash-call/verify'
    bodyType: 'application/json'
    params: null
    headers: null
    request: OtpVerifyRequest
    response: OtpSignedIn | OtpPasswordRequired
  }
  /** Send a sign-in code (email-otp) */
  emailOtpSend: {
    method: 'POST'
    path: '/v1/auth/email-otp/send'
    bodyType: 'application/json'
    params: null
    headers: null
    request: OtpSendRequest
    response: OtpSendResponse
  }
  /** Check a sign-in code (email-otp) */
  emailOtpVerify: {
    method: 'POST'
    path: '/v1/auth/email-otp/verify'
    bodyType: 'application/json'
    params: null
    headers: null
    request: OtpVerifyRequest
    response: OtpSignedIn | OtpPasswordRequired
  }
  /** Sign in to an app with a phone or e-mail and a password */
  passwordSignIn: {
    method: 'POST'
    path: '/v1/auth/password/sign-in'
    bodyType: 'application/json'
    params: null
    headers: null
    request: {
      /** Phone (any notation) or e-mail */
      login: string
      password: string
      /** The client id of the app signing in */
      clientId: string
      /** Confidential apps (e.g. `api-only`) only: the app secret. HTTP Basic (`Authorization: Basic base64(clientId:secret)`) works too, as at `/v1/token`. */
      clientSecret?: string
      /** Shown in session lists, e.g. "Pixel 8" */
      deviceLabel?: string
    }
    response: TokenResponse
  }
  /** First sign-in: create the password and sign in */
  signInCompleteRegistration: {
    method: 'POST'
    path: '/v1/sign-in/complete-registration'
    bodyType: 'application/json'
    params: null
    headers: null
    request: CompleteRegistrationRequest
    response: TokenResponse
  }
  /** Token endpoint: a refresh token or an authorization code for tokens */
  tokenRefresh: {
    method: 'POST'
    path: '/v1/token'
    bodyType: 'application/json'
    params: null
    headers: null
    request: TokenRequest
    response: TokenResponse | CodeTokenResponse
  }
  /** Revoke a token: ends its session (RFC 7009) */
  tokenRevoke: {
    method: 'POST'
    path: '/v1/token/revoke'
    bodyType: 'application/json'
    params: null
    headers: null
    request: RevokeRequest
    response: null
  }
  /** The signed-in user, their roles and the app of the token */
  getMe: {
    method: 'GET'
    path: '/v1/me'
    bodyType: null
    params: null
    headers: null
    request: null
    response: Me
  }
  /** Sign out: ends the session of the calling token */
  logout: {
    method: 'POST'
    path: '/v1/logout'
    bodyType: null
    params: null
    headers: null
    request: null
    response: null
  }
}

export const operations = {
  signInStart: { method: 'POST', path: '/v1/sign-in/start', bodyType: 'application/json' },
  smsOtpSend: { method: 'POST', path: '/v1/auth/sms-otp/send', bodyType: 'application/json' },
  smsOtpVerify: { method: 'POST', path: '/v1/auth/sms-otp/verify', bodyType: 'application/json' },
  flashCallSend: { method: 'POST', path: '/v1/auth/flash-call/send', bodyType: 'application/json' },
  flashCallVerify: {
    method: 'POST',
    path: '/v1/auth/flash-call/verify',
    bodyType: 'application/json',
  },
  emailOtpSend: { method: 'POST', path: '/v1/auth/email-otp/send', bodyType: 'application/json' },
  emailOtpVerify: {
    method: 'POST',
    path: '/v1/auth/email-otp/verify',
    bodyType: 'application/json',
  },
  passwordSignIn: {
    method: 'POST',
    path: '/v1/auth/password/sign-in',
    bodyType: 'application/json',
  },
  signInCompleteRegistration: {
    method: 'POST',
    path: '/v1/sign-in/complete-registration',
    bodyType: 'application/json',
  },
  tokenRefresh: { method: 'POST', path: '/v1/token', bodyType: 'application/json' },
  tokenRevoke: { method: 'POST', path: '/v1/token/revoke', bodyType: 'application/json' },
  getMe: { method: 'GET', path: '/v1/me', bodyType: null },
  logout: { method: 'POST', path: '/v1/logout', bodyType: null },
} as const satisfies {
  [K in keyof Operations]: Pick<Operations[K], 'method' | 'path' | 'bodyType'>
}
