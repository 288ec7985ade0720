import {
  access,
  ApiError,
  type AppEnv,
  coreError,
  createRoute,
  fieldIssues,
  type OpenAPIHono,
  passwords,
  type PluginContext,
  rateLimited,
  recordAudit,
  requireAuth,
  sessions,
  signInFailed,
} from 'propusk/plugin'
import type { Context } from 'hono'
import type { ZodError } from 'zod'
import { createCredentialChecker } from './credentials.ts'
import { passwordFailureMessages } from './error-codes.ts'
import {
  changeBody,
  changeResult,
  errorResponse,
  signInBody,
  type PasswordSettings,
} from './schema.ts'

const signInRoute = createRoute({
  method: 'post',
  path: '/sign-in',
  operationId: 'passwordSignIn',
  security: access.optionalClientBasic,
  tags: ['Password'],
  summary: 'Sign in to an app with a phone or e-mail and a password',
  request: { body: { required: true, content: { 'application/json': { schema: signInBody } } } },
  responses: {
    200: {
      description: 'Signed in',
      content: { 'application/json': { schema: sessions.tokenResponse } },
    },
    400: errorResponse('`validation_failed`, `app_not_found`'),
    401: errorResponse(
      '`invalid_credentials`: unknown login, wrong password or account not activated yet; ' +
        '`invalid_client`: a confidential app without its valid secret',
    ),
    403: errorResponse(
      '`account_blocked` (only after the right password), `app_access_denied`, `app_disabled`, `sign_in_method_not_allowed`',
    ),
    429: errorResponse('`too_many_attempts` (growing lockout, with Retry-After) or `rate_limited`'),
  },
})

const changeRoute = createRoute({
  method: 'post',
  path: '/change',
  operationId: 'passwordChange',
  tags: ['Password'],
  summary: "Change the signed-in user's password; ends their other sessions",
  security: [{ bearerAuth: [] }],
  middleware: [requireAuth()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: changeBody } } } },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: changeResult } } },
    400: errorResponse(
      '`current_password_incorrect`, `password_too_short`, `password_too_long`, `password_too_common`, `password_contains_identity`',
    ),
    401: errorResponse('`unauthorized`'),
    429: errorResponse('`too_many_attempts` or `rate_limited`'),
  },
})

