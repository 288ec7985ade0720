import { defineSignInMethod } from 'propusk/plugin'
import { passwordErrorCodes } from './error-codes.ts'
import { mountPasswordRoutes } from './routes.ts'
import { passwordSettings } from './schema.ts'

/**
 * Sign-in by phone or e-mail and password (issue 3, item 4). Hashing, rules and lockout
 * counting come from the core (src/modules/passwords); see docs/passwords.md.
 *
 * Routes (under /v1/auth/password): `POST /sign-in`, `POST /change`.
 */
export const password = defineSignInMethod({
  id: 'password',
  kind: 'sign-in-method',
  name: 'Password',
  localized: {
    ru: {
      name: 'Пароль',
      description: 'Телефон или e-mail и пароль; после неверных попыток вход блокируется на время.',
    },
  },
  description: 'Phone or e-mail and a password (PBKDF2-SHA256), with growing lockouts per account.',
  loginKinds: ['phone', 'email'],
  settings: passwordSettings,
  rateLimits: {
    signInPerIp: {
      limit: 30,
      windowMs: 60_000,
      description: 'Password sign-in attempts per IP per minute',
    },
    changePerUser: {
      limit: 10,
      windowMs: 15 * 60_000,
      description: 'Password changes per user per 15 minutes',
    },
  },
  errorCodes: passwordErrorCodes,
  routes: (router, ctx) => mountPasswordRoutes(router, ctx),
})

export { passwordErrorCodes } from './error-codes.ts'
export type { PasswordSettings } from './schema.ts'
