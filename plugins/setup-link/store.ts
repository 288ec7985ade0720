import { randomToken, sha256Hex, type SqlDatabase } from '../../src/core/index.ts'

export const migrations = [
  {
    id: 'plugin:setup-link/0001_setup_links',
    sql: `CREATE TABLE setup_links (
  token_hash TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);`,
  },
]

/** Whether the install still waits for its first administrator (no link was ever used). */
export async function isSetupPending(sql: SqlDatabase): Promise<boolean> {
  const { rows } = await sql.execute('SELECT 1 FROM setup_links WHERE used_at IS NOT NULL LIMIT 1')
  return rows.length === 0
}

/**
 * Issues a fresh one-time link and retires every earlier unused one in the same write, so only
 * the link printed last works. Only a hash of the token is stored.
 */
export async function issueSetupToken(
  sql: SqlDatabase,
  now: Date,
  ttlHours: number,
): Promise<string> {
  const token = randomToken()
  const expires = new Date(now.getTime() + ttlHours * 3600_000)
  await sql.batch([
    { sql: 'DELETE FROM setup_links WHERE used_at IS NULL' },
    {
      sql: 'INSERT INTO setup_links (token_hash, created_at, expires_at) VALUES (?, ?, ?)',
      args: [await sha256Hex(token), now.toISOString(), expires.toISOString()],
    },
  ])
  return token
}

export type SetupTokenState = { valid: true; expiresAt: string } | { valid: false }

export async function inspectSetupToken(
  sql: SqlDatabase,
  token: string,
  now: Date,
): Promise<SetupTokenState> {
  const { rows } = await sql.execute({
    sql: 'SELECT expires_at FROM setup_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    args: [await sha256Hex(token), now.toISOString()],
  })
  const row = rows[0]
  return row ? { valid: true, expiresAt: String(row.expires_at) } : { valid: false }
}
