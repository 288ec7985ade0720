/**
 * The onboarding tables (`invitations`, `password_resets`) and the guarded `users` updates that
 * complete them. Statements are returned rather than run where the caller batches them with
 * others; tokens arrive here already hashed.
 */
import type { SqlDatabase, SqlRow, SqlStatement } from '../../kernel/ports/sql.ts'
import type { InvitationState } from '../identity/index.ts'

function stateOf(row: SqlRow): InvitationState {
  return {
    id: String(row.id),
    channel: row.channel === 'sms' ? 'sms' : 'email',
    sentTo: String(row.sent_to),
    createdAt: String(row.created_at),
    expiresAt: String(row.expires_at),
    acceptedAt: row.accepted_at == null ? null : String(row.accepted_at),
    revokedAt: row.revoked_at == null ? null : String(row.revoked_at),
    copied: Number(row.copied ?? 0) === 1,
  }
}

export interface NewInvitation {
  id: string
  userId: string
  tokenHash: string
  channel: InvitationState['channel']
  sentTo: string
  createdBy: string | null
  createdAt: string
  expiresAt: string
  /** Handed to an admin to pass on rather than delivered. */
  copied: boolean
}

export const insertInvitation = (invitation: NewInvitation): SqlStatement => ({
  sql: `INSERT INTO invitations (id, user_id, token_hash, channel, sent_to, created_by,
          created_at, expires_at, copied) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  args: [
    invitation.id,
    invitation.userId,
    invitation.tokenHash,
    invitation.channel,
    invitation.sentTo,
    invitation.createdBy,
    invitation.createdAt,
    invitation.expiresAt,
    invitation.copied ? 1 : 0,
  ],
})

/** Revokes the user's open invitations, all of them or all but `keepId`. */
export const retireOpenInvitations = (userId: string, at: string, keepId?: string): SqlStatement =>
  keepId === undefined
    ? {
        sql: `UPDATE invitations SET revoked_at = ?
              WHERE user_id = ? AND accepted_at IS NULL AND revoked_at IS NULL`,
        args: [at, userId],
      }
    : {
        sql: `UPDATE invitations SET revoked_at = ?
              WHERE user_id = ? AND id != ? AND accepted_at IS NULL AND revoked_at IS NULL`,
        args: [at, userId, keepId],
      }

export async function deleteInvitation(sql: SqlDatabase, id: string): Promise<void> {
  await sql.execute({ sql: 'DELETE FROM invitations WHERE id = ?', args: [id] })
}

export async function latestInvitation(
  sql: SqlDatabase,
  userId: string,
): Promise<InvitationState | null> {
  const { rows } = await sql.execute({
    sql: 'SELECT * FROM invitations WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    args: [userId],
  })
  return rows[0] ? stateOf(rows[0]) : null
}

/** The open (unused, unrevoked, unexpired at `now`) invitation with this token hash. */
export async function openInvitationByToken(
  sql: SqlDatabase,
  tokenHash: string,
  now: string,
): Promise<{ invitation: InvitationState; userId: string } | null> {
  const { rows } = await sql.execute({
    sql: `SELECT * FROM invitations
          WHERE token_hash = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?`,
    args: [tokenHash, now],
  })
  const row = rows[0]
  return row ? { invitation: stateOf(row), userId: String(row.user_id) } : null
}

/** Whose invitation a token hash is, open or not. */
export async function invitationOwner(sql: SqlDatabase, tokenHash: string): Promise<string | null> {
  const { rows } = await sql.execute({
    sql: 'SELECT user_id FROM invitations WHERE token_hash = ?',
    args: [tokenHash],
  })
  return rows[0]?.user_id == null ? null : String(rows[0].user_id)
}

/**
 * The acceptance batch: the user update is guarded by "still invited and the link still open",
 * the link is marked used only if that update won. Its first result's `rowsAffected` says so.
 */
export const acceptInvitationStatements = (a: {
  userId: string
  invitationId: string
  passwordHash: string
  at: string
}): SqlStatement[] => [
  {
    sql: `UPDATE users SET password_hash = ?, password_changed_at = ?, status = 'active',
            activated_at = ?, updated_at = ?
          WHERE id = ? AND status = 'invited' AND EXISTS (
            SELECT 1 FROM invitations WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?)`,
    args: [a.passwordHash, a.at, a.at, a.at, a.userId, a.invitationId, a.at],
  },
  {
    sql: `UPDATE invitations SET accepted_at = ?
          WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL
            AND EXISTS (SELECT 1 FROM users WHERE id = ? AND status = 'active' AND activated_at = ?)`,
    args: [a.at, a.invitationId, a.userId, a.at],
  },
]

/**
 * A first sign-in by code (no invitation link): password and activation in one statement, and
 * only while the person is still invited. False when they no longer are.
 */
export async function activateInvitedWithPassword(
  sql: Pick<SqlDatabase, 'execute'>,
  a: { userId: string; passwordHash: string; at: string },
): Promise<boolean> {
  const result = await sql.execute({
    sql: `UPDATE users SET password_hash = ?, password_changed_at = ?, status = 'active',
            activated_at = ?, updated_at = ?
          WHERE id = ? AND status = 'invited'`,
    args: [a.passwordHash, a.at, a.at, a.at, a.userId],
  })
  return result.rowsAffected === 1
}

/** Uses up the user's unused reset links and stores a new one, in one batch. */
export const replaceResetLinkStatements = (r: {
  userId: string
  tokenHash: string
  createdAt: string
  expiresAt: string
}): SqlStatement[] => [
  {
    sql: 'UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL',
    args: [r.createdAt, r.userId],
  },
  {
    sql: 'INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    args: [r.tokenHash, r.userId, r.createdAt, r.expiresAt],
  },
]

/** The user an unused reset link unexpired at `now` belongs to. */
export async function resetLinkUserId(
  sql: SqlDatabase,
  tokenHash: string,
  now: string,
): Promise<string | null> {
  const { rows } = await sql.execute({
    sql: 'SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    args: [tokenHash, now],
  })
  const userId = rows[0]?.user_id
  return typeof userId === 'string' ? userId : null
}

/**
 * The completion batch: the password update is guarded by "link still unused", and its first
 * result's `rowsAffected` says whether it won.
 */
export const completeResetStatements = (c: {
  userId: string
  tokenHash: string
  passwordHash: string
  at: string
}): SqlStatement[] => [
  {
    sql: `UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ?
          WHERE id = ? AND status = 'active' AND EXISTS (
            SELECT 1 FROM password_resets WHERE token_hash = ? AND user_id = ? AND used_at IS NULL AND expires_at > ?)`,
    args: [c.passwordHash, c.at, c.at, c.userId, c.tokenHash, c.userId, c.at],
  },
  // Only when the password update above won (`changes()` is its row count): a refused
  // completion must not use up the person's other, still valid links.
  {
    sql: 'UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL AND changes() = 1',
    args: [c.at, c.userId],
  },
]
