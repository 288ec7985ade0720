import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ClientAppTypePlugin } from '../../kernel/plugin.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import { requireAuth } from '../auth.ts'
import { pickLang } from '../../kernel/i18n/lang.ts'
import { appCountsByType } from '../../modules/identity/index.ts'

/**
 * The client app types the console offers: what a new app of each type starts with (its sign-in
 * methods and session policy) and how many apps of it are registered, so the role editor can
 * point out an app type nobody registered an app for yet. Any console admin may read it: it
 * holds no data beyond the installed plugins and counts.
 */
export const appTypeSchema = z
  .object({
    id: z.string(),
    name: z.string().describe('In the language Accept-Language prefers (Russian or English)'),
    description: z.string().nullable().describe('In the same language as `name`'),
    localized: z
      .record(z.string(), z.object({ name: z.string(), description: z.string().optional() }))
      .describe('Name and description by language code, e.g. `ru`'),
    clientKind: z.enum(['public', 'confidential']),
    defaultSignInMethods: z.array(z.string()).describe('What a new app of this type starts with'),
    sessionPolicy: z.object({
      accessTokenTtlSeconds: z.number().int(),
      refreshTokenAbsoluteTtlSeconds: z.number().int(),
      refreshTokenIdleTtlSeconds: z.number().int(),
    }),
    registeredApps: z.number().int().describe('Apps of this type registered now'),
  })
  .openapi('ConsoleAppType')

const appTypesRoute = createRoute({
  method: 'get',
  path: '/v1/admin/app-types',
  operationId: 'adminListAppTypes',
  tags: ['Admin console'],
  summary: 'Client app types: their defaults and how many apps of each are registered',
  security: [{ bearerAuth: [] }],
  middleware: [requireAuth({ appTypes: ['admin-console'] })] as const,
  responses: {
    200: {
      description: 'App types, in plugin order',
      content: { 'application/json': { schema: z.object({ items: z.array(appTypeSchema) }) } },
    },
    401: errorResponse('`unauthorized`: no or bad access token'),
    403: errorResponse('`forbidden`: not an admin-console token'),
  },
})

export function mountAppTypes(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  app.openapi(appTypesRoute, async (c) => {
    const counts = await appCountsByType(services.sql)
    const types = services.plugins.filter(
      (p): p is ClientAppTypePlugin => p.kind === 'client-app-type',
    )
    const lang = pickLang(c.req.header('accept-language'))
    return c.json(
      {
        items: types.map((type) => ({
          id: type.id,
          name: type.localized?.[lang]?.name ?? type.name,
          description: type.localized?.[lang]?.description ?? type.description ?? null,
          localized: type.localized ?? {},
          clientKind: type.clientKind,
          defaultSignInMethods: [...type.defaultSignInMethods],
          sessionPolicy: { ...type.sessionPolicy },
          registeredApps: counts.get(type.id) ?? 0,
        })),
      },
      200,
    )
  })
}
