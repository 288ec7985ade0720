/**
 * Sending a code. Known and unknown logins go through the same checks, limits and state writes
 * and get the same answer; only a reachable account (active, or invited where first sign-in is
 * allowed) gets a real challenge and a message. Others get a decoy challenge no code matches.
 */
import { randomDigits, randomToken, base64UrlEncode, randomBytes } from '../crypto.ts'
import { coreError, ApiError } from '../errors.ts'
import { DeliveryError, type DeliveryReceipt } from '../delivery.ts'
import { maskRecipient } from '../delivery/mask.ts'
import { normalizePhone, parseLogin } from '../identity/normalize.ts'
import type { App, User } from '../identity/types.ts'
import type { EngineContext, OtpRequestContext } from './engine.ts'
import { pickLocale } from './engine.ts'
import { isReachable } from './reachability.ts'
import { attemptsForNextCode, otpKeys, replaceChallenge } from './limits.ts'
import { admitSend, refundSend, sendAdmission, type SendLimitSubjects } from './send-admission.ts'
import { appOtpSettings, type AnyOtpSettings } from './settings.ts'

export interface SendResult {
  challengeId: string
  method: string
  channel: 'sms' | 'email' | 'call'
  codeLength: number
  expiresInSeconds: number
  resendAfterSeconds: number
  /** The login, masked (the client typed it: this reveals nothing). */
  sentTo: string
}

/** What the challenge keeps besides the code hash; returned when the right code arrives. */
export interface ChallengePayload {
  v: 1
  method: string
  appId: string
  /** Null for a decoy (unknown or unreachable login): no code ever matches it. */
  userId: string | null
  /** The user was `invited`: a right code leads to password creation (R4), not tokens. */
  firstSignIn: boolean
  issuedAt: string
}

function parseFor<S extends AnyOtpSettings>(ctx: EngineContext<S>, raw: string): string {
  const parsed = parseLogin(raw)
  const kind = ctx.method.loginKind
  if (!parsed) {
    const message = kind === 'phone' ? 'Not a valid phone number.' : 'Not a valid e-mail address.'
    throw coreError('validation_failed', message, { fields: [{ field: 'login', message }] })
  }
  if (parsed.kind !== kind) {
    throw ctx.core.errors.error(
      'login_kind_not_supported',
      kind === 'phone'
        ? 'This method sends codes to phones; enter a mobile phone number.'
        : 'This method sends codes by e-mail; enter an e-mail address.',
    )
  }
  return parsed.value
}

function limitSubjects(
  ip: string,
  loginKey: string,
  login: string,
  s: AnyOtpSettings,
  kind: string,
) {
  const subjects: SendLimitSubjects = { ip, loginKey }
  if (kind === 'phone') {
    const phone = normalizePhone(login)
    subjects.prefix = login.replace(/\D/g, '').slice(0, s.prefixDigits ?? 7)
    subjects.country = phone.ok ? (phone.country ?? 'unknown') : 'unknown'
  }
  return subjects
}

/**
 * Only an address or number the provider refuses is the recipient's fault (422); anything on
 * our side of the provider (down, bad credentials, no balance) is "try again later" (503).
 */
function deliveryFailure(error: unknown): ApiError {
  if (
    error instanceof DeliveryError &&
    (error.code === 'invalid_recipient' || error.code === 'region_not_allowed')
  ) {
    return new ApiError(
      'otp_recipient_rejected',
      422,
      error.code === 'region_not_allowed'
        ? 'Codes cannot be delivered to this region.'
        : 'The code could not be delivered to this address or number.',
      { reason: error.code },
    )
  }
  return new ApiError(
    'otp_delivery_unavailable',
    503,
    'The code could not be sent right now; try again in a minute.',
    { reason: 'provider_unavailable' },
  )
}

