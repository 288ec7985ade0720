import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { IdentityRepositories } from '../identity/repositories/index.ts'
import type { AppEnv } from '../services.ts'
import { actorOf, adminRoute } from './context.ts'
import { createForwardingBody, forwardingSchema, updateForwardingBody } from './schemas-config.ts'
import {
  conflictError,
  guardedErrors,
  idParam,
  jsonBody,
  jsonResponse,
  noContent,
  notFoundError,
  phoneInput,
} from './schemas.ts'

/** R11 is a support setting: forwarding rules need `settings:*`. */
const base = { tags: ['Admin: SMS forwarding'], security: [{ bearerAuth: [] }] }
const guard = (
  permission: 'settings:read' | 'settings:write',
  action: string,
  targetParam?: string,
) =>
  adminRoute({
    permission,
    action,
    targetType: 'forwarding_rule',
    ...(targetParam ? { targetParam } : {}),
  })

const listRules = createRoute({
  ...base,
  method: 'get',
  path: '/v1/admin/sms-forwarding',
  summary: 'SMS forwarding rules (R11)',
  middleware: [guard('settings:read', 'forwarding.list')],
  request: { query: z.object({ phone: phoneInput.optional() }) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(forwardingSchema) }), 'Rules'),
    ...guardedErrors,
  },
})

const getRule = createRoute({
  ...base,
  method: 'get',
  path: '/v1/admin/sms-forwarding/{id}',
  summary: 'One forwarding rule',
  middleware: [guard('settings:read', 'forwarding.get', 'id')],
  request: { params: idParam },
  responses: {
    200: jsonResponse(forwardingSchema, 'The rule'),
    ...guardedErrors,
    ...notFoundError,
  },
})

const createRule = createRoute({
  ...base,
  method: 'post',
  path: '/v1/admin/sms-forwarding',
  summary: 'Forward every SMS sent to a phone to an e-mail address as well',
  middleware: [guard('settings:write', 'forwarding.create')],
  request: { body: jsonBody(createForwardingBody) },
  responses: {
    201: jsonResponse(forwardingSchema, 'Created'),
    ...guardedErrors,
    ...conflictError('`forwarding_rule_exists`: one rule per phone'),
  },
})

const updateRule = createRoute({
  ...base,
  method: 'patch',
  path: '/v1/admin/sms-forwarding/{id}',
  summary: 'Change a rule or turn it on or off',
  middleware: [guard('settings:write', 'forwarding.update', 'id')],
  request: { params: idParam, body: jsonBody(updateForwardingBody) },
  responses: {
    200: jsonResponse(forwardingSchema, 'The rule'),
    ...guardedErrors,
    ...notFoundError,
    ...conflictError('`forwarding_rule_exists`'),
  },
})

const deleteRule = createRoute({
  ...base,
  method: 'delete',
  path: '/v1/admin/sms-forwarding/{id}',
  summary: 'Delete a rule',
  middleware: [guard('settings:write', 'forwarding.delete', 'id')],
  request: { params: idParam },
  responses: { ...noContent, ...guardedErrors, ...notFoundError },
})

export function mountForwardingRoutes(app: OpenAPIHono<AppEnv>, repos: IdentityRepositories) {
  const { forwarding } = repos
  app.openapi(listRules, async (c) => {
    const { phone } = c.req.valid('query')
    return c.json({ items: await forwarding.list(phone ? { phone } : {}) }, 200)
  })
  app.openapi(getRule, async (c) => c.json(await forwarding.mustGet(c.req.valid('param').id), 200))
  app.openapi(createRule, async (c) =>
    c.json(await forwarding.create(c.req.valid('json'), actorOf(c)), 201),
  )
  app.openapi(updateRule, async (c) =>
    c.json(await forwarding.update(c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
  )
  app.openapi(deleteRule, async (c) => {
    await forwarding.delete(c.req.valid('param').id, actorOf(c))
    return c.body(null, 204)
  })
}
