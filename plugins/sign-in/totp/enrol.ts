import type { Context } from 'hono'
import {
  access,
  type AppEnv,
  createRoute,
  cryptoUtils,
  type OpenAPIHono,
  type PluginContext,
  requireAuth,
} from 'propusk/plugin'
import { PERIOD_SECONDS, type CodeChecker } from './codes.ts'
import { codeBody, confirmBody, doneResult, enrolResult, errorResponse } from './schema.ts'
import type { TotpSettings } from './schema.ts'
import { totpStore } from './store.ts'
import { base32Encode, otpauthUri } from './totp.ts'

const authed = (path: string, operationId: string, summary: string) => ({
  method: 'post' as const,
  path,
  operationId,
  summary,
  tags: ['Authenticator app'],
  security: access.bearer,
  middleware: requireAuth(),
})
const json = <T>(schema: T) => ({ 'application/json': { schema } })
const withCode = { body: { required: true, content: json(codeBody) } }
const refusals = (codes: string) => ({
  400: errorResponse(`${codes}, \`validation_failed\``),
  401: errorResponse('`unauthorized`'),
  429: errorResponse('`totp_too_many_attempts` (with Retry-After)'),
})

const startRoute = createRoute({
  ...authed('/enrol', 'totpEnrolStart', 'Start enrolling an authenticator app (a new secret)'),
  responses: {
    200: { description: 'Pending until confirmed', content: json(enrolResult) },
    401: errorResponse('`unauthorized`'),
    429: errorResponse('`rate_limited`'),
  },
})
const confirmRoute = createRoute({
  ...authed('/enrol/confirm', 'totpEnrolConfirm', 'Confirm with a first code; replaces any older'),
  request: { body: { required: true, content: json(confirmBody) } },
  responses: {
    200: { description: 'Enrolled', content: json(doneResult('enrolled')) },
    ...refusals('`totp_no_pending_enrolment`, `totp_code_incorrect`'),
  },
})
const disableRoute = createRoute({
  ...authed('/disable', 'totpDisable', 'Remove the authenticator app, with a current code'),
  request: withCode,
  responses: {
    200: { description: 'Removed', content: json(doneResult('disabled')) },
    ...refusals('`totp_not_enrolled`, `totp_code_incorrect`'),
  },
})

export function mountEnrolment(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<TotpSettings>,
  codes: CodeChecker,
): void {
  const store = totpStore(ctx.sql)
  const self = (c: Context<AppEnv>) => {
    const { userId, appId } = c.get('principal')
    return { userId, appId, actorId: userId }
  }
  /**
   * Runs `spend(step)` when `code` is right for `sealed` (under the person's own attempt limit,
   * so a stolen access token alone cannot guess its way to removing the authenticator).
   */
  async function withProof(
    c: Context<AppEnv>,
    action: string,
    sealed: string,
    code: string,
    spend: (step: number) => Promise<boolean>,
  ) {
    const who = self(c)
    await codes.reserve(`user:${who.userId}`)
    const step = await codes.match(who.userId, sealed, code)
    const ok = step !== null && (await spend(step))
    await codes.audit(c, action, ok, who)
    if (!ok) throw ctx.errors.error('totp_code_incorrect')
    await codes.forget(`user:${who.userId}`)
  }

  router.openapi(startRoute, async (c) => {
    const { userId } = c.get('principal')
    await ctx.limits.consume(ctx.pluginId, 'enrolPerUser', userId)
    const user = await ctx.identity.users.get(userId)
    if (!user) throw ctx.errors.error('unauthorized')
    const secret = cryptoUtils.randomBytes(20)
    const now = ctx.now()
    const expiresAt = new Date(now.getTime() + ctx.settings.enrolmentMinutes * 60_000).toISOString()
    await store.savePending(
      userId,
      await (await codes.vault()).seal(userId, secret),
      expiresAt,
      now.toISOString(),
    )
    await codes.audit(c, 'totp.enrol_start', true, self(c))
    const text = base32Encode(secret)
    const account = user.email ?? user.phone ?? user.id
    const uri = otpauthUri(ctx.settings.issuer, account, text, PERIOD_SECONDS)
    return c.json({ secret: text, otpauthUri: uri, expiresAt }, 200)
  })

  router.openapi(confirmRoute, async (c) => {
    const { userId } = c.get('principal')
    const row = await store.read(userId)
    const pending = row?.pendingSecret
    if (!pending || (row.pendingExpiresAt ?? '') <= ctx.now().toISOString()) {
      throw ctx.errors.error('totp_no_pending_enrolment')
    }
    const { code, currentCode } = c.req.valid('json')
    const active = row.secret
    if (active) {
      // Replacing needs the authenticator in use too: an access token alone (maybe stolen)
      // must not swap in an attacker's app. A lost one is removed by an administrator.
      await withProof(c, 'totp.enrol', active, currentCode ?? '', (step) =>
        store.useStep(userId, active, step),
      )
    }
    // Conditional on this pending secret: of two confirmations, or a newer /enrol, one wins.
    const now = ctx.now().toISOString()
    await withProof(c, 'totp.enrol', pending, code, (step) =>
      store.confirm(userId, pending, step, now),
    )
    return c.json({ enrolled: true as const }, 200)
  })

  router.openapi(disableRoute, async (c) => {
    const { userId } = c.get('principal')
    const secret = (await store.read(userId))?.secret
    if (!secret) throw ctx.errors.error('totp_not_enrolled')
    await withProof(c, 'totp.disable', secret, c.req.valid('json').code, (step) =>
      store.remove(userId, secret, step),
    )
    return c.json({ disabled: true as const }, 200)
  })
}
