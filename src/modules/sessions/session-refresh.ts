import { sha256Hex } from '../../kernel/crypto.ts'
import type { SessionService, App, AuditEntry, Session, TokenSet } from '../identity/index.ts'
import type { ClientAppTypePlugin } from '../../kernel/plugin.ts'
import type { RefreshDeps } from './deps.ts'
import { tokenError, checkClient, findAppType } from '../clients/index.ts'
import { clientAppTypes } from '../identity/index.ts'
import { refreshInOneBatch } from './refresh-store.ts'
import { successorOf } from './refresh-successor.ts'
import type { RefreshTokenState } from './refresh-token-store.ts'
import { revokeSession } from './session-store.ts'

export interface IssueInput {
  session: Pick<Session, 'id' | 'userId' | 'expiresAt'>
  app: App
  type: ClientAppTypePlugin
  roleIds: string[]
  userKind: string
  refreshToken: string
  now: Date
}

/**
 * A reuse the grace window forgives (RFC 9700 §4.14.2 allows it): the token was rotated less
 * than `graceSeconds` ago and its successor has not been used yet. Once the successor rotated,
 * the client that holds the family has moved on, so the old token can only be a copy.
 */
export function isRetryWithinGrace(
  token: RefreshTokenState,
  now: Date,
  graceSeconds: number,
): boolean {
  if (graceSeconds <= 0 || token.usedAt === null || token.successor === null) return false
  if (token.successor.usedAt !== null) return false
  return now.getTime() - Date.parse(token.usedAt) < graceSeconds * 1000
}

/**
 * The refresh grant. Every refresh returns the successor derived from the presented token
 * (refresh-successor.ts); the first use rotates it, and a retry by the same client inside
 * REFRESH_GRACE_SECONDS gets that same successor again (with a new access token), so a
 * lost answer does not end the session. Any other reuse ends the family, as before.
 *
 * The client's own checks (its app, secret, enabled) come first, as at any token endpoint. All
 * of it is read, and the rotation made, in one round trip (refresh-store.ts); the checks below
 * choose the answer from that batch's snapshot, and must stay in step with its UPDATE.
 */
export function createRefresh(
  core: RefreshDeps,
  issue: (input: IssueInput) => Promise<TokenSet>,
): SessionService['refresh'] {
  const audit = (entry: AuditEntry) => core.identity.audit.record(entry)

  return async function refresh(refreshToken, presentedClient, context) {
    const now = core.now()
    const nowIso = now.toISOString()
    const clientId = presentedClient.id
    const oldHash = await sha256Hex(refreshToken)
    const successor = await successorOf(refreshToken, core.config.SIGNING_KEYS)
    const successorHash = await sha256Hex(successor)
    const secretHash =
      presentedClient.secret === undefined ? null : await sha256Hex(presentedClient.secret)
    const snapshot = await refreshInOneBatch(core.sql, {
      clientId,
      secretHash,
      oldHash,
      newHash: successorHash,
      now: nowIso,
      types: clientAppTypes(core.plugins),
    })
    const app = checkClient(core, snapshot.client, secretHash)
    const { presented, rotated } = snapshot
    // A refusal below must leave the token as it was: the batch's UPDATE refuses alike.
    const refused = (error: Error) => {
      if (rotated) core.log.error('refresh: rotated a token the checks refuse', { clientId })
      return error
    }
    if (!presented) throw refused(tokenError('invalid_grant'))
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
      const revoked = await revokeSession(core.sql, session.id, reason, nowIso)
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
      throw tokenError('invalid_grant')
    }
    const grace = core.config.REFRESH_GRACE_SECONDS

    if (session.revokedAt) throw refused(tokenError('invalid_grant'))
    if (session.appId !== clientId) {
      // An unused token of another client proves nothing about this one: unknown, left alone.
      // A used one has leaked, whoever presents it, and the window is for its own client only.
      if (presented.usedAt) return onReuse()
      throw refused(tokenError('invalid_grant'))
    }
    const isRetry = presented.usedAt !== null
    if (isRetry && !isRetryWithinGrace(presented, now, grace)) return onReuse()
    if (nowIso >= session.expiresAt || nowIso >= session.idleExpiresAt) {
      throw refused(tokenError('invalid_grant', 'The session has expired: sign in again.'))
    }
    // A retry passes every check a first refresh does: a block or lost access since refuses it.
    if (presented.userStatus !== 'active') {
      await endSession(
        presented.userStatus === 'blocked' ? 'user_blocked' : 'user_not_active',
        'denied',
      )
      throw refused(tokenError('invalid_grant', 'The account is not active: sign in again.'))
    }
    const type = findAppType(core, app.type)
    if (!type) throw refused(tokenError('invalid_grant'))
    const roles = snapshot.roles
    if (!roles.some((role) => role.appTypes.includes(app.type))) {
      await endSession('app_access_revoked', 'denied')
      throw refused(tokenError('app_access_denied'))
    }

    const tokens = () =>
      issue({
        session,
        app,
        type,
        roleIds: roles.map((role) => role.id),
        userKind: presented.userKind,
        refreshToken: successor,
        now,
      })
    if (isRetry) {
      // Audited, unlike a first refresh: a retry is also what a thief racing the client looks
      // like. (A concurrent refresh of the same token lands here too: the batch is atomic, so
      // the later one sees the token used by the earlier one.)
      await audit({
        ...auditBase,
        action: 'token.refresh_retry',
        result: 'success',
        details: {
          sessionId: session.id,
          secondsSinceRotation: presented.usedAt
            ? (now.getTime() - Date.parse(presented.usedAt)) / 1000
            : 0,
        },
      })
      return tokens()
    }
    if (!rotated) {
      // Every check passed on the snapshot the UPDATE saw, so this is a drift between the two.
      core.log.error('refresh: the checks passed but the rotation did not', { clientId })
      throw tokenError('invalid_grant')
    }
    return tokens()
  }
}
