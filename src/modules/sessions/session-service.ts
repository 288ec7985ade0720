import { randomId, randomToken, sha256Hex } from '../../kernel/crypto.ts'
import type { SessionsDeps } from './deps.ts'
import type { SessionService, SignInRequest, AuditEntry, TokenSet } from '../identity/index.ts'
import { registerTokenErrors, tokenError, type TokenErrorCode } from '../clients/index.ts'
import { signAccessToken } from './jwt.ts'
import { keysFor, parseSigningKeys } from './keys.ts'
import {
  earliest,
  findAppType,
  proveClient,
  resolveSessionPolicy,
  seconds,
} from '../clients/index.ts'
import { isClientTicket } from './client-ticket.ts'
import { createRefresh, type IssueInput } from './session-refresh.ts'
import {
  listActiveSessions,
  openSession,
  revokeSession,
  revokeUserSessions,
} from './session-store.ts'

/**
 * Sessions and tokens. Auditing: this service audits what it decides itself — every `signIn`
 * outcome (`sign_in.<method>`: success, failure, or denied for app_access_denied) and refresh
 * refusals that matter for security (`token.refresh_reuse`, `token.refresh` for blocked users or
 * lost app access), and refreshes served again inside the grace window
 * (`token.refresh_retry`, session-refresh.ts). First refreshes are not audited (the session's
 * last_used_at records them). `revoke`/`revokeAll` are NOT audited here: they have no actor, so their callers (the
 * admin API, /v1/me routes, logout) audit with who did it.
 */
export function createSessionService(core: SessionsDeps): SessionService {
  registerTokenErrors(core)
  // Fail at startup, not at the first sign-in, when SIGNING_KEYS is malformed.
  if (core.config.SIGNING_KEYS) parseSigningKeys(core.config.SIGNING_KEYS)

  const audit = (entry: AuditEntry) => core.identity.audit.record(entry)

  async function issue(input: IssueInput): Promise<TokenSet> {
    const policy = resolveSessionPolicy(input.type, input.app)
    const expiresAt = earliest(
      seconds(input.now, policy.accessTokenTtlSeconds),
      new Date(input.session.expiresAt),
    )
    const accessToken = await signAccessToken(await keysFor(core), {
      issuer: core.config.PUBLIC_URL,
      clientId: input.app.id,
      userId: input.session.userId,
      sessionId: input.session.id,
      appType: input.app.type,
      roleIds: input.roleIds,
      userKind: input.userKind,
      now: input.now,
      expiresAt,
    })
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: Math.max(0, Math.floor((expiresAt.getTime() - input.now.getTime()) / 1000)),
      refreshToken: input.refreshToken,
      sessionId: input.session.id,
    }
  }

  async function signIn(request: SignInRequest): Promise<TokenSet> {
    const { user, app, method } = request
    const now = core.now()
    const base: AuditEntry = {
      actorType: 'user',
      actorId: user.id,
      action: `sign_in.${method}`,
      targetType: 'user',
      targetId: user.id,
      result: 'failure',
      ip: request.ip,
      requestId: request.requestId ?? null,
      appId: app.id,
    }
    const refuse = async (code: TokenErrorCode, result: AuditEntry['result'] = 'failure') => {
      await audit({ ...base, result, details: { reason: code, appType: app.type } })
      return tokenError(code)
    }
    const type = findAppType(core, app.type)
    if (!type) throw await refuse('app_not_found')
    // The client proves itself first, like at the token endpoint: a confidential app's tokens
    // must never be handed to whoever merely knows its client id.
    const secret = request.clientSecret ?? undefined
    // The hosted sign-in pages defer client authentication to the token endpoint with a
    // one-time ticket in place of the secret (oidc/client-ticket.ts says why that is safe).
    const deferred = await isClientTicket(core.state, app.id, secret)
    const verify = (given: string) => core.identity.apps.verifySecret(app.id, given)
    if (!deferred && !(await proveClient(type, secret, verify)))
      throw await refuse('invalid_client')
    // A caller that read the person gets the refusal without a write; the session batch checks
    // all of this again in its transaction (and for a caller that passed only the id).
    if ('status' in user && user.status === 'blocked') throw await refuse('account_blocked')
    if ('status' in user && user.status !== 'active') throw await refuse('account_not_active')
    if (!app.enabled) throw await refuse('app_disabled')
    if (!app.signInMethods.includes(method)) throw await refuse('sign_in_method_not_allowed')

    const policy = resolveSessionPolicy(type, app)
    const expiresAt = seconds(now, policy.refreshTokenAbsoluteTtlSeconds)
    const idleExpiresAt = earliest(seconds(now, policy.refreshTokenIdleTtlSeconds), expiresAt)
    const refreshToken = randomToken()
    const session = {
      id: randomId('ses'),
      userId: user.id,
      appId: app.id,
      method,
      deviceLabel: request.deviceLabel ?? null,
      ip: request.ip,
      userAgent: request.userAgent?.slice(0, 500) ?? null,
      createdAt: now.toISOString(),
      lastUsedAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      idleExpiresAt: idleExpiresAt.toISOString(),
    }
    // The role check, the writes and the audit entry of either outcome: one round trip.
    const opened = await openSession(core.sql, {
      session,
      refreshTokenHash: await sha256Hex(refreshToken),
      appType: app.type,
      audit: {
        opened: { ...base, result: 'success', details: { sessionId: session.id } },
        denied: {
          ...base,
          result: 'denied',
          details: { reason: 'app_access_denied', appType: app.type },
        },
        at: now,
      },
    })
    if (!opened.opened) {
      // The batch audited a refusal by the roles; any other changed since the caller's read.
      if (opened.reason === 'app_access_denied') throw tokenError('app_access_denied')
      if (opened.reason !== 'account_gone') throw await refuse(opened.reason)
      await audit({ ...base, details: { reason: opened.reason, appType: app.type } })
      throw tokenError('account_not_active')
    }
    return issue({
      session,
      app,
      type,
      roleIds: opened.roleIds,
      userKind: opened.userKind,
      refreshToken,
      now,
    })
  }

  return {
    signIn,
    refresh: createRefresh(core, issue),
    list: (userId) => listActiveSessions(core.sql, userId, core.now().toISOString()),
    async revoke(sessionId, reason) {
      await revokeSession(core.sql, sessionId, reason, core.now().toISOString())
    },
    revokeAll: (userId, reason) =>
      revokeUserSessions(core.sql, userId, reason, core.now().toISOString()),
  }
}
