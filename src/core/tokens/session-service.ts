import { randomId, randomToken, sha256Hex } from '../crypto.ts'
import type { CoreServices } from '../services.ts'
import type { SessionService, SignInRequest } from '../identity/services.ts'
import type { App, AuditEntry, Session, TokenSet } from '../identity/types.ts'
import type { ClientAppTypePlugin } from '../plugin.ts'
import { registerTokenErrors, tokenError, type TokenErrorCode } from './errors.ts'
import { signAccessToken } from './jwt.ts'
import { keysFor, parseSigningKeys } from './keys.ts'
import { earliest, findAppType, resolveSessionPolicy, seconds } from './policy.ts'
import {
  findByRefreshToken,
  insertSession,
  listActiveSessions,
  revokeSession,
  revokeUserSessions,
  rolesOf,
  rotateRefreshToken,
} from './session-store.ts'

/**
 * Sessions and tokens. Auditing: this service audits what it decides itself — every `signIn`
 * outcome (`sign_in.<method>`: success, failure, or denied for app_access_denied) and refresh
 * refusals that matter for security (`token.refresh_reuse`, `token.refresh` for blocked users or
 * lost app access). Successful refreshes are not audited (the session's last_used_at records
 * them). `revoke`/`revokeAll` are NOT audited here: they have no actor, so their callers (the
 * admin API, /v1/me routes, logout) audit with who did it.
 */
export function createSessionService(core: CoreServices): SessionService {
  registerTokenErrors(core)
  // Fail at startup, not at the first sign-in, when SIGNING_KEYS is malformed.
  if (core.config.SIGNING_KEYS) parseSigningKeys(core.config.SIGNING_KEYS)

  const audit = (entry: AuditEntry) => core.identity.audit.record(entry)

  async function issue(input: {
    session: Pick<Session, 'id' | 'userId' | 'expiresAt'>
    app: App
    type: ClientAppTypePlugin
    roleIds: string[]
    userKind: string
    refreshToken: string
    now: Date
  }): Promise<TokenSet> {
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
      return tokenError(core, code)
    }
    const type = findAppType(core, app.type)
    if (!type) throw await refuse('app_not_found')
    // The client proves itself first, like at the token endpoint: a confidential app's tokens
    // must never be handed to whoever merely knows its client id.
    const secret = request.clientSecret ?? undefined
    if (type.clientKind === 'confidential' || secret !== undefined) {
      if (!secret || !(await core.identity.apps.verifySecret(app.id, secret))) {
        throw await refuse('invalid_client')
      }
    }
    if (user.status === 'blocked') throw await refuse('account_blocked')
    if (user.status !== 'active') throw await refuse('account_not_active')
    if (!app.enabled) throw await refuse('app_disabled')
    if (!app.signInMethods.includes(method)) throw await refuse('sign_in_method_not_allowed')
    const roles = await rolesOf(core.sql, user.id)
    if (!roles.some((role) => role.appTypes.includes(app.type))) {
      throw await refuse('app_access_denied', 'denied')
    }

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
    await insertSession(core.sql, { session, refreshTokenHash: await sha256Hex(refreshToken) })
    const tokens = await issue({
      session,
      app,
      type,
      roleIds: roles.map((role) => role.id),
      userKind: user.kind,
      refreshToken,
      now,
    })
    await audit({ ...base, result: 'success', details: { sessionId: session.id } })
    return tokens
  }

  async function refresh(
    refreshToken: string,
    clientId: string,
    context: { ip: string | null; requestId?: string | null },
  ): Promise<TokenSet> {
    const now = core.now()
    const oldHash = await sha256Hex(refreshToken)
    const presented = await findByRefreshToken(core.sql, oldHash)
    // A token of another client is treated as unknown: it proves nothing about this one.
    if (!presented || presented.session.appId !== clientId) throw tokenError(core, 'invalid_grant')
    const { session } = presented
    const auditBase: AuditEntry = {
      actorType: 'app',
      actorId: clientId,
      action: 'token.refresh',
      targetType: 'user',
      targetId: session.userId,
      result: 'failure',
      ip: context.ip,
      requestId: context.requestId ?? null,
      appId: clientId,
    }
    const endSession = async (reason: string, result: AuditEntry['result'], action?: string) => {
      const revoked = await revokeSession(core.sql, session.id, reason, now.toISOString())
      await audit({
        ...auditBase,
        ...(action ? { action } : {}),
        result,
        details: { reason, sessionId: session.id, sessionWasActive: revoked },
      })
    }
    const onReuse = async (): Promise<never> => {
      // RFC 9700 §4.14.2: a used token shows up again, so one of the two holders is not the
      // legitimate client; end the whole family (the session) so the newest token dies too.
      await endSession('refresh_token_reuse', 'denied', 'token.refresh_reuse')
      throw tokenError(core, 'invalid_grant')
    }

    if (session.revokedAt) throw tokenError(core, 'invalid_grant')
    if (presented.usedAt) return onReuse()
    const nowIso = now.toISOString()
    if (nowIso >= session.expiresAt || nowIso >= session.idleExpiresAt) {
      throw tokenError(core, 'invalid_grant', 'The session has expired: sign in again.')
    }
    if (presented.userStatus !== 'active') {
      await endSession(
        presented.userStatus === 'blocked' ? 'user_blocked' : 'user_not_active',
        'denied',
      )
      throw tokenError(core, 'invalid_grant', 'The account is not active: sign in again.')
    }
    const app = await core.identity.apps.get(clientId)
    const type = app ? findAppType(core, app.type) : undefined
    if (!app || !type) throw tokenError(core, 'invalid_grant')
    if (!app.enabled) throw tokenError(core, 'app_disabled')
    const roles = await rolesOf(core.sql, session.userId)
    if (!roles.some((role) => role.appTypes.includes(app.type))) {
      await endSession('app_access_revoked', 'denied')
      throw tokenError(core, 'app_access_denied')
    }

    const policy = resolveSessionPolicy(type, app)
    const idleExpiresAt = earliest(
      seconds(now, policy.refreshTokenIdleTtlSeconds),
      new Date(session.expiresAt),
    )
    const nextToken = randomToken()
    const won = await rotateRefreshToken(core.sql, {
      oldHash,
      newHash: await sha256Hex(nextToken),
      sessionId: session.id,
      now: nowIso,
      idleExpiresAt: idleExpiresAt.toISOString(),
    })
    // Lost the race to a concurrent use of the same token (or the session was just revoked):
    // indistinguishable from replay, so it is handled as one.
    if (!won) return onReuse()
    return issue({
      session,
      app,
      type,
      roleIds: roles.map((role) => role.id),
      userKind: presented.userKind,
      refreshToken: nextToken,
      now,
    })
  }

  return {
    signIn,
    refresh,
    list: (userId) => listActiveSessions(core.sql, userId, core.now().toISOString()),
    async revoke(sessionId, reason) {
      await revokeSession(core.sql, sessionId, reason, core.now().toISOString())
    },
    revokeAll: (userId, reason) =>
      revokeUserSessions(core.sql, userId, reason, core.now().toISOString()),
  }
}
