/**
 * The totp_credentials rows. Every change that spends a code is one conditional UPDATE or
 * DELETE, so of two requests racing with the same code (or the same enrolment) exactly one wins.
 */
import type { SqlDatabase } from '../../src/core/index.ts'

export interface TotpRow {
  secret: string | null
  pendingSecret: string | null
  pendingExpiresAt: string | null
  lastStep: number
}

export function totpStore(sql: SqlDatabase) {
  const changed = async (sqlText: string, args: Array<string | number>) =>
    (await sql.execute({ sql: sqlText, args })).rowsAffected === 1
  return {
    async read(userId: string): Promise<TotpRow | null> {
      const { rows } = await sql.execute({
        sql: 'SELECT secret, pending_secret, pending_expires_at, last_step FROM totp_credentials WHERE user_id = ?',
        args: [userId],
      })
      const row = rows[0]
      if (!row) return null
      return {
        secret: row.secret as string | null,
        pendingSecret: row.pending_secret as string | null,
        pendingExpiresAt: row.pending_expires_at as string | null,
        lastStep: Number(row.last_step),
      }
    },
    /** A new enrolment waits beside the active secret, which keeps working until it is confirmed. */
    savePending: (userId: string, sealed: string, expiresAt: string, now: string) =>
      changed(
        `INSERT INTO totp_credentials (user_id, pending_secret, pending_expires_at, updated_at)
         VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET pending_secret = excluded.pending_secret,
         pending_expires_at = excluded.pending_expires_at, updated_at = excluded.updated_at`,
        [userId, sealed, expiresAt, now],
      ),
    confirm: (userId: string, pending: string, step: number, now: string) =>
      changed(
        `UPDATE totp_credentials SET secret = pending_secret, pending_secret = NULL,
         pending_expires_at = NULL, last_step = MAX(last_step, ?), confirmed_at = ?, updated_at = ?
         WHERE user_id = ? AND pending_secret = ?`,
        [step, now, now, userId, pending],
      ),
    /** Records `step` as used; false when it (or a later one) already was. */
    useStep: (userId: string, secret: string, step: number) =>
      changed(
        'UPDATE totp_credentials SET last_step = ? WHERE user_id = ? AND secret = ? AND last_step < ?',
        [step, userId, secret, step],
      ),
    remove: (userId: string, secret: string, step: number) =>
      changed('DELETE FROM totp_credentials WHERE user_id = ? AND secret = ? AND last_step < ?', [
        userId,
        secret,
        step,
      ]),
  }
}
