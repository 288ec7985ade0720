/**
 * Sending a code. Known and unknown logins go through the same checks, limits and state writes
 * and get the same answer; only a reachable account (active, or invited where first sign-in is
 * allowed) gets a real challenge and a message. Others get a decoy challenge no code matches.
 */
import { randomDigits, randomToken, base64UrlEncode, randomBytes } from '../../kernel/crypto.ts'
import { coreError, ApiError } from '../../kernel/errors.ts'
import { DeliveryError } from '../../kernel/delivery.ts'
import { maskRecipient } from '../delivery/index.ts'
import { normalizePhone, parseLogin, auditStatement } from '../identity/index.ts'
import type { App, AuditEntry, User } from '../identity/index.ts'
import type { SqlStatement } from '../../kernel/ports/sql.ts'
import type { EngineContext, OtpRequestContext } from './engine.ts'
import { pickLocale } from './engine.ts'
import { isReachable } from './reachability.ts'
import { otpError } from './errors.ts'
import { attemptsForNextCode, otpKeys } from './limits.ts'
import { DependencyError } from '../../kernel/ports/dependency-error.ts'
import type { StoredChallenge } from '../../kernel/ports/state.ts'
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
    throw otpError(
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
    return otpError(
      'otp_recipient_rejected',
      error.code === 'region_not_allowed'
        ? 'Codes cannot be delivered to this region.'
        : 'The code could not be delivered to this address or number.',
      { reason: error.code },
    )
  }
  return otpError('otp_delivery_unavailable', undefined, { reason: 'provider_unavailable' })
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
  // Who gets a real code is settled before anything is counted, so that the challenge can go
  // into the same atomic state step as the gates.
  // The person, what their roles grant and the phone's forwarding rule: one statement.
  const found = await core.identity.users.findForCodeSend(login)
  const user = found?.user ?? null
  const reachable = isReachable(ctx, found, login, app, settings)
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
  // A generated code is known now; a flash call's only once the call went out. A decoy gets a
  // secret no code matches, through the same state steps as its method's real challenges.
  const code = method.code === 'generated' && reachable ? randomDigits(settings.codeLength) : null
  const secret = code
    ? await keys.codeHash({ nonce, method: method.id, appId: app.id, code })
    : randomToken()
  const challenge = { secret, payload: JSON.stringify(payload), id: nonce }
  // Lockout, resend wait, every send limit and (generated codes) the challenge in one step.
  const admission = sendAdmission(
    method.id,
    settings,
    limitSubjects(request.ip, loginKey, login, settings, method.loginKind),
    method.code === 'generated'
      ? { value: { ...challenge, maxAttempts: settings.maxAttemptsPerCode }, ttlMs }
      : undefined,
  )
  const { ticket, failures } = await admitSend(core.state, admission)
  const later = { ...challenge, maxAttempts: attemptsForNextCode(settings, failures) }
  // The delivery log rows of a real send, written with its audit row in one batch at the end.
  let log: SqlStatement[] = []

  if (!reachable) {
    if (method.code === 'receipt') {
      await core.state.putChallenge(otpKeys.challenge(loginKey), later, { ttlMs })
    }
  } else {
    try {
      log = await deliverChallenge(ctx, {
        app,
        settings,
        login,
        loginKey,
        nonce,
        code,
        challenge: later,
        ttlMs,
        request,
        forwardTo: found?.forwardTo ?? null,
        personLocale: user?.locale ?? null,
      })
    } catch (error) {
      // A dependency that failed is asked nothing more (each call would wait out its deadline
      // again), and its failure is the answer: 503 dependency_unavailable, not a provider fault.
      const failed = error instanceof DependencyError ? error.dependency : null
      if (failed !== 'state') await refundSend(core.state, admission, ticket)
      if (failed !== 'sql') {
        const failure = { reason: 'delivery_failed' }
        await core.identity.audit.record(auditEntry(ctx, app, user, request, 'failure', failure))
      }
      if (failed || error instanceof ApiError) throw error
      throw method.deliveryError?.(error, app) ?? deliveryFailure(error)
    }
    ctx.timing.observe(Date.now() - startedAt)
  }
  await ctx.timing.padFrom(startedAt, settings.decoyMinDelayMs)
  const entry = auditEntry(ctx, app, reachable ? user : null, request, 'success', {})
  if (log.length === 0) await core.identity.audit.record(entry)
  else {
    try {
      await core.sql.batch([...log, auditStatement(entry, core.now())])
    } catch (error) {
      // The message went out but is not on record: the send fails as when the log row failed
      // right after the provider's answer, and does not count against the limits.
      await refundSend(core.state, admission, ticket)
      throw error
    }
  }
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

/**
 * Sends the message. A generated `code` is already stored (by the admission: a fast auto-fill
 * finds it in place); a flash call's code is the caller number's last digits, stored as
 * `challenge` once the provider reports them.
 */
async function deliverChallenge<S extends AnyOtpSettings>(
  ctx: EngineContext<S>,
  input: {
    app: App
    settings: S
    login: string
    loginKey: string
    nonce: string
    code: string | null
    challenge: StoredChallenge
    ttlMs: number
    request: OtpRequestContext
    forwardTo: string | null
    /** The person's message language (null: automatic). */
    personLocale: 'ru' | 'en' | null
  },
): Promise<SqlStatement[]> {
  const { core, method } = ctx
  const message = {
    channel: method.channel,
    to: input.login,
    purpose: 'sign-in-code',
    appId: input.app.id,
    idempotencyKey: `otp:${input.nonce}`,
    ...(input.request.ip && input.request.ip !== 'unknown' ? { clientIp: input.request.ip } : {}),
  }
  const deliveryContext = {
    ...(input.request.requestId ? { requestId: input.request.requestId } : {}),
    forwardTo: input.forwardTo,
  }
  if (input.code === null) {
    const { receipt, log } = await core.delivery.sendUnlogged(message, deliveryContext)
    const digits = (receipt.callerDigits ?? '').replace(/\D/g, '')
    if (digits.length < input.settings.codeLength) {
      throw new DeliveryError('provider_rejected', 'The provider reported no caller digits.')
    }
    const keys = await ctx.keys()
    const secret = await keys.codeHash({
      nonce: input.nonce,
      method: method.id,
      appId: input.app.id,
      code: digits.slice(-input.settings.codeLength),
    })
    await core.state.putChallenge(
      otpKeys.challenge(input.loginKey),
      { ...input.challenge, secret },
      { ttlMs: input.ttlMs },
    )
    return log
  }
  const composed = method.compose?.({
    code: input.code,
    app: input.app,
    locale: pickLocale(
      input.request.acceptLanguage,
      appOtpSettings(input.app).locale,
      message,
      input.personLocale,
    ),
    settings: input.settings,
    domain: webOtpDomain(input.app, core.config.PUBLIC_URL),
  })
  const sent = await core.delivery.sendUnlogged({ ...message, ...composed }, deliveryContext)
  return sent.log
}

export function webOtpDomain(app: App, publicUrl: string): string {
  const configured = appOtpSettings(app).webOtpDomain
  return typeof configured === 'string' && configured ? configured : new URL(publicUrl).hostname
}

function auditEntry<S extends AnyOtpSettings>(
  ctx: EngineContext<S>,
  app: App,
  user: User | null,
  request: OtpRequestContext,
  result: 'success' | 'failure',
  details: Record<string, unknown>,
): AuditEntry {
  return {
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
  }
}
