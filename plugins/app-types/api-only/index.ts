import { defineClientAppType } from 'propusk/plugin'
import * as z from 'zod'

/**
 * Machine-to-machine and scripted access (R7 "API-only access"): a confidential client that
 * authenticates with its secret at the token endpoint; no browser redirects, so no redirect
 * URIs. Per-app lifetimes go in the app's own policy overrides.
 */
export const apiOnly = defineClientAppType({
  id: 'api-only',
  kind: 'client-app-type',
  name: 'API-only access',
  localized: {
    ru: {
      name: 'Доступ только по API',
      description: 'Скрипты и интеграции, которые вызывают API с секретом клиента.',
    },
  },
  description: 'Scripts and integrations calling the API with a client secret.',
  clientKind: 'confidential',
  sessionPolicy: {
    accessTokenTtlSeconds: 15 * 60,
    refreshTokenAbsoluteTtlSeconds: 30 * 24 * 3600,
    refreshTokenIdleTtlSeconds: 7 * 24 * 3600,
  },
  defaultSignInMethods: ['password'],
  isRedirectUriAllowed: () => false,
  settings: z.object({}),
})
