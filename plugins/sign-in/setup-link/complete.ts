/**
 * Completing the first-administrator link: creates an active `employee` with the
 * Administrator role and a password, and uses up the link — one batch, once.
 */
import {
  type AppEnv,
  coreError,
  createRoute,
  cryptoUtils,
  errorResponse,
  type FieldIssue,
  logins,
  type OpenAPIHono,
  passwords,
  type PluginContext,
} from 'propusk/plugin'
import * as z from 'zod'
import type { SetupLinkSettings } from './index.ts'
import { createAdministratorByLink, inspectSetupToken } from './store.ts'

export const ADMINISTRATOR_ROLE_ID = 'role_administrator'

const completeBody = z
  .object({
    token: z.string().min(20).max(200),
    displayName: logins.displayNameSchema,
    email: z
      .string()
      .trim()
      .max(320)
      .optional()
      .openapi({ description: 'E-mail login (this and/or phone)' }),
    phone: z
      .string()
      .trim()
      .max(40)
      .optional()
      .openapi({ description: 'Mobile phone login, any notation' }),
    password: z.string().min(1).max(1024),
  })
  .refine((body) => Boolean(body.email || body.phone), {
    message: 'Give an e-mail, a phone or both',
    path: ['email'],
  })

const completeRoute = createRoute({
  method: 'post',
  path: '/complete',
  operationId: 'setupLinkComplete',
  security: [],
  tags: ['First administrator'],
  summary: 'Use a first-administrator or recovery link: create an Administrator with a password',
  request: { body: { required: true, content: { 'application/json': { schema: completeBody } } } },
  responses: {
    201: {
      description:
        'The administrator exists; sign in with the password method to the admin console',
      content: {
        'application/json': {
          schema: z.object({
            user: z.object({
              id: z.string(),
              displayName: z.string(),
              email: z.string().nullable(),
              phone: z.string().nullable(),
              roleIds: z.array(z.string()),
            }),
          }),
        },
      },
    },
    400: errorResponse('`setup_link_invalid`, `validation_failed`, password policy codes'),
    409: errorResponse('`conflict`: another user already has this e-mail or phone'),
    429: errorResponse('`rate_limited`'),
  },
})

function normalizeLogins(
  email?: string,
  phone?: string,
): { email: string | null; phone: string | null } {
  const fields: FieldIssue[] = []
  let normalizedEmail: string | null = null
  let normalizedPhone: string | null = null
  if (email) {
    const result = logins.normalizeEmail(email)
    if (result.ok) normalizedEmail = result.email
    else fields.push({ field: 'email', message: 'Not a valid e-mail address.' })
  }
  if (phone) {
    const result = logins.normalizePhone(phone)
    if (result.ok) normalizedPhone = result.e164
    else
      fields.push({
        field: 'phone',
        message: 'Not a valid phone number; write it with the country code.',
      })
  }
  if (fields.length) {
    throw coreError('validation_failed', `Invalid ${fields.map((f) => f.field).join(', ')}.`, {
      fields,
    })
  }
  return { email: normalizedEmail, phone: normalizedPhone }
}

export function mountCompleteRoute(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<SetupLinkSettings>,
): void {
  router.openapi(completeRoute, async (c) => {
    const ip = c.get('clientIp')
    await ctx.limits.consume(ctx.pluginId, 'completePerIp', ip)
    const body = c.req.valid('json')
    const logins = normalizeLogins(body.email, body.phone)
    const password = passwords.assertPasswordPolicy(body.password, {
      ...logins,
      displayName: body.displayName,
    })
    const hash = await passwords.passwordHasher(ctx).hash(password)
    // For the audit only; creating the administrator re-checks the link in its write transaction.
    const link = await inspectSetupToken(ctx.sql, body.token, ctx.now())
    const purpose = link.valid ? link.purpose : 'first_admin'
    const userId = cryptoUtils.randomId('usr')
    const created = await createAdministratorByLink(ctx.sql, {
      token: body.token,
      userId,
      roleId: ADMINISTRATOR_ROLE_ID,
      displayName: body.displayName,
      ...logins,
      passwordHash: hash,
      at: ctx.now(),
    })
    const action = purpose === 'recovery' ? 'setup.recovery_admin' : 'setup.first_admin'
    const audit = { action, ip, requestId: c.get('requestId') }
    if (!created) {
      await ctx.identity.audit.record({
        ...audit,
        actorType: 'anonymous',
        result: 'failure',
        details: { reason: 'setup_link_invalid' },
      })
      throw ctx.errors.error('setup_link_invalid')
    }
    await ctx.identity.audit.record({
      ...audit,
      actorType: 'user',
      actorId: userId,
      targetType: 'user',
      targetId: userId,
      result: 'success',
      details: { roleId: ADMINISTRATOR_ROLE_ID, purpose },
    })
    return c.json(
      {
        user: {
          id: userId,
          displayName: body.displayName,
          email: logins.email,
          phone: logins.phone,
          roleIds: [ADMINISTRATOR_ROLE_ID],
        },
      },
      201,
    )
  })
}
