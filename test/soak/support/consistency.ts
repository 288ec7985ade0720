/**
 * What must hold in the libSQL file after faults, whatever was interrupted: every session has
 * the audit row of the sign-in that created it and a refresh token, and no session has two live
 * refresh tokens (a rotation is all or nothing). Read straight from the file, not through the app.
 */
import { pathToFileURL } from 'node:url'
import { openLibsql } from '../../../src/storage/sql/libsql-node.ts'

export interface Consistency {
  sessions: number
  withoutAudit: string[]
  withoutRefreshToken: string[]
  twoLiveRefreshTokens: string[]
}

export async function checkConsistency(dbPath: string): Promise<Consistency> {
  const sql = await openLibsql(pathToFileURL(dbPath).href)
  // Each finding as `id method created_at`, so it can be matched with the fault phase.
  const ids = async (query: string) =>
    (await sql.execute({ sql: query })).rows.map((row) =>
      [row.id, row.method, row.created_at].filter((v) => v != null).join(' '),
    )
  try {
    const { rows } = await sql.execute({ sql: 'SELECT COUNT(*) AS n FROM sessions' })
    return {
      sessions: Number(rows[0]?.n ?? 0),
      withoutAudit: await ids(`
        SELECT s.id, s.method, s.created_at FROM sessions s WHERE NOT EXISTS (
          SELECT 1 FROM audit_log a
          WHERE a.result = 'success' AND json_extract(a.details, '$.sessionId') = s.id)`),
      withoutRefreshToken: await ids(`
        SELECT s.id, s.method, s.created_at FROM sessions s
        WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.session_id = s.id)`),
      twoLiveRefreshTokens: await ids(`
        SELECT session_id AS id FROM refresh_tokens WHERE used_at IS NULL
        GROUP BY session_id HAVING COUNT(*) > 1`),
    }
  } finally {
    sql.close()
  }
}
