import {
  type AppEnv,
  createRoute,
  errorResponse,
  type OpenAPIHono,
  type PluginContext,
} from 'propusk/plugin'
import * as z from 'zod'
import type { SetupLinkSettings } from './index.ts'
import { mountCompleteRoute } from './complete.ts'
import { inspectSetupToken, isSetupPending } from './store.ts'

const statusRoute = createRoute({
  method: 'get',
  path: '/status',
  operationId: 'setupLinkStatus',
  security: [],
  tags: ['First administrator'],
  summary: 'Whether this install still waits for its first administrator',
  responses: {
    200: {
      description: 'Setup state',
      content: { 'application/json': { schema: z.object({ pending: z.boolean() }) } },
    },
  },
})

const verifyRoute = createRoute({
  method: 'post',
  path: '/verify',
  operationId: 'setupLinkVerify',
  security: [],
  tags: ['First administrator'],
  summary: 'Check a first-administrator link without using it',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ token: z.string().min(20).max(200) }) } },
    },
  },
  responses: {
    200: {
      description: 'The link is valid',
      content: {
        'application/json': {
          schema: z.object({
            valid: z.literal(true),
            expiresAt: z.string(),
            purpose: z
              .enum(['first_admin', 'recovery'])
              .openapi({ description: '`recovery`: made by `npm run setup-link -- --recover`' }),
          }),
        },
      },
    },
    400: errorResponse('`setup_link_invalid`: unknown, used or expired link'),
    429: errorResponse('`rate_limited`'),
  },
})

export function mountSetupLinkRoutes(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<SetupLinkSettings>,
): void {
  router.openapi(statusRoute, async (c) => c.json({ pending: await isSetupPending(ctx.sql) }, 200))
  router.openapi(verifyRoute, async (c) => {
    await ctx.limits.consume(ctx.pluginId, 'verifyPerIp', c.get('clientIp'))
    const state = await inspectSetupToken(ctx.sql, c.req.valid('json').token, ctx.now())
    if (!state.valid) throw ctx.errors.error('setup_link_invalid')
    return c.json({ valid: true as const, expiresAt: state.expiresAt, purpose: state.purpose }, 200)
  })
  mountCompleteRoute(router, ctx)
}
