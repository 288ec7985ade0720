import { defineSignInMethod } from 'propusk/plugin'
import { createCodeChecker } from './codes.ts'
import { mountEnrolment } from './enrol.ts'
import { mountReset } from './reset.ts'
import { totpErrorCodes } from './error-codes.ts'
import { totpMigrations, totpSettings } from './schema.ts'
import { mountSignIn } from './sign-in.ts'

/**
 * Sign-in with a code from an authenticator app (RFC 6238: HMAC-SHA1, 6 digits, 30 s, ±1 step).
 * A signed-in person enrols (`POST /enrol`, then `/enrol/confirm` with a first code); then
 * `POST /sign-in {login, code, clientId}` opens a session like a password. `POST /disable` (a
 * current code) and `POST /reset` (an administrator) remove it. See docs/plugins.md.
 */
export const totp = defineSignInMethod({
  id: 'totp',
  kind: 'sign-in-method',
  name: 'Authenticator app',
  localized: {
    ru: {
      name: 'Приложение-аутентификатор',
      description: 'Коды из приложения-аутентификатора, каждый действует один раз.',
    },
  },
  description: 'Time-based codes from an authenticator app (RFC 6238), each usable once.',
  loginKinds: ['phone', 'email'],
  settings: totpSettings,
  migrations: totpMigrations,
  rateLimits: {
    signInPerIp: { limit: 30, windowMs: 60_000, description: 'Code sign-ins per IP per minute' },
    enrolPerUser: {
      limit: 10,
      windowMs: 15 * 60_000,
      description: 'Enrolments per person per 15 min',
    },
  },
  errorCodes: totpErrorCodes,
  routes(router, ctx) {
    const codes = createCodeChecker(ctx)
    mountSignIn(router, ctx, codes)
    mountEnrolment(router, ctx, codes)
    mountReset(router, ctx, codes)
  },
})
