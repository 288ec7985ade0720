/**
 * Invitations (R2, R3): a single-use, expiring link by e-mail (or SMS when the person has no
 * e-mail) to the `/invite` page, where they create a password and become `active`. Only a
 * SHA-256 hash of the token is stored.
 */
import type { LinkLookupDeps, LinkSendDeps, OnboardingSlice } from './deps.ts'
import type { ActionContext, InvitationService, InvitationState, User } from '../identity/index.ts'
import { randomId, randomToken, sha256Hex } from '../../kernel/crypto.ts'
import { coreError } from '../../kernel/errors.ts'
import { identityError, recipientLocale } from '../identity/index.ts'
import { DependencyError } from '../../kernel/ports/dependency-error.ts'
import { accountError } from './errors.ts'
import {
  acceptInvitationStatements,
  deleteInvitation,
  insertInvitation,
  invitationOwner,
  latestInvitation,
  openInvitationByToken,
  retireOpenInvitations,
} from './store.ts'
import { accountLink, invitationMessage, LINK_TOKEN_BYTES } from './messages.ts'
import { assertPasswordPolicy, passwordHasher } from '../passwords/index.ts'

/** The login an invitation by `channel` goes to; 409 when the person has none of that kind. */
export function invitationAddress(user: User, channel?: InvitationState['channel']) {
  const chosen = channel ?? (user.email ? 'email' : 'sms')
  const sentTo = chosen === 'email' ? user.email : user.phone
  if (!sentTo) throw identityError('invitation_channel_unavailable')
  return { channel: chosen, sentTo }
}

const actorOf = (context: ActionContext) =>
  context.actorId
    ? { actorType: 'user' as const, actorId: context.actorId }
    : { actorType: 'system' as const, actorId: null }

export function createInvitationService(core: LinkSendDeps): InvitationService {
  return {
    async send(userId, context, options) {
      const user = await core.identity.users.get(userId)
      if (!user) throw coreError('not_found', 'No such user.')
      if (user.status !== 'invited') throw accountError('user_not_invited')
      const { channel, sentTo } = invitationAddress(user, options?.channel)
      const now = core.now()
      const at = now.toISOString()
      const expiresAt = new Date(
        now.getTime() + core.config.INVITATION_TTL_HOURS * 3600_000,
      ).toISOString()
      const token = randomToken(LINK_TOKEN_BYTES)
      const id = randomId('inv')
      // The new link is stored first but earlier ones stay valid until it has been delivered:
      // a failed resend must not leave the person with no working link.
      await core.sql.execute(
        insertInvitation({
          id,
          userId,
          tokenHash: await sha256Hex(token),
          channel,
          sentTo,
          createdBy: context.actorId,
          createdAt: at,
          expiresAt,
          copied: false,
        }),
      )
      const link = accountLink(core.config.PUBLIC_URL, 'invitation', channel, token)
      const message = invitationMessage(channel, {
        displayName: user.displayName,
        link,
        expiresAt,
        locale: recipientLocale(channel, sentTo, undefined, user.locale),
      })
      const audit = {
        ...actorOf(context),
        action: 'invitation.send',
        targetType: 'user',
        targetId: userId,
        ip: context.ip ?? null,
        requestId: context.requestId ?? null,
      }
      try {
        await core.delivery.send(
          {
            channel,
            to: sentTo,
            ...message,
            purpose: 'invitation',
            idempotencyKey: id,
          },
          context.requestId ? { requestId: context.requestId } : undefined,
        )
      } catch (error) {
        // Undelivered, the new link goes; earlier links keep working and the admin can resend.
        core.log.warn('invitation delivery failed', { userId, channel, error: String(error) })
        // A database that failed the send is asked nothing more, and its outage is the answer
        // (the new link stays: a provider may even have sent it before the record of it failed).
        const failed = error instanceof DependencyError ? error : null
        if (failed?.dependency !== 'sql') {
          await deleteInvitation(core.sql, id)
          await core.identity.audit.record({
            ...audit,
            result: 'failure',
            details: { invitationId: id, channel, reason: 'delivery_failed' },
          })
        }
        if (failed) throw failed
        throw accountError(
          'delivery_failed',
          `The invitation could not be sent by ${channel}; try again later.`,
        )
      }
      // Delivered: from now on only the newest link works.
      const { rowsAffected: retired } = await core.sql.execute(
        retireOpenInvitations(userId, core.now().toISOString(), id),
      )
      await core.identity.audit.record({
        ...audit,
        result: 'success',
        details: { invitationId: id, channel, earlierLinksRetired: retired },
      })
      return {
        id,
        channel,
        sentTo,
        createdAt: at,
        expiresAt,
        acceptedAt: null,
        revokedAt: null,
        copied: false,
      }
    },

    async revoke(userId, context) {
      const { rowsAffected } = await core.sql.execute(
        retireOpenInvitations(userId, core.now().toISOString()),
      )
      await core.identity.audit.record({
        ...actorOf(context),
        action: 'invitation.revoke',
        targetType: 'user',
        targetId: userId,
        result: rowsAffected > 0 ? 'success' : 'failure',
        ip: context.ip ?? null,
        requestId: context.requestId ?? null,
        details: rowsAffected > 0 ? { revoked: rowsAffected } : { reason: 'no_open_invitation' },
      })
      return rowsAffected > 0
    },

    latest: (userId) => latestInvitation(core.sql, userId),
  }
}

