/**
 * Checking a code: one atomic state-store operation counts the check against the IP, checks the
 * login's lockout, compares the hash, counts the attempt, consumes the challenge and counts a
 * wrong code against the login (see limits.ts), so a code works once however many requests race
 * and a check costs one state round trip. Nothing binds the code to the device that
 * asked for it (R13): whoever holds the challenge id and the code may use it.
 */
import type { App, TokenSet, User } from '../identity/index.ts'
import { assertClientSecret } from '../sessions/index.ts'
import { tokenError } from '../clients/index.ts'
import { otpError } from './errors.ts'
import type { EngineContext, OtpRequestContext } from './engine.ts'
import {
  codeCheck,
  consumeVerifyLimit,
  otpLockedError,
  rateLimitedError,
  seconds,
} from './limits.ts'
import { hasAppAccess } from './reachability.ts'
import type { ChallengePayload } from './send.ts'
import { issueSetupToken } from './setup-token.ts'
import type { AnyOtpSettings } from './settings.ts'

export type VerifyResult =
  | { status: 'signed_in'; tokens: TokenSet }
  | { status: 'password_required'; setupToken: string; expiresIn: number }

function parsePayload(text: string): ChallengePayload | null {
  try {
    const payload = JSON.parse(text) as ChallengePayload
    return payload.v === 1 ? payload : null
  } catch {
    return null
  }
}

export async function runVerify<S extends AnyOtpSettings>(
  ctx: EngineContext<S>,
  input: {
    challengeId: string
    code: string
    clientId: string
    clientSecret?: string | null
    deviceLabel?: string | null
  },
  request: OtpRequestContext,
): Promise<VerifyResult> {
  const { core, method } = ctx
  const app = await ctx.appFor(input.clientId)
  const settings = ctx.settingsFor(app)
  // A check that never reaches the challenge still counts against the IP (and is refused past
  // its limit first), as one that does.
  const countAlone = () => consumeVerifyLimit(core.state, settings, request.ip)
  try {
    await assertClientSecret(core, app, input.clientSecret)
  } catch (error) {
    await countAlone()
    throw error
  }
  const keys = await ctx.keys()
  const content = await keys.openChallengeId(input.challengeId)
  const fail = async (reason: string, user: string | null = null) =>
    core.identity.audit.record({
      actorType: 'anonymous',
      action: `sign_in.${method.id}`,
      targetType: user ? 'user' : null,
      targetId: user,
      result: 'failure',
      ip: request.ip,
      requestId: request.requestId,
      appId: app.id,
      details: { reason },
    })
  if (!content || content.method !== method.id) {
    await countAlone()
    await fail('unknown_challenge')
    throw otpError('code_expired')
  }
  const loginKey = await keys.loginKey(content.login)
  const secret = await keys.codeHash({
    nonce: content.nonce,
    method: method.id,
    appId: app.id,
    code: input.code,
  })
  // A challenge replaced by a newer code (of any method) has another nonce: it answers
  // `code_expired` without counting as a wrong code against the login.
  const outcome = await core.state.checkChallenge(
    codeCheck(settings, { ip: request.ip, loginKey, nonce: content.nonce, secret }),
  )

  if (outcome.status === 'refused') {
    if (outcome.gate === 'lock') throw otpLockedError(outcome.retryAfterMs)
    throw rateLimitedError(outcome.gate, outcome.retryAfterMs)
  }
  if (outcome.status === 'missing') {
    await fail('expired_or_superseded')
    throw otpError('code_expired')
  }
  if (outcome.status !== 'ok') {
    const lockedForSeconds = outcome.lockedForMs > 0 ? seconds(outcome.lockedForMs) : 0
    // retryAfterSeconds also sets the Retry-After header, as otp_locked does.
    const lock = lockedForSeconds ? { lockedForSeconds, retryAfterSeconds: lockedForSeconds } : {}
    await fail(outcome.status === 'exhausted' ? 'attempts_exhausted' : 'wrong_code')
    if (outcome.status === 'exhausted') {
      // While locked, "request a new one" would only earn an otp_locked: say when instead.
      throw otpError(
        'code_attempts_exhausted',
        lockedForSeconds
          ? `Too many wrong codes for this login; try again in ${lockedForSeconds} s.`
          : undefined,
        { attemptsLeft: 0, ...lock },
      )
    }
    throw otpError(
      'code_invalid',
      lockedForSeconds
        ? `The code is wrong. Too many wrong codes: try again in ${lockedForSeconds} s.`
        : `The code is wrong; ${outcome.attemptsLeft} ${outcome.attemptsLeft === 1 ? 'try' : 'tries'} left.`,
      { attemptsLeft: lockedForSeconds ? 0 : outcome.attemptsLeft, ...lock },
    )
  }

  const payload = parsePayload(outcome.payload)
  if (!payload?.userId) {
    await fail('account_gone', payload?.userId ?? null)
    throw otpError('code_expired')
  }
  if (payload.firstSignIn) {
    // No session opens here, so nothing re-checks this later in SQL: the person and the app
    // are read fresh (the app above may be this isolate's copy of up to 15 s ago).
    const [user, fresh] = await Promise.all([
      core.identity.users.get(payload.userId),
      core.identity.apps.get(app.id),
    ])
    if (!user || !fresh) {
      await fail('account_gone', payload.userId)
      throw otpError('code_expired')
    }
    if (user.status === 'invited') {
      if (!fresh.enabled) throw tokenError('app_disabled')
      if (!fresh.signInMethods.includes(method.id)) {
        throw tokenError('sign_in_method_not_allowed')
      }
      // Roles may have changed since the code was sent: no setup token (and so no activation)
      // for someone who could not sign in to this app afterwards.
      if (!(await hasAppAccess(core, user, fresh, method.id))) {
        await fail('app_access_denied', user.id)
        throw tokenError('app_access_denied')
      }
      return firstSignIn(ctx, fresh, user, settings, request)
    }
  }
  // The person is not read: the session batch checks they are still active, that the app is
  // still enabled and allows this method, and that their roles grant it, in one transaction.
  const tokens = await core.identity.sessions.signIn({
    user: { id: payload.userId },
    app,
    method: method.id,
    ip: request.ip,
    userAgent: request.userAgent,
    deviceLabel: input.deviceLabel ?? null,
    requestId: request.requestId,
    clientSecret: input.clientSecret ?? null,
  })
  return { status: 'signed_in', tokens }
}

/** R4: the phone is proven; the person now creates a password (src/api/sign-in). */
async function firstSignIn<S extends AnyOtpSettings>(
  ctx: EngineContext<S>,
  app: App,
  user: User,
  settings: S,
  request: OtpRequestContext,
): Promise<VerifyResult> {
  const setupToken = await issueSetupToken(
    ctx.core.state,
    { userId: user.id, appId: app.id, method: ctx.method.id },
    settings.setupTokenTtlSeconds,
  )
  await ctx.core.identity.audit.record({
    actorType: 'user',
    actorId: user.id,
    action: `sign_in.${ctx.method.id}`,
    targetType: 'user',
    targetId: user.id,
    result: 'success',
    ip: request.ip,
    requestId: request.requestId,
    appId: app.id,
    details: { next: 'password_required' },
  })
  return { status: 'password_required', setupToken, expiresIn: settings.setupTokenTtlSeconds }
}
