import * as z from 'zod'
import {
  type AppEnv,
  cryptoUtils,
  type OpenAPIHono,
  passwords,
  type PluginContext,
  postRoute,
  recordAudit,
  requireAuth,
  sessions,
  signInFailed,
} from 'propusk/plugin'
import type { TotpSettings } from './index.ts'
import { totpStore } from './store.ts'

const code = z.string().regex(/^\d{6}$/, 'must be the 6 digits the app shows')
const signInBody = z.object({
  login: z.string().trim().min(3).max(320).describe('Phone or e-mail'),
  code,
  ...sessions.signInClientFields,
})
const tokens = sessions.tokenResponse
const enrolled = z.object({ secret: z.string(), otpauthUri: z.string(), expiresAt: z.string() })
const confirmed = z.object({ enrolled: z.boolean() })
// Replacing an enrolled app takes a code of the old one too (`currentCode`).
const confirmBody = z.object({ code, currentCode: code.optional() })
const errors = {
  400: '`validation_failed`, `app_not_found`, `totp_*`',
  401: '`invalid_credentials` (also: no app enrolled, a used code)',
  403: '`forbidden`; at sign-in `app_access_denied`, `account_blocked`, …',
  429: '`too_many_attempts` (with Retry-After), `rate_limited`',
}
const tags = ['Authenticator app']
/** A route of a signed-in caller unless `auth` says; `/enrol/confirm` is `totpEnrolConfirm`. */
function route<B extends z.ZodType, R extends z.ZodType>(
  path: string,
  summary: string,
  body: B,
  result: R,
  auth?: 'client' | ReturnType<typeof requireAuth>,
) {
  const operationId = `totp${path.replace(/[/-](\w)/g, (_, char: string) => char.toUpperCase())}`
  return postRoute({ path, operationId, summary, tags, body, result, auth, errors })
}
const admin = requireAuth({ appTypes: ['admin-console'], permission: 'users:write' })
const resetBody = z.object({ userId: z.string().max(100) })
const removed = z.object({ removed: z.boolean() })
const signIn = route('/sign-in', 'Sign in with a code from the app', signInBody, tokens, 'client')
const enrol = route('/enrol', 'Start enrolling an app', z.object({}).optional(), enrolled)
const confirm = route('/enrol/confirm', 'Confirm with a first code', confirmBody, confirmed)
const reset = route('/reset', "Administrators: remove a person's app", resetBody, removed, admin)
type C = Parameters<typeof recordAudit>[0]

export function mountTotpRoutes(router: OpenAPIHono<AppEnv>, ctx: PluginContext<TotpSettings>) {
  const store = totpStore(ctx.sql)
  // Sealed for the user id: a secret copied into another person's row does not open.
  const box = cryptoUtils.secretBox(ctx.config, 'propusk/totp/secret-at-rest/v1')
  // Settings are live (edited in the console): each attempt takes the current policy.
  const limiter = () => {
    const { maxFailures, lockoutSeconds: baseSeconds, maxLockoutSeconds: maxSeconds } = ctx.settings
    return ctx.attempts.limiter({ maxFailures, baseSeconds, maxSeconds })
  }
  /** The step (±1) `code` matches, or null. Admitted first: racing guesses stay within the limit. */
  async function check(subject: string, userId: string, sealed: string | null, code: string) {
    await limiter().admit(subject)
    const secret = sealed ? await box.open(sealed, userId) : null
    if (sealed && !secret) ctx.log.error('a TOTP secret does not open: was OTP_SECRET changed?')
    return cryptoUtils.matchTotp(secret, code, ctx.now())
  }
  const audit = (c: C, action: string, target: string | null, reason?: string, appId?: string) =>
    recordAudit(c, {
      action,
      targetType: target && 'user',
      targetId: target,
      appId,
      result: reason ? 'failure' : 'success',
      ...(reason ? { details: { reason } } : {}),
    })
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
    // The app's secret is checked before this runs: a request without it spends no code.
    return sessions.signInProven(c, ctx, body, async (app) => {
      // Per login, known or not, so the limiter's answers say nothing about which accounts exist.
      const subject = await passwords.loginLockoutSubject(body.login)
      const user = await ctx.identity.users.findByLogin(body.login)
      const sealed = (await store.read(user?.id ?? ''))?.secret ?? null
      const fail = (why: string) => audit(c, 'sign_in.totp', user?.id ?? null, why, app.id)
      const step = await check(subject, user?.id ?? '', sealed, body.code).catch(async (error) => {
        await fail('paused')
        throw error
      })
      // The conditional UPDATE spends the step: a replay, even a racing one, finds it used.
      if (!user || !sealed || step === null || !(await store.useStep(user.id, sealed, step))) {
        await fail(!sealed ? 'no_authenticator' : step === null ? 'wrong_code' : 'code_used')
        throw signInFailed('invalid_credentials', { message: 'Wrong login or code.' })
      }
      await limiter().clear(subject)
      return user
    })
  })

  router.openapi(enrol, async (c) => {
    const user = await ctx.identity.users.get(c.get('principal').userId)
    if (!user) throw ctx.errors.error('unauthorized')
    const secret = cryptoUtils.randomBytes(20)
    const now = ctx.now()
    const expiresAt = new Date(now.getTime() + ctx.settings.enrolmentMinutes * 60_000).toISOString()
    await store.savePending(user.id, await box.seal(secret, user.id), expiresAt, now.toISOString())
    const account = user.email ?? user.phone ?? user.id
    const otpauthUri = cryptoUtils.otpauthUri(ctx.settings.issuer, account, secret)
    return c.json({ secret: cryptoUtils.base32Encode(secret), otpauthUri, expiresAt }, 200)
  })

  router.openapi(confirm, async (c) => {
    const { userId } = c.get('principal')
    const { code, currentCode } = c.req.valid('json')
    const { secret, pending, expiresAt } = (await store.read(userId)) ?? {}
    const now = ctx.now().toISOString()
    if (!pending || (expiresAt ?? '') <= now) throw ctx.errors.error('totp_no_pending_enrolment')
    // A (maybe stolen) access token alone must not swap in another app: the old one proves too.
    if (secret) {
      await prove(c, secret, currentCode ?? '', (step) => store.useStep(userId, secret, step))
    }
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
