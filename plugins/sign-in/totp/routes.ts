import type { Context } from 'hono'
import * as z from 'zod'
import {
  access,
  type AppEnv,
  createRoute,
  cryptoUtils,
  errorResponse,
  jsonBody,
  jsonResponse,
  type OpenAPIHono,
  passwords,
  type PluginContext,
  requireAuth,
  sessions,
  signInFailed,
} from 'propusk/plugin'
import type { TotpSettings } from './index.ts'
import { totpStore } from './store.ts'
import { base32Encode, matchStep, timeStep } from './totp.ts'
import { secretVault } from './vault.ts'

const code = z.string().regex(/^\d{6}$/, 'must be the 6 digits the app shows')
const signInBody = z.object({
  login: z.string().trim().min(3).max(320).describe('Phone or e-mail'),
  code,
  clientId: z.string().min(1).max(200),
  clientSecret: z.string().min(1).max(500).optional().describe('Confidential apps (or Basic)'),
  deviceLabel: z.string().trim().max(200).optional(),
})
const enrolled = z.object({ secret: z.string(), otpauthUri: z.string(), expiresAt: z.string() })
// Replacing an enrolled app takes a code of the old one too (`currentCode`).
const confirmBody = z.object({ code, currentCode: code.optional() })
const confirmed = z.object({ enrolled: z.boolean() })
const admin = requireAuth({ appTypes: ['admin-console'], permission: 'users:write' })

/** A POST route of a signed-in caller (`auth`), or with `auth` null the public sign-in. */
function post<B extends z.ZodType, R extends z.ZodType>(
  path: string,
  summary: string,
  body: B,
  result: R,
  auth: ReturnType<typeof requireAuth> | null = requireAuth(),
) {
  return createRoute({
    method: 'post',
    path,
    operationId: `totp${path.replace(/[/-](\w)/g, (_, letter: string) => letter.toUpperCase())}`,
    summary,
    tags: ['Authenticator app'],
    // At sign-in a confidential app sends its secret as HTTP Basic or in the body.
    security: auth ? access.bearer : access.optionalClientBasic,
    middleware: auth ? [auth] : [],
    request: { body: { ...jsonBody(body), required: !body.safeParse(undefined).success } },
    responses: {
      200: jsonResponse('Done', result),
      400: errorResponse('`validation_failed`, `app_not_found`, `totp_*`'),
      401: errorResponse('`invalid_credentials` (also: no app enrolled, a used code)'),
      403: errorResponse('`forbidden`; at sign-in `app_access_denied`, `account_blocked`, …'),
      429: errorResponse('`too_many_attempts` (with Retry-After), `rate_limited`'),
    },
  })
}
const tokens = sessions.tokenResponse
const signIn = post('/sign-in', 'Sign in with a code from the app', signInBody, tokens, null)
const enrol = post('/enrol', 'Start enrolling an app', z.object({}).optional(), enrolled)
const confirm = post('/enrol/confirm', 'Confirm with a first code', confirmBody, confirmed)
const reset = post(
  '/reset',
  "Administrators: remove a person's app (a lost phone)",
  z.object({ userId: z.string().max(100) }),
  z.object({ removed: z.boolean() }),
  admin,
)
type C = Context<AppEnv>

