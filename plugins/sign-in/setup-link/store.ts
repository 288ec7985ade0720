import { type AuditEntry, cryptoUtils, type SqlDatabase } from 'propusk/plugin'

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
  {
    // Recovery links (`npm run setup-link -- --recover`) create an Administrator when one exists.
    id: 'plugin:setup-link/0002_purpose',
    sql: `ALTER TABLE setup_links ADD COLUMN purpose TEXT NOT NULL DEFAULT 'first_admin'
  CHECK (purpose IN ('first_admin', 'recovery'));`,
  },
]

/**
 * `first_admin`: printed at start while no link was ever used. `recovery`: issued on demand by
 * an operator with database access when every administrator is locked out or gone.
 */
export type SetupLinkPurpose = 'first_admin' | 'recovery'

/** Recovery links are short-lived: the operator who asked for one is at the terminal. */
export const RECOVERY_LINK_TTL_HOURS = 1

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
  purpose: SetupLinkPurpose = 'first_admin',
): Promise<string> {
  const token = cryptoUtils.randomToken()
  const expires = new Date(now.getTime() + ttlHours * 3600_000)
  await sql.batch([
    { sql: 'DELETE FROM setup_links WHERE used_at IS NULL' },
    {
      sql: 'INSERT INTO setup_links (token_hash, created_at, expires_at, purpose) VALUES (?, ?, ?, ?)',
      args: [await cryptoUtils.sha256Hex(token), now.toISOString(), expires.toISOString(), purpose],
    },
  ])
  return token
}

export type SetupTokenState =
  { valid: true; expiresAt: string; purpose: SetupLinkPurpose } | { valid: false }

export async function inspectSetupToken(
  sql: SqlDatabase,
  token: string,
  now: Date,
): Promise<SetupTokenState> {
  const { rows } = await sql.execute({
    sql: 'SELECT expires_at, purpose FROM setup_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
    args: [await cryptoUtils.sha256Hex(token), now.toISOString()],
  })
  const row = rows[0]
  if (!row) return { valid: false }
  const purpose = row.purpose === 'recovery' ? 'recovery' : 'first_admin'
  return { valid: true, expiresAt: String(row.expires_at), purpose }
}

/**
 * Uses up an open link by creating an active `employee` with the role and a password: the user
 * row only appears if the link is still open, the role and the "used" mark only if that row
 * appeared, all in one batch (one write transaction), so two racing requests cannot both win.
 * Answers whether this call created the person.
 */
export async function createAdministratorByLink(
  sql: SqlDatabase,
  input: {
    token: string
    userId: string
    roleId: string
    displayName: string
    email: string | null
    phone: string | null
    passwordHash: string
    at: Date
  },
): Promise<boolean> {
  const tokenHash = await cryptoUtils.sha256Hex(input.token)
  const at = input.at.toISOString()
  const [created] = await sql.batch([
    {
      sql: `INSERT INTO users (id, kind, display_name, phone, email, status, password_hash, password_changed_at,
              created_at, updated_at, activated_at)
            SELECT ?, 'employee', ?, ?, ?, 'active', ?, ?, ?, ?, ?
            WHERE EXISTS (SELECT 1 FROM setup_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?)`,
      args: [
        input.userId,
        input.displayName,
        input.phone,
        input.email,
        input.passwordHash,
        at,
        at,
        at,
        at,
        tokenHash,
        at,
      ],
    },
    {
      sql: `INSERT INTO user_roles (user_id, role_id) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM users WHERE id = ?)`,
      args: [input.userId, input.roleId, input.userId],
    },
    {
      sql: `UPDATE setup_links SET used_at = ?
            WHERE token_hash = ? AND used_at IS NULL AND EXISTS (SELECT 1 FROM users WHERE id = ?)`,
      args: [at, tokenHash, input.userId],
    },
  ])
  return created?.rowsAffected === 1
}

/**
 * A one-time recovery link (`npm run setup-link -- --recover`): it creates a new Administrator
 * even though administrators exist, for when all of them are blocked, deleted or have lost
 * access. Issuing it is audited; using it is audited as `setup.recovery_admin`.
 */
export async function issueRecoveryLink(
  core: { sql: SqlDatabase; now(): Date; config: { PUBLIC_URL: string } },
  audit: { record(entry: AuditEntry): Promise<void> },
  ttlHours = RECOVERY_LINK_TTL_HOURS,
): Promise<string> {
  const token = await issueSetupToken(core.sql, core.now(), ttlHours, 'recovery')
  await audit.record({
    actorType: 'system',
    action: 'setup.recovery_link_issued',
    result: 'success',
    details: { ttlHours },
  })
  return new URL(`/setup?token=${token}`, core.config.PUBLIC_URL).toString()
}
