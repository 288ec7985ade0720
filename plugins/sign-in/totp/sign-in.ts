import {
  access,
  type AppEnv,
  createRoute,
  cryptoUtils,
  logins,
  type OpenAPIHono,
  type PluginContext,
  sessions,
} from 'propusk/plugin'
import type { CodeChecker } from './codes.ts'
import { errorResponse, signInBody, type TotpSettings } from './schema.ts'
import { totpStore } from './store.ts'

const signInRoute = createRoute({
  method: 'post',
  path: '/sign-in',
  operationId: 'totpSignIn',
  tags: ['Authenticator app'],
  summary: 'Sign in to an app with a phone or e-mail and a code from an authenticator app',
  security: access.optionalClientBasic, // or a confidential app's secret in the body
  request: { body: { required: true, content: { 'application/json': { schema: signInBody } } } },
  responses: {
    200: {
      description: 'Signed in',
      content: { 'application/json': { schema: sessions.tokenResponse } },
    },
    400: errorResponse('`validation_failed`, `app_not_found`'),
    401: errorResponse(
      '`totp_invalid_credentials` (no account, no authenticator, wrong or used code), `invalid_client`',
    ),
    403: errorResponse(
      '`account_blocked`, `app_access_denied`, `app_disabled`, `sign_in_method_not_allowed`',
    ),
    429: errorResponse('`totp_too_many_attempts` (with Retry-After) or `rate_limited`'),
  },
})

export function mountSignIn(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<TotpSettings>,
  codes: CodeChecker,
): void {
  const store = totpStore(ctx.sql)
  router.openapi(signInRoute, async (c) => {
    await ctx.limits.consume(ctx.pluginId, 'signInPerIp', c.get('clientIp'))
    const body = c.req.valid('json')
    const app = await ctx.identity.apps.get(body.clientId)
    if (!app) throw ctx.errors.error('app_not_found')
    const client = sessions.presentedClientSecret(
      app.id,
      body.clientSecret,
      c.req.header('authorization'),
    )
    // Checked before the code is spent (sessions.signIn checks again, too late for the code).
    const confidential = sessions.findAppType(ctx, app.type)?.clientKind === 'confidential'
    const secret = client.ok ? client.secret : null
    if (!client.ok || (confidential && !secret)) throw ctx.errors.error('invalid_client')
    if (secret && !(await ctx.identity.apps.verifySecret(app.id, secret))) {
      throw ctx.errors.error('invalid_client')
    }
    // Per login, known or not, so the limiter's answers say nothing about which accounts exist.
    const login = logins.parseLogin(body.login)?.value ?? body.login.toLowerCase()
    const subject = `login:${(await cryptoUtils.sha256Hex(login)).slice(0, 32)}`
    await codes.reserve(subject).catch(async (error: unknown) => {
      await codes.audit(c, 'sign_in.totp', false, { userId: null, appId: app.id }, 'paused')
      throw error
    })
    const user = await ctx.identity.users.findByLogin(body.login)
    // Read even for an unknown login: one query more or less would tell the two apart on Turso.
    const sealed = (await store.read(user?.id ?? ''))?.secret ?? null
    const step = await codes.match(user?.id ?? '', sealed, body.code)
    // The conditional UPDATE spends the step: a replay, even a racing one, finds it used.
    const spent = user && sealed && step !== null && (await store.useStep(user.id, sealed, step))
    if (!user || !spent) {
      const why = !user
        ? 'unknown_login'
        : !sealed
          ? 'not_enrolled'
          : step === null
            ? 'wrong_code'
            : 'code_used'
      await codes.audit(c, 'sign_in.totp', false, { userId: user?.id ?? null, appId: app.id }, why)
      throw ctx.errors.error('totp_invalid_credentials')
    }
    await codes.forget(subject)
    // Status, app, method and role (R7) checks, the session, the tokens and the success audit.
    const tokens = await ctx.identity.sessions.signIn({
      user,
      app,
      method: ctx.pluginId,
      ip: c.get('clientIp'),
      userAgent: c.req.header('user-agent') ?? null,
      deviceLabel: body.deviceLabel ?? null,
      requestId: c.get('requestId'),
      clientSecret: secret,
    })
    return c.json(sessions.toTokenResponse(tokens), 200)
  })
}
