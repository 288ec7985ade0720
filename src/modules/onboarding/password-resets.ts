/**
 * Password reset by link: requested by the person (enumeration-safe, see the account routes)
 * or sent by an admin. A link works once, for one hour, and completing it ends every session
 * of the user. Only a SHA-256 hash of the token is stored.
 */
import { DependencyError } from '../../kernel/ports/dependency-error.ts'
import type { LinkLookupDeps, LinkSendDeps, OnboardingSlice } from './deps.ts'
import type { ActionContext, PasswordResetService, User } from '../identity/index.ts'
import { randomToken, sha256Hex } from '../../kernel/crypto.ts'
import { coreError } from '../../kernel/errors.ts'
import { accountError } from './errors.ts'
import { completeResetStatements, replaceResetLinkStatements, resetLinkUserId } from './store.ts'
import { recipientLocale } from '../identity/index.ts'
import { accountLink, LINK_TOKEN_BYTES, passwordResetMessage } from './messages.ts'
import { assertPasswordPolicy, passwordHasher, clearAccountLockout } from '../passwords/index.ts'

export const PASSWORD_RESET_TTL_MS = 3600_000

/** Creates a link for an active user and delivers it; earlier unused links stop working. */
export async function sendPasswordReset(
  core: OnboardingSlice<'sql' | 'now' | 'config' | 'log' | 'delivery', 'audit'>,
  user: User,
  context: ActionContext,
): Promise<void> {
  const channel = user.email ? 'email' : 'sms'
  const to = (user.email ?? user.phone) as string
  const now = core.now()
  const token = randomToken(LINK_TOKEN_BYTES)
  const tokenHash = await sha256Hex(token)
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS).toISOString()
  await core.sql.batch(
    replaceResetLinkStatements({
      userId: user.id,
      tokenHash,
      createdAt: now.toISOString(),
      expiresAt,
    }),
  )
  const link = accountLink(core.config.PUBLIC_URL, 'reset', channel, token)
  const message = passwordResetMessage(channel, {
    displayName: user.displayName,
    link,
    expiresAt,
    locale: recipientLocale(channel, to, undefined, user.locale),
  })
  const audit = {
    actorType: context.actorId ? ('user' as const) : ('anonymous' as const),
    actorId: context.actorId,
    action: 'password_reset.send',
    targetType: 'user',
    targetId: user.id,
    ip: context.ip ?? null,
    requestId: context.requestId ?? null,
  }
  try {
    await core.delivery.send(
      {
        channel,
        to,
        ...message,
        purpose: 'password_reset',
        idempotencyKey: `reset_${tokenHash.slice(0, 32)}`,
      },
      context.requestId ? { requestId: context.requestId } : undefined,
    )
  } catch (error) {
    core.log.warn('password reset delivery failed', {
      userId: user.id,
      channel,
      error: String(error),
    })
    // A database that failed the send is asked nothing more, and its outage is the answer.
    const failed = error instanceof DependencyError ? error : null
    if (failed?.dependency !== 'sql') {
      await core.identity.audit.record({
        ...audit,
        result: 'failure',
        details: { channel, reason: 'delivery_failed' },
      })
    }
    if (failed) throw failed
    throw accountError(
      'delivery_failed',
      `The reset link could not be sent by ${channel}; try again later.`,
    )
  }
  await core.identity.audit.record({ ...audit, result: 'success', details: { channel } })
}

export function createPasswordResetService(core: LinkSendDeps): PasswordResetService {
  return {
    async send(userId, context) {
      const user = await core.identity.users.get(userId)
      if (!user) throw coreError('not_found', 'No such user.')
      if (user.status !== 'active') throw accountError('reset_not_allowed')
      await sendPasswordReset(core, user, context)
    },
  }
}

/** The active user an unused, unexpired reset token belongs to, or null. */
export async function findResetUser(core: LinkLookupDeps, token: string): Promise<User | null> {
  if (token.length < 20 || token.length > 200) return null
  const userId = await resetLinkUserId(core.sql, await sha256Hex(token), core.now().toISOString())
  if (userId === null) return null
  const user = await core.identity.users.get(userId)
  return user && user.status === 'active' ? user : null
}

/**
 * Sets the new password and uses up the link in one batch (the password update is guarded by
 * "link still unused", so racing requests cannot both succeed), then ends every session.
 */
export async function completePasswordReset(
  core: OnboardingSlice<
    'sql' | 'now' | 'config' | 'state' | 'plugins',
    'users' | 'audit' | 'sessions'
  >,
  input: { token: string; password: string },
  context: { ip: string | null; requestId: string | null },
): Promise<User> {
  const audit = { action: 'password_reset.complete', ip: context.ip, requestId: context.requestId }
  const user = await findResetUser(core, input.token)
  if (!user) {
    await core.identity.audit.record({
      ...audit,
      actorType: 'anonymous',
      result: 'failure',
      details: { reason: 'reset_link_invalid' },
    })
    throw accountError('reset_link_invalid')
  }
  const password = assertPasswordPolicy(input.password, user)
  const hash = await passwordHasher(core).hash(password)
  const tokenHash = await sha256Hex(input.token)
  const at = core.now().toISOString()
  const [changed] = await core.sql.batch(
    completeResetStatements({ userId: user.id, tokenHash, passwordHash: hash, at }),
  )
  if (!changed || changed.rowsAffected !== 1) {
    await core.identity.audit.record({
      ...audit,
      actorType: 'anonymous',
      targetType: 'user',
      targetId: user.id,
      result: 'failure',
      details: { reason: 'reset_link_invalid' },
    })
    throw accountError('reset_link_invalid')
  }
  // Whoever knew the old password (or holds a stolen token) is signed out everywhere.
  const ended = await core.identity.sessions.revokeAll(user.id, 'password_reset')
  await clearAccountLockout(core.state, user, core.plugins)
  await core.identity.audit.record({
    ...audit,
    actorType: 'user',
    actorId: user.id,
    targetType: 'user',
    targetId: user.id,
    result: 'success',
    details: { sessionsEnded: ended },
  })
  return user
}
