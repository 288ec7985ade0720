/**
 * The totp_credentials rows. Every change that spends a code is one conditional UPDATE or
 * DELETE, so of two requests racing with the same code (or enrolment) exactly one wins.
 */
import type { SqlDatabase } from 'propusk/plugin'

export interface TotpRow {
  secret: string | null
  pendingSecret: string | null
  pendingExpiresAt: string | null
}

export function totpStore(sql: SqlDatabase) {
  const changed = async (text: string, args: Array<string | number>) =>
    (await sql.execute({ sql: text, args })).rowsAffected === 1
  return {
    read: async (userId: string) =>
      (
        await sql.execute({
          sql: `SELECT secret, pending_secret AS pendingSecret, pending_expires_at AS pendingExpiresAt
                FROM totp_credentials WHERE user_id = ?`,
          args: [userId],
        })
      ).rows[0] as TotpRow | undefined,
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
