import { defineClientAppType, redirectUris } from 'propusk/plugin'
import * as z from 'zod'

const day = 24 * 3600

/**
 * R7 "engineer mobile app" for field employees (R10). R12: long-lived sessions, until revoked.
 * R9: a registered e-mail gets a code by e-mail; a phone gets a flash call or an SMS.
 */
export const engineerMobileApp = defineClientAppType({
  id: 'engineer-mobile',
  kind: 'client-app-type',
  name: 'Engineer mobile app',
  localized: {
    ru: {
      name: 'Мобильное приложение инженера',
      description: 'Мобильное приложение выездных инженеров.',
    },
  },
  description: 'The mobile app of field engineers.',
  clientKind: 'public',
  sessionPolicy: {
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenAbsoluteTtlSeconds: 180 * day,
    refreshTokenIdleTtlSeconds: 90 * day,
  },
  defaultSignInMethods: ['sms-otp', 'flash-call', 'email-otp', 'password'],
  isRedirectUriAllowed: redirectUris.isNativeAppRedirectUri,
  settings: z.object({}),
})
