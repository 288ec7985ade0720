import { defineClientAppType, redirectUris } from 'propusk/plugin'
import * as z from 'zod'

/**
 * R7 "admin web app": the Propusk admin console. Its tokens carry admin permissions, so its
 * sessions are short: a forgotten browser tab stops working within half an hour of idleness.
 */
export const adminConsoleApp = defineClientAppType({
  id: 'admin-console',
  kind: 'client-app-type',
  name: 'Admin console',
  localized: {
    ru: {
      name: 'Консоль администратора',
      description: 'Веб-приложение администратора: люди, роли, приложения, настройки, журнал.',
    },
  },
  description: 'The admin web app: people, roles, apps, settings, audit.',
  clientKind: 'public',
  sessionPolicy: {
    accessTokenTtlSeconds: 5 * 60,
    refreshTokenAbsoluteTtlSeconds: 12 * 3600,
    refreshTokenIdleTtlSeconds: 30 * 60,
  },
  defaultSignInMethods: ['password', 'email-otp', 'sms-otp'],
  isRedirectUriAllowed: redirectUris.isWebRedirectUri,
  settings: z.object({}),
})
