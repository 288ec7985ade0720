/**
 * A user's status changes: block (ending every session, with an optional reason and end),
 * unblock, lifting a block whose end has passed, activate.
 */
import type { SqlStatement } from '../../../kernel/ports/sql.ts'
import type { UserStoreDeps } from './deps.ts'
import type { User } from '../model/types.ts'
import { actorEntry, auditStatement, auditStatementWhere, type Actor } from './audit.ts'
import type { GuardedBatch } from './user-writes.ts'

export interface BlockOptions {
  /** Shown to admins and kept in the audit log; never to the person. */
  reason?: string | null
  /** ISO time at which the block ends by itself; null or absent: until an admin unblocks. */
  until?: string | null
}

/** Back to `active`, or `invited` if the person never registered. */
const unblockSql = `UPDATE users SET updated_at = ?, blocked_reason = NULL, blocked_until = NULL,
    status = CASE WHEN activated_at IS NULL THEN 'invited' ELSE 'active' END
  WHERE id = ? AND status = 'blocked'`

export function createUserStatusChanges(
  core: UserStoreDeps,
  mustGet: (id: string) => Promise<User>,
  guardedBatch: GuardedBatch,
) {
  const { sql } = core

  return {
    /**
     * Blocks the user, then ends every session. The status goes first: if ending sessions fails,
     * the blocked status already stops refreshes and sign-ins, so the failure is on the safe side.
     */
    async block(
      id: string,
      by?: Actor,
      options: BlockOptions = {},
    ): Promise<{ user: User; sessionsEnded: number }> {
      const user = await mustGet(id)
      const now = core.now()
      const reason = options.reason?.trim() || null
      const until = options.until ?? null
      // Blocking again with a new reason or end changes the block: admins extend or shorten it.
      const changed =
        user.status !== 'blocked' || user.blockedReason !== reason || user.blockedUntil !== until
      const statements: SqlStatement[] = changed
        ? [
            {
              sql: `UPDATE users SET status = 'blocked', blocked_reason = ?, blocked_until = ?,
                      updated_at = ? WHERE id = ?`,
              args: [reason, until, now.toISOString(), id],
            },
          ]
        : []
      if (by) {
        const details = { changed, reason, until }
        statements.push(
          auditStatement(actorEntry(by, 'user.block', { type: 'user', id }, details), now),
        )
      }
      await guardedBatch(statements, user.status !== 'blocked')
      // Also for an already blocked user: ending sessions again is harmless and certain.
      const sessionsEnded = await core.identity.sessions.revokeAll(id, 'user_blocked')
      return { user: await mustGet(id), sessionsEnded }
    },

    /** Back to `active`, or to `invited` if the person never registered. */
    async unblock(id: string, by?: Actor): Promise<User> {
      const user = await mustGet(id)
      const now = core.now()
      const changed = user.status === 'blocked'
      const statements: SqlStatement[] = changed
        ? [{ sql: unblockSql, args: [now.toISOString(), id] }]
        : []
      if (by) {
        const entry = actorEntry(by, 'user.unblock', { type: 'user', id }, { changed })
        statements.push(auditStatement(entry, now))
      }
      if (statements.length) await sql.batch(statements)
      return changed ? mustGet(id) : user
    },

    /**
     * A block whose end has passed is lifted when the person is next read for a sign-in: the
     * status flips back and a system `user.unblock` entry records why. Only the request that
     * wins the guarded UPDATE writes the entry.
     */
    async liftExpiredBlock(user: User): Promise<User> {
      const now = core.now()
      if (user.status !== 'blocked' || !user.blockedUntil) return user
      if (Date.parse(user.blockedUntil) > now.getTime()) return user
      const entry = actorEntry(
        { actorType: 'system', actorId: null },
        'user.unblock',
        { type: 'user', id: user.id },
        { changed: true, reason: 'block_expired', until: user.blockedUntil },
      )
      // One batch: the entry is written only by the request whose UPDATE lifted the block.
      await sql.batch([
        {
          sql: `${unblockSql} AND blocked_until = ?`,
          args: [now.toISOString(), user.id, user.blockedUntil],
        },
        auditStatementWhere(entry, now, 'changes() = 1', []),
      ])
      return mustGet(user.id)
    },

    /** `invited` → `active`; a blocked or already active user is left as is. */
    async activate(id: string): Promise<void> {
      const at = core.now().toISOString()
      await sql.execute({
        sql: `UPDATE users SET status = 'active', activated_at = ?, updated_at = ?
              WHERE id = ? AND status = 'invited'`,
        args: [at, at, id],
      })
    },
  }
}
