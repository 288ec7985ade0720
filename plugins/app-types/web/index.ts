import { defineClientAppType, redirectUris } from 'propusk/plugin'
import * as z from 'zod'

const hour = 3600
const day = 24 * hour

/** R7 "web app": a browser app, a public client (no secret can be kept in a page). */
export const webApp = defineClientAppType({
  id: 'web',
  kind: 'client-app-type',
  name: 'Web app',
  localized: { ru: { name: 'Веб-приложение', description: 'Веб-приложение компании в браузере.' } },
  description: 'The company web app in a browser.',
  clientKind: 'public',
  sessionPolicy: {
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenAbsoluteTtlSeconds: 30 * day,
    refreshTokenIdleTtlSeconds: 7 * day,
  },
  defaultSignInMethods: ['password', 'email-otp', 'sms-otp'],
  isRedirectUriAllowed: redirectUris.isWebRedirectUri,
  settings: z.object({}),
})
