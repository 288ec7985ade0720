import * as z from 'zod'
import { defineSignInMethod } from 'propusk/plugin'
import { mountTotpRoutes } from './routes.ts'
import { totpMigrations } from './store.ts'

const int = (min: number, max: number, value: number) =>
  z.number().int().min(min).max(max).default(value)
const settings = z.object({
  issuer: z.string().trim().min(1).max(60).default('Propusk').describe('Shown in the app'),
  maxFailures: int(1, 20, 5).describe('Wrong codes per login before a pause'),
  lockoutSeconds: int(1, 86_400, 300).describe('First pause; it doubles with each further one'),
  maxLockoutSeconds: int(1, 7 * 86_400, 3600).describe('Longest pause'),
  enrolmentMinutes: int(1, 60, 15).describe('How long an enrolment waits for its first code'),
})
export type TotpSettings = z.output<typeof settings>

/**
 * Sign-in with a code from an authenticator app (RFC 6238: HMAC-SHA1, 6 digits, 30 s, ±1 step).
 * A signed-in person enrols (`/enrol`, then `/enrol/confirm`); `/sign-in` then opens sessions.
 */
export const totp = defineSignInMethod({
  id: 'totp',
  kind: 'sign-in-method',
  name: 'Authenticator app',
  description: 'Time-based codes from an authenticator app (RFC 6238), each usable once.',
  localized: {
    ru: {
      name: 'Приложение-аутентификатор',
      description: 'Коды из приложения-аутентификатора, каждый действует один раз.',
    },
  },
  loginKinds: ['phone', 'email'],
  settings,
  migrations: totpMigrations,
  rateLimits: {
    signInPerIp: { limit: 30, windowMs: 60_000, description: 'Code sign-ins per IP per minute' },
  },
  errorCodes: {
    totp_code_incorrect: { status: 400, message: 'The code is wrong or was already used.' },
    totp_no_pending_enrolment: { status: 400, message: 'No enrolment awaits a first code.' },
  },
  // No `offeredAt`: offered in every app that lists it, enrolled or not. Asking whether this
  // login has an authenticator would tell any caller that an account exists behind it, which
  // /v1/sign-in/start must never do; a person without one gets `invalid_credentials`.
  routes: mountTotpRoutes,
})
