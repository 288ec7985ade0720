/** A user's status changes: block (ending every session), unblock, activate. */
import type { SqlStatement } from '../../../storage/sql/port.ts'
import type { CoreServices } from '../../services.ts'
import type { User } from '../types.ts'
import { actorEntry, auditStatement, type Actor } from './audit.ts'
import type { GuardedBatch } from './user-writes.ts'

export function createUserStatusChanges(
  core: CoreServices,
  mustGet: (id: string) => Promise<User>,
  guardedBatch: GuardedBatch,
) {
  const { sql } = core

  return {
    /**
     * Blocks the user, then ends every session. The status goes first: if ending sessions fails,
     * the blocked status already stops refreshes and sign-ins, so the failure is on the safe side.
     */
    async block(id: string, by?: Actor): Promise<{ user: User; sessionsEnded: number }> {
      const user = await mustGet(id)
      const now = core.now()
      const changed = user.status !== 'blocked'
      const statements: SqlStatement[] = changed
        ? [
            {
              sql: "UPDATE users SET status = 'blocked', updated_at = ? WHERE id = ?",
              args: [now.toISOString(), id],
            },
          ]
        : []
      if (by) {
        const entry = actorEntry(by, 'user.block', { type: 'user', id }, { changed })
        statements.push(auditStatement(entry, now))
      }
      await guardedBatch(statements, changed)
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
        ? [
            {
              sql: `UPDATE users SET updated_at = ?,
                      status = CASE WHEN activated_at IS NULL THEN 'invited' ELSE 'active' END
                    WHERE id = ? AND status = 'blocked'`,
              args: [now.toISOString(), id],
            },
          ]
        : []
      if (by) {
        const entry = actorEntry(by, 'user.unblock', { type: 'user', id }, { changed })
        statements.push(auditStatement(entry, now))
      }
      if (statements.length) await sql.batch(statements)
      return changed ? mustGet(id) : user
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
