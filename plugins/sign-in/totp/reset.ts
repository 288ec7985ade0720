import {
  access,
  type AppEnv,
  createRoute,
  type OpenAPIHono,
  type PluginContext,
  requireAuth,
} from 'propusk/plugin'
import type { CodeChecker } from './codes.ts'
import { doneResult, errorResponse, resetBody, type TotpSettings } from './schema.ts'

const resetRoute = createRoute({
  method: 'post',
  path: '/reset',
  operationId: 'totpReset',
  tags: ['Authenticator app'],
  summary: "Remove a person's authenticator app (administrators: a lost or replaced phone)",
  security: access.bearer,
  middleware: requireAuth({ appTypes: ['admin-console'], permission: 'users:write' }),
  request: { body: { required: true, content: { 'application/json': { schema: resetBody } } } },
  responses: {
    200: {
      description: '`removed`: whether there was one',
      content: { 'application/json': { schema: doneResult('removed') } },
    },
    400: errorResponse('`validation_failed`'),
    401: errorResponse('`unauthorized`'),
    403: errorResponse('`forbidden`'),
  },
})

export function mountReset(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<TotpSettings>,
  codes: CodeChecker,
): void {
  router.openapi(resetRoute, async (c) => {
    const { userId } = c.req.valid('json')
    const { rowsAffected } = await ctx.sql.execute({
      sql: 'DELETE FROM totp_credentials WHERE user_id = ?',
      args: [userId],
    })
    const admin = { userId, appId: c.get('principal').appId, actorId: c.get('principal').userId }
    await codes.audit(c, 'totp.reset', true, admin)
    return c.json({ removed: rowsAffected > 0 }, 200)
  })
}
