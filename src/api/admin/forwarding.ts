import type { OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { IdentityRepositories } from '../../modules/identity/index.ts'
import type { AppEnv } from '../../kernel/services.ts'
import { actorOf } from './context.ts'
import { adminResource } from './resource.ts'
import { createForwardingBody, forwardingSchema, updateForwardingBody } from './schemas-config.ts'
import { phoneInput } from './schemas.ts'

/** R11 is a support setting: forwarding rules need `settings:*`. */
const rules = adminResource({
  tag: 'Admin: SMS forwarding',
  path: '/v1/admin/sms-forwarding',
  targetType: 'forwarding_rule',
  actions: 'forwarding',
  read: 'settings:read',
  write: 'settings:write',
  one: 'SmsForwardingRule',
  many: 'SmsForwardingRules',
})

const listRules = rules.list({
  summary: 'SMS forwarding rules (R11)',
  request: { query: z.object({ phone: phoneInput.optional() }) },
  schema: z.object({ items: z.array(forwardingSchema) }),
  label: 'Rules',
})

const getRule = rules.get({
  summary: 'One forwarding rule',
  schema: forwardingSchema,
  label: 'The rule',
})

const createRule = rules.create({
  summary: 'Forward every SMS sent to a phone to an e-mail address as well',
  body: createForwardingBody,
  schema: forwardingSchema,
  conflict: '`forwarding_rule_exists`: one rule per phone',
})

const updateRule = rules.update({
  summary: 'Change a rule or turn it on or off',
  body: updateForwardingBody,
  schema: forwardingSchema,
  label: 'The rule',
  conflict: '`forwarding_rule_exists`',
})

const deleteRule = rules.remove({ summary: 'Delete a rule' })

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
