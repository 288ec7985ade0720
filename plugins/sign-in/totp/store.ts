/**
 * The totp_credentials rows, secrets sealed (`cryptoUtils.secretBox`). Each change that spends a
 * code is one conditional UPDATE or DELETE: of two requests racing with one code, exactly one wins.
 */
import type { Migration, SqlDatabase } from 'propusk/plugin'

export const totpMigrations: Migration[] = [
  {
    id: 'plugin:totp/0001_credentials',
    // last_step is the newest time step used, so a code works once.
    sql: `CREATE TABLE totp_credentials (
      user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      secret TEXT, pending_secret TEXT, pending_expires_at TEXT,
      last_step INTEGER NOT NULL DEFAULT 0, confirmed_at TEXT, updated_at TEXT NOT NULL);`,
  },
]

type Row = { secret: string | null; pending: string | null; expiresAt: string | null }

export function totpStore(sql: SqlDatabase) {
  const run = async (text: string, args: Array<string | number | null>) =>
    (await sql.execute({ sql: text, args })).rowsAffected > 0
  return {
    read: async (userId: string) =>
      (
        await sql.execute({
          sql: `SELECT secret, pending_secret AS pending, pending_expires_at AS expiresAt
                FROM totp_credentials WHERE user_id = ?`,
          args: [userId],
        })
      ).rows[0] as Row | undefined,
    /** A new secret waits beside the active one, which works on until the new one is confirmed. */
    savePending: (userId: string, sealed: string, expiresAt: string, now: string) =>
      run(
        `INSERT INTO totp_credentials (user_id, pending_secret, pending_expires_at, updated_at)
         VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET pending_secret = excluded.pending_secret,
         pending_expires_at = excluded.pending_expires_at, updated_at = excluded.updated_at`,
        [userId, sealed, expiresAt, now],
      ),
    confirm: (userId: string, pending: string, step: number, now: string) =>
      run(
        `UPDATE totp_credentials SET secret = pending_secret, pending_secret = NULL,
         pending_expires_at = NULL, last_step = MAX(last_step, ?), confirmed_at = ?, updated_at = ?
         WHERE user_id = ? AND pending_secret = ?`,
        [step, now, now, userId, pending],
      ),
    /** Records `step` as used; false when it (or a later one) already was. */
    useStep: (userId: string, secret: string, step: number) =>
      run(
        'UPDATE totp_credentials SET last_step = ? WHERE user_id = ? AND secret = ? AND last_step < ?',
        [step, userId, secret, step],
      ),
    remove: (userId: string) => run('DELETE FROM totp_credentials WHERE user_id = ?', [userId]),
  }
}