export function mountTotpRoutes(router: OpenAPIHono<AppEnv>, ctx: PluginContext<TotpSettings>) {
  const store = totpStore(ctx.sql)
  const vault = secretVault(ctx.config)
  // Settings are live (edited in the console): each attempt takes the current policy.
  const limiter = () => {
    const { maxFailures, lockoutSeconds, maxLockoutSeconds } = ctx.settings
    return ctx.attempts.limiter({
      maxFailures,
      baseSeconds: lockoutSeconds,
      maxSeconds: maxLockoutSeconds,
    })
  }
  /** The step (±1) `code` matches, or null. Reserved first: racing guesses stay within the limit. */
  async function check(subject: string, userId: string, sealed: string | null, code: string) {
    const reserved = await limiter().reserve(subject)
    if (!reserved.ok) throw signInFailed('too_many_attempts', reserved)
    const secret = sealed ? await vault.open(userId, sealed) : null
    if (sealed && !secret) ctx.log.error('a TOTP secret does not open: was OTP_SECRET changed?')
    return matchStep(secret, code, timeStep(ctx.now()))
  }
  /** By the signed-in caller, or at sign-in (`appId` given) by an anonymous one. */
  function audit(c: C, action: string, target: string | null, reason?: string, appId?: string) {
    const actor = appId ? null : c.get('principal')
    return ctx.identity.audit.record({
      action,
      actorType: actor ? 'user' : 'anonymous',
      actorId: actor?.userId ?? null,
      appId: appId ?? actor?.appId ?? null,
      targetType: target && 'user',
      targetId: target,
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
      result: reason ? 'failure' : 'success',
      ...(reason ? { details: { reason } } : {}),
    })
  }
  /** Spends a step of `sealed` with the signed-in person's `code`, under their own limit. */
  async function prove(c: C, sealed: string, code: string, spend: (s: number) => Promise<boolean>) {
    const { userId } = c.get('principal')
    const step = await check(`user:${userId}`, userId, sealed, code)
    const ok = step !== null && (await spend(step))
    await audit(c, 'totp.enrol', userId, ok ? undefined : 'wrong_code')
    if (!ok) throw ctx.errors.error('totp_code_incorrect')
    await limiter().clear(`user:${userId}`)
  }

  router.openapi(signIn, async (c) => {
    await ctx.limits.consume(ctx.pluginId, 'signInPerIp', c.get('clientIp'))
    const body = c.req.valid('json')
    const app = await ctx.identity.apps.get(body.clientId)
    if (!app) throw ctx.errors.error('app_not_found')
    const client = sessions.presentedClientSecret(
      app.id,
      body.clientSecret,
      c.req.header('authorization'),
    )
    if (!client.ok) throw ctx.errors.error('invalid_client')
    // Per login, known or not, so the limiter's answers say nothing about which accounts exist.
    const subject = await passwords.loginLockoutSubject(body.login)
    const user = await ctx.identity.users.findByLogin(body.login)
    const sealed = (await store.read(user?.id ?? ''))?.secret ?? null
    const step = await check(subject, user?.id ?? '', sealed, body.code).catch(async (error) => {
      await audit(c, 'sign_in.totp', user?.id ?? null, 'paused', app.id)
      throw error
    })
    // The conditional UPDATE spends the step: a replay, even a racing one, finds it used.
    if (!user || !sealed || step === null || !(await store.useStep(user.id, sealed, step))) {
      const why = !sealed ? 'no_authenticator' : step === null ? 'wrong_code' : 'code_used'
      await audit(c, 'sign_in.totp', user?.id ?? null, why, app.id)
      throw signInFailed('invalid_credentials', { message: 'Wrong login or code.' })
    }
    await limiter().clear(subject)
    // The session service checks the app's secret, the person, the app and their roles (R7).
    const tokens = await ctx.identity.sessions.signIn({
      user,
      app,
      method: ctx.pluginId,
      ip: c.get('clientIp'),
      userAgent: c.req.header('user-agent') ?? null,
      deviceLabel: body.deviceLabel ?? null,
      requestId: c.get('requestId'),
      clientSecret: client.secret,
    })
    return c.json(sessions.toTokenResponse(tokens), 200)
  })

  router.openapi(enrol, async (c) => {
    const user = await ctx.identity.users.get(c.get('principal').userId)
    if (!user) throw ctx.errors.error('unauthorized')
    const secret = cryptoUtils.randomBytes(20)
    const now = ctx.now()
    const expiresAt = new Date(now.getTime() + ctx.settings.enrolmentMinutes * 60_000).toISOString()
    const sealed = await vault.seal(user.id, secret)
    await store.savePending(user.id, sealed, expiresAt, now.toISOString())
    const issuer = encodeURIComponent(ctx.settings.issuer)
    const account = encodeURIComponent(user.email ?? user.phone ?? user.id)
    // encodeURIComponent, not URLSearchParams: apps show a `+` literally where a space was meant.
    const query = `secret=${base32Encode(secret)}&issuer=${issuer}&algorithm=SHA1&digits=6&period=30`
    const otpauthUri = `otpauth://totp/${issuer}:${account}?${query}`
    return c.json({ secret: base32Encode(secret), otpauthUri, expiresAt }, 200)
  })

  router.openapi(confirm, async (c) => {
    const { userId } = c.get('principal')
    const { code, currentCode } = c.req.valid('json')
    const { secret, pending, expiresAt } = (await store.read(userId)) ?? {}
    if (!pending || (expiresAt ?? '') <= ctx.now().toISOString()) {
      throw ctx.errors.error('totp_no_pending_enrolment')
    }
    // A (maybe stolen) access token alone must not swap in another app: the old one proves too.
    if (secret) {
      await prove(c, secret, currentCode ?? '', (step) => store.useStep(userId, secret, step))
    }
    const now = ctx.now().toISOString()
    // Conditional on this pending secret: of two confirmations, or a newer /enrol, one wins.
    await prove(c, pending, code, (step) => store.confirm(userId, pending, step, now))
    return c.json({ enrolled: true }, 200)
  })

  // A lost phone: the person cannot prove the old app, so an administrator removes it.
  router.openapi(reset, async (c) => {
    const { userId } = c.req.valid('json')
    const removed = await store.remove(userId)
    await audit(c, 'totp.reset', userId)
    return c.json({ removed }, 200)
  })
}