export function mountPasswordRoutes(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<PasswordSettings>,
): void {
  const credentials = createCredentialChecker(ctx)
  const signInCredentials = createCredentialChecker(ctx, 'signInPerIp')

  /** Every refused attempt is audited, including those refused before any account is known. */
  const auditFailure = (
    c: Context<AppEnv>,
    reason: string,
    extra: { appId?: string | null; userId?: string | null; details?: Record<string, unknown> },
  ) =>
    recordAudit(c, {
      action: 'sign_in.password',
      targetType: extra.userId ? 'user' : null,
      targetId: extra.userId ?? null,
      result: 'failure',
      appId: extra.appId ?? null,
      details: { reason, ...extra.details },
    })

  async function refuseInvalid(c: Context<AppEnv>, error: ZodError): Promise<never> {
    const fields = fieldIssues(error)
    // Field names only: values (the password above all) never reach the audit log.
    const names = [...new Set(fields.map((f) => f.field))]
    await auditFailure(c, 'validation_failed', { details: { fields: names } })
    throw coreError('validation_failed', `Invalid ${names.join(', ')}.`, { fields })
  }

  router.openapi(
    signInRoute,
    async (c) => {
      const ip = c.get('clientIp')
      const requestId = c.get('requestId')
      // A request refused before its attempts are reserved (which count the per-IP limit in the
      // same state call) still counts against that limit, refused past it first.
      const countAlone = async () => {
        try {
          await ctx.limits.consume(ctx.pluginId, 'signInPerIp', ip)
        } catch (error) {
          if (error instanceof ApiError) await auditFailure(c, error.code, {})
          throw error
        }
      }
      const body = c.req.valid('json')
      // The app, the person and their hash in one read, before anything is decided.
      const { app, user, passwordHash } = await ctx.identity.users.findForSignIn(
        body.login,
        body.clientId,
      )
      if (!app) {
        await countAlone()
        await auditFailure(c, 'app_not_found', { details: { clientId: body.clientId } })
        throw ctx.errors.error('app_not_found')
      }
      const client = sessions.presentedClientSecret(
        app.id,
        body.clientSecret,
        c.req.header('authorization'),
      )
      if (!client.ok) {
        await countAlone()
        await auditFailure(c, 'invalid_client', { appId: app.id, details: { why: client.reason } })
        throw ctx.errors.error('invalid_client')
      }
      const outcome = await signInCredentials.check(
        body.login,
        user,
        body.password,
        ip,
        passwordHash,
      )
      if (!outcome.ok) {
        // Successes and refusals after the proof are audited by the session service.
        await auditFailure(c, outcome.reason, { appId: app.id, userId: user?.id ?? null })
        if (outcome.reason === 'rate_limited') throw rateLimited(outcome.retryAfterSeconds * 1000)
        if (outcome.reason === 'locked_out') {
          throw signInFailed('too_many_attempts', {
            message: passwordFailureMessages.too_many_attempts,
            retryAfterSeconds: outcome.retryAfterSeconds,
          })
        }
        throw signInFailed('invalid_credentials', {
          message: passwordFailureMessages.invalid_credentials,
        })
      }
      // The attempts go back while the session is written: one state hop off the critical path.
      const [tokens] = await Promise.all([
        ctx.identity.sessions.signIn({
          user: outcome.user,
          app,
          method: 'password',
          ip,
          userAgent: c.req.header('user-agent') ?? null,
          deviceLabel: body.deviceLabel ?? null,
          requestId,
          clientSecret: client.secret,
        }),
        outcome.released,
      ])
      return c.json(sessions.toTokenResponse(tokens), 200)
    },
    // The validator awaits the hook: the rejected promise reaches the error handler as a 400.
    (result, c) => (result.success ? undefined : (refuseInvalid(c, result.error) as never)),
  )

  router.openapi(changeRoute, async (c) => {
    const principal = c.get('principal')
    const ip = c.get('clientIp')
    const audit = { action: 'password.change', targetType: 'user', targetId: principal.userId }
    await ctx.limits.consume(ctx.pluginId, 'changePerUser', principal.userId)
    const { currentPassword, newPassword } = c.req.valid('json')
    const user = await ctx.identity.users.get(principal.userId)
    const login = user?.email ?? user?.phone ?? principal.userId
    const outcome = await credentials.check(login, user, currentPassword, ip)
    if (outcome.ok) await outcome.released
    if (!outcome.ok || !user) {
      const reason = outcome.ok ? 'unknown_user' : outcome.reason
      await recordAudit(c, { ...audit, result: 'failure', details: { reason } })
      if (!outcome.ok && outcome.reason === 'locked_out') {
        throw signInFailed('too_many_attempts', {
          message: passwordFailureMessages.too_many_attempts,
          retryAfterSeconds: outcome.retryAfterSeconds,
        })
      }
      throw ctx.errors.error('current_password_incorrect', undefined, {
        fields: [{ field: 'currentPassword', message: 'wrong password' }],
      })
    }
    const password = passwords.assertPasswordPolicy(newPassword, user, 'newPassword')
    const hash = await passwords.passwordHasher(ctx).hash(password)
    await ctx.sql.execute(passwords.setPasswordHashStatement(user.id, hash, ctx.now()))
    // Whoever else holds a session (maybe the reason for the change) is signed out; this one stays.
    const others = (await ctx.identity.sessions.list(user.id)).filter(
      (s) => s.id !== principal.sessionId,
    )
    for (const session of others) await ctx.identity.sessions.revoke(session.id, 'password_changed')
    await recordAudit(c, { ...audit, result: 'success', details: { sessionsEnded: others.length } })
    return c.json({ changed: true as const, sessionsEnded: others.length }, 200)
  })
}
