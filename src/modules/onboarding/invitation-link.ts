/**
 * An invitation link handed to the admin instead of delivered: for a person whose SMS or
 * e-mail does not arrive, the admin copies it into a messenger. The link is shown once (only
 * its hash is stored, like every invitation), retires earlier links at once (the admin has it
 * in hand, so there is no delivery to wait for) and is audited as `invitation.link`.
 */
import { randomId, randomToken, sha256Hex } from '../../kernel/crypto.ts'
import { coreError } from '../../kernel/errors.ts'
import type { OnboardingSlice } from './deps.ts'
import { accountError } from './errors.ts'
import { LINK_TOKEN_BYTES, pageLink } from './messages.ts'
import { invitationAddress } from './invitations.ts'
import { insertInvitation, retireOpenInvitations } from './store.ts'
import { actorEntry, auditStatement } from '../identity/index.ts'
import type { ActionContext, InvitationState } from '../identity/index.ts'

export async function createInvitationLink(
  core: OnboardingSlice<'sql' | 'now' | 'config', 'users'>,
  userId: string,
  context: ActionContext & { appId?: string | null },
): Promise<{ invitation: InvitationState; url: string }> {
  const user = await core.identity.users.get(userId)
  if (!user) throw coreError('not_found', 'No such user.')
  if (user.status !== 'invited') throw accountError('user_not_invited')
  const { channel, sentTo } = invitationAddress(user)
  const now = core.now()
  const at = now.toISOString()
  const expiresAt = new Date(
    now.getTime() + core.config.INVITATION_TTL_HOURS * 3600_000,
  ).toISOString()
  const token = randomToken(LINK_TOKEN_BYTES)
  const id = randomId('inv')
  const entry = actorEntry(
    { ...context, actorType: context.actorId ? 'user' : 'system' },
    'invitation.link',
    { type: 'user', id: userId },
    { invitationId: id, channel },
  )
  await core.sql.batch([
    retireOpenInvitations(userId, at),
    insertInvitation({
      id,
      userId,
      tokenHash: await sha256Hex(token),
      channel,
      sentTo,
      createdBy: context.actorId,
      createdAt: at,
      expiresAt,
      copied: true,
    }),
    auditStatement(entry, now),
  ])
  return {
    invitation: {
      id,
      channel,
      sentTo,
      createdAt: at,
      expiresAt,
      acceptedAt: null,
      revokedAt: null,
      copied: true,
    },
    url: pageLink(core.config.PUBLIC_URL, '/invite', token),
  }
}
