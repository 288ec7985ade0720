import {
  createRoute,
  randomBytes,
  requireAuth,
  type AppEnv,
  type OpenAPIHono,
  type PluginContext,
} from '../../src/core/index.ts'
import type { Context } from 'hono'
import { PERIOD_SECONDS, type CodeChecker } from './codes.ts'
import { codeBody, doneResult, enrolResult, errorResponse, type TotpSettings } from './schema.ts'
import { totpStore } from './store.ts'
import { base32Encode, otpauthUri } from './totp.ts'

const authed = {
  method: 'post' as const,
  tags: ['Authenticator app'],
  security: [{ bearerAuth: [] }],
  middleware: requireAuth(),
}
const withCode = { body: { required: true, content: { 'application/json': { schema: codeBody } } } }
const ok = <T>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
})
const codeErrors = {
  401: errorResponse('`unauthorized`'),
  429: errorResponse('`totp_too_many_attempts` (with Retry-After)'),
}

const startRoute = createRoute({
  ...authed,
  path: '/enrol',
  operationId: 'totpEnrolStart',
  summary: 'Start enrolling an authenticator app: a new secret, pending until confirmed',
  responses: {
    200: ok('Pending', enrolResult),
    401: codeErrors[401],
    429: errorResponse('`rate_limited`'),
  },
})
const confirmRoute = createRoute({
  ...authed,
  path: '/enrol/confirm',
  operationId: 'totpEnrolConfirm',
  summary: 'Confirm the pending enrolment with a first code; it replaces any earlier one',
  request: withCode,
  responses: {
    200: ok('Enrolled', doneResult('enrolled')),
    400: errorResponse('`totp_no_pending_enrolment`, `totp_code_incorrect`, `validation_failed`'),
    ...codeErrors,
  },
})
const disableRoute = createRoute({
  ...authed,
  path: '/disable',
  operationId: 'totpDisable',
  summary: 'Remove the authenticator app, proven by a current code (a stolen token alone cannot)',
  request: withCode,
  responses: {
    200: ok('Removed', doneResult('disabled')),
    400: errorResponse('`totp_not_enrolled`, `totp_code_incorrect`, `validation_failed`'),
    ...codeErrors,
  },
})

export function mountEnrolment(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<TotpSettings>,
  codes: CodeChecker,
): void {
  const store = totpStore(ctx.sql)
  const audit = (c: Context<AppEnv>, action: string, result: 'success' | 'failure') =>
    ctx.identity.audit.record({
      actorType: 'user',
      actorId: c.get('principal').userId,
      action,
      targetType: 'user',
      targetId: c.get('principal').userId,
      result,
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
      appId: c.get('principal').appId,
    })
  /** Checks `code` against `sealed` under the person's own attempt limit; the step, or 400. */
  async function proven(c: Context<AppEnv>, sealed: string, code: string, action: string) {
    const { userId } = c.get('principal')
    await codes.reserve(`user:${userId}`)
    const step = await codes.match(userId, sealed, code)
    if (step === null) {
      await audit(c, action, 'failure')
      throw ctx.errors.error('totp_code_incorrect')
    }
    return step
  }

  router.openapi(startRoute, async (c) => {
    const { userId } = c.get('principal')
    await ctx.limits.consume(ctx.pluginId, 'enrolPerUser', userId)
    const user = await ctx.identity.users.get(userId)
    if (!user) throw ctx.errors.error('unauthorized')
    const secret = randomBytes(20)
    const now = ctx.now()
    const expiresAt = new Date(now.getTime() + ctx.settings.enrolmentMinutes * 60_000).toISOString()
    const sealed = await (await codes.vault()).seal(userId, secret)
    await store.savePending(userId, sealed, expiresAt, now.toISOString())
    await audit(c, 'totp.enrol_start', 'success')
    const text = base32Encode(secret)
    const account = user.email ?? user.phone ?? user.id
    const otpauthUrl = otpauthUri(ctx.settings.issuer, account, text, PERIOD_SECONDS)
    return c.json({ secret: text, otpauthUri: otpauthUrl, expiresAt }, 200)
  })

  router.openapi(confirmRoute, async (c) => {
    const { userId } = c.get('principal')
    const row = await store.read(userId)
    const pending = row?.pendingSecret
    if (!pending || (row.pendingExpiresAt ?? '') <= ctx.now().toISOString()) {
      throw ctx.errors.error('totp_no_pending_enrolment')
    }
    const step = await proven(c, pending, c.req.valid('json').code, 'totp.enrol')
    // Conditional on the same pending secret: a newer /enrol in between wins, not this code.
    const now = ctx.now().toISOString()
    if (!(await store.confirm(userId, pending, step, now))) {
      throw ctx.errors.error('totp_no_pending_enrolment')
    }
    await codes.forget(`user:${userId}`)
    await audit(c, 'totp.enrol', 'success')
    return c.json({ enrolled: true as const }, 200)
  })

  router.openapi(disableRoute, async (c) => {
    const { userId } = c.get('principal')
    const secret = (await store.read(userId))?.secret
    if (!secret) throw ctx.errors.error('totp_not_enrolled')
    const step = await proven(c, secret, c.req.valid('json').code, 'totp.disable')
    if (!(await store.remove(userId, secret, step))) {
      await audit(c, 'totp.disable', 'failure')
      throw ctx.errors.error('totp_code_incorrect')
    }
    await codes.forget(`user:${userId}`)
    await audit(c, 'totp.disable', 'success')
    return c.json({ disabled: true as const }, 200)
  })
}