export async function runSend<S extends AnyOtpSettings>(
  ctx: EngineContext<S>,
  input: { login: string; clientId: string },
  request: OtpRequestContext,
): Promise<SendResult> {
  const startedAt = Date.now()
  const { core, method } = ctx
  const login = parseFor(ctx, input.login)
  const app = await ctx.appFor(input.clientId)
  const settings = ctx.settingsFor(app)
  method.assertAccepts?.(login, settings)

  const keys = await ctx.keys()
  const loginKey = await keys.loginKey(login)
  // Lockout, resend wait and every send limit in one atomic step: counted only if all pass.
  const admission = sendAdmission(
    method.id,
    settings,
    limitSubjects(request.ip, loginKey, login, settings, method.loginKind),
  )
  const { ticket, failures } = await admitSend(core.state, core.errors, admission)

  const user = await core.identity.users.findByLogin(login)
  const reachable = await isReachable(ctx, user, login, app, settings)
  const nonce = base64UrlEncode(randomBytes(16))
  const challengeId = await keys.sealChallengeId({ method: method.id, login, nonce })
  const ttlMs = settings.ttlSeconds * 1000
  const payload: ChallengePayload = {
    v: 1,
    method: method.id,
    appId: app.id,
    userId: reachable ? (user as User).id : null,
    firstSignIn: reachable && user?.status === 'invited',
    issuedAt: core.now().toISOString(),
  }
  const challenge = {
    payload: JSON.stringify(payload),
    maxAttempts: attemptsForNextCode(settings, failures),
  }

  if (!reachable) {
    // A decoy: same keys, same lifetime, same attempts; its secret matches no code.
    await replaceChallenge(
      core.state,
      loginKey,
      nonce,
      { ...challenge, secret: randomToken() },
      ttlMs,
    )
  } else {
    try {
      await deliverChallenge(ctx, {
        app,
        settings,
        login,
        loginKey,
        nonce,
        challenge,
        ttlMs,
        request,
      })
    } catch (error) {
      await refundSend(core.state, admission, ticket)
      await audit(ctx, app, user, request, 'failure', { reason: 'delivery_failed' })
      if (error instanceof ApiError) throw error
      throw method.deliveryError?.(error, app) ?? deliveryFailure(error)
    }
    ctx.timing.observe(Date.now() - startedAt)
  }
  await ctx.timing.padFrom(startedAt, settings.decoyMinDelayMs)
  await audit(ctx, app, reachable ? user : null, request, 'success', {})
  return {
    challengeId,
    method: method.id,
    channel: method.channel,
    codeLength: settings.codeLength,
    expiresInSeconds: settings.ttlSeconds,
    resendAfterSeconds: settings.resendAfterSeconds,
    sentTo: maskRecipient(login),
  }
}

async function deliverChallenge<S extends AnyOtpSettings>(
  ctx: EngineContext<S>,
  input: {
    app: App
    settings: S
    login: string
    loginKey: string
    nonce: string
    challenge: { payload: string; maxAttempts: number }
    ttlMs: number
    request: OtpRequestContext
  },
): Promise<void> {
  const { core, method } = ctx
  const keys = await ctx.keys()
  const message = {
    channel: method.channel,
    to: input.login,
    purpose: 'sign-in-code',
    appId: input.app.id,
    idempotencyKey: `otp:${input.nonce}`,
    ...(input.request.ip && input.request.ip !== 'unknown' ? { clientIp: input.request.ip } : {}),
  }
  const store = async (code: string) => {
    const secret = await keys.codeHash({
      nonce: input.nonce,
      method: method.id,
      appId: input.app.id,
      code,
    })
    await replaceChallenge(
      core.state,
      input.loginKey,
      input.nonce,
      { ...input.challenge, secret },
      input.ttlMs,
    )
  }
  const deliveryContext = input.request.requestId
    ? { requestId: input.request.requestId }
    : undefined
  if (method.code === 'receipt') {
    // Flash call: the provider picks the calling number; its last digits are the code.
    const receipt: DeliveryReceipt = await core.delivery.send(message, deliveryContext)
    const digits = (receipt.callerDigits ?? '').replace(/\D/g, '')
    if (digits.length < input.settings.codeLength) {
      throw new DeliveryError('provider_rejected', 'The provider reported no caller digits.')
    }
    await store(digits.slice(-input.settings.codeLength))
    return
  }
  const code = randomDigits(input.settings.codeLength)
  // Stored before sending: a fast auto-fill must find the challenge in place.
  await store(code)
  const composed = method.compose?.({
    code,
    app: input.app,
    locale: pickLocale(input.request.acceptLanguage, appOtpSettings(input.app).locale),
    settings: input.settings,
    domain: webOtpDomain(input.app, core.config.PUBLIC_URL),
  })
  try {
    await core.delivery.send({ ...message, ...composed }, deliveryContext)
  } catch (error) {
    await core.state.delete(otpKeys.challenge(input.loginKey, input.nonce))
    throw error
  }
}

export function webOtpDomain(app: App, publicUrl: string): string {
  const configured = appOtpSettings(app).webOtpDomain
  return typeof configured === 'string' && configured ? configured : new URL(publicUrl).hostname
}

async function audit<S extends AnyOtpSettings>(
  ctx: EngineContext<S>,
  app: App,
  user: User | null,
  request: OtpRequestContext,
  result: 'success' | 'failure',
  details: Record<string, unknown>,
): Promise<void> {
  await ctx.core.identity.audit.record({
    actorType: 'anonymous',
    action: 'otp.send',
    targetType: user ? 'user' : null,
    targetId: user?.id ?? null,
    result,
    ip: request.ip,
    requestId: request.requestId,
    appId: app.id,
    details: {
      method: ctx.method.id,
      channel: ctx.method.channel,
      delivered: user !== null,
      ...details,
    },
  })
}