/** An open invitation found by its token, with its (still `invited`) user. */
export interface OpenInvitation {
  invitation: InvitationState
  user: User
}

/** The open invitation a token names, or null if unknown, used, revoked or expired. */
export async function findOpenInvitation(
  core: LinkLookupDeps,
  token: string,
): Promise<OpenInvitation | null> {
  if (token.length < 20 || token.length > 200) return null
  const open = await openInvitationByToken(
    core.sql,
    await sha256Hex(token),
    core.now().toISOString(),
  )
  if (!open) return null
  const user = await core.identity.users.get(open.userId)
  if (!user || user.status !== 'invited') return null
  return { invitation: open.invitation, user }
}

/**
 * Accepts an invitation: checks the password rules, then in ONE batch sets the password,
 * activates the user and marks the link used. The user update is guarded by "still invited and
 * the link still open", and runs inside the batch's write transaction, so of any number of
 * racing requests exactly one succeeds; the others change nothing.
 */
export async function acceptInvitation(
  core: OnboardingSlice<'sql' | 'now' | 'config', 'users' | 'audit'>,
  input: { token: string; password: string },
  context: { ip: string | null; requestId: string | null },
): Promise<User> {
  const open = await findOpenInvitation(core, input.token)
  const audit = {
    actorType: 'anonymous' as const,
    action: 'invitation.accept',
    ip: context.ip,
    requestId: context.requestId,
  }
  if (!open) {
    // Name the person when the token is a real (used, revoked or expired) link: admins see it.
    const owner = await invitationOwner(core.sql, await sha256Hex(input.token))
    await core.identity.audit.record({
      ...audit,
      targetType: owner ? 'user' : null,
      targetId: owner,
      result: 'failure',
      details: { reason: 'invitation_invalid' },
    })
    throw accountError('invitation_invalid')
  }
  const { user, invitation } = open
  const password = assertPasswordPolicy(input.password, user)
  const hash = await passwordHasher(core).hash(password)
  const at = core.now().toISOString()
  const [activated] = await core.sql.batch(
    acceptInvitationStatements({
      userId: user.id,
      invitationId: invitation.id,
      passwordHash: hash,
      at,
    }),
  )
  if (!activated || activated.rowsAffected !== 1) {
    await core.identity.audit.record({
      ...audit,
      targetType: 'user',
      targetId: user.id,
      result: 'failure',
      details: { reason: 'invitation_invalid', invitationId: invitation.id },
    })
    throw accountError('invitation_invalid')
  }
  await core.identity.audit.record({
    ...audit,
    actorType: 'user',
    actorId: user.id,
    targetType: 'user',
    targetId: user.id,
    result: 'success',
    details: { invitationId: invitation.id },
  })
  const fresh = await core.identity.users.get(user.id)
  return fresh ?? { ...user, status: 'active', activatedAt: at }
}
