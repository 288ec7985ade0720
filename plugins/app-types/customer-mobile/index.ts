import { defineClientAppType, redirectUris } from 'propusk/plugin'
import * as z from 'zod'

const day = 24 * 3600

/**
 * R7 "customer mobile app". R12: it stays signed in across restarts for months, until revoked;
 * sign-in by phone code first (R5, R9).
 */
export const customerMobileApp = defineClientAppType({
  id: 'customer-mobile',
  kind: 'client-app-type',
  name: 'Customer mobile app',
  localized: {
    ru: {
      name: 'Мобильное приложение клиента',
      description: 'Мобильное приложение для клиентов компании.',
    },
  },
  description: 'The mobile app of the company’s customers.',
  clientKind: 'public',
  sessionPolicy: {
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenAbsoluteTtlSeconds: 180 * day,
    refreshTokenIdleTtlSeconds: 90 * day,
  },
  defaultSignInMethods: ['sms-otp', 'flash-call', 'password'],
  isRedirectUriAllowed: redirectUris.isNativeAppRedirectUri,
  settings: z.object({}),
})
