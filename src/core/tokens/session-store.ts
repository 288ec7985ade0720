import type { SqlDatabase, SqlRow } from '../../storage/sql/port.ts'
import { auditStatementWhere } from '../identity/repositories/audit.ts'
import type { AuditEntry, Session } from '../identity/types.ts'

/**
 * SQL of sessions (tables in migrations/0002_identity.sql); the refresh tokens of a session, its
 * family, are in refresh-token-store.ts.
 */

const str = (value: unknown) => (value === null || value === undefined ? null : String(value))

export function toSession(row: SqlRow): Session {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    appId: String(row.app_id),
    method: String(row.method),
    deviceLabel: str(row.device_label),
    ip: str(row.ip),
    userAgent: str(row.user_agent),
    createdAt: String(row.created_at),
    lastUsedAt: String(row.last_used_at),
    expiresAt: String(row.expires_at),
    idleExpiresAt: String(row.idle_expires_at),
    revokedAt: str(row.revoked_at),
    revokedReason: str(row.revoked_reason),
  }
}

export interface NewSession {
  session: Omit<Session, 'revokedAt' | 'revokedReason'>
  refreshTokenHash: string
  /** The app's type: one of the user's roles must grant it, checked in the same transaction. */
  appType: string
  /** The entry written when the session opens, and the one written when no role grants it. */
  audit: { opened: AuditEntry; denied: AuditEntry; at: Date }
}

/**
 * SQL true when one of user `user`'s roles grants app type `type` (both SQL expressions). A
 * role whose app_types is malformed JSON grants nothing, as the console reads it.
 */
export const grantsAppType = (user: string, type: string) =>
  `EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id,
    json_each(CASE WHEN json_valid(r.app_types) THEN r.app_types ELSE '[]' END) t
    WHERE ur.user_id = ${user} AND t.value = ${type})`

/**
 * Opens a session in one round trip and one transaction: the role check, the session, its first
 * refresh token, the user's last sign-in, the audit entry of the outcome, and the role ids the
 * access token names. Returns null when no role grants the app type: then only the `denied`
 * entry is written.
 */
export async function openSession(
  sql: SqlDatabase,
  { session: s, refreshTokenHash, appType, audit }: NewSession,
): Promise<{ roleIds: string[] } | null> {
  const opened = 'EXISTS (SELECT 1 FROM sessions WHERE id = ?)'
  const results = await sql.batch([
    {
      sql: `INSERT INTO sessions (id, user_id, app_id, method, device_label, ip, user_agent,
              created_at, last_used_at, expires_at, idle_expires_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${grantsAppType('?', '?')}`,
      args: [
        s.id,
        s.userId,
        s.appId,
        s.method,
        s.deviceLabel,
        s.ip,
        s.userAgent,
        s.createdAt,
        s.lastUsedAt,
        s.expiresAt,
        s.idleExpiresAt,
        s.userId,
        appType,
      ],
    },
    {
      sql: `INSERT INTO refresh_tokens (token_hash, session_id, created_at)
            SELECT ?, ?, ? WHERE changes() = 1`,
      args: [refreshTokenHash, s.id, s.createdAt],
    },
    {
      sql: 'UPDATE users SET last_sign_in_at = ? WHERE id = ? AND changes() = 1',
      args: [s.createdAt, s.userId],
    },
    auditStatementWhere(audit.opened, audit.at, opened, [s.id]),
    auditStatementWhere(audit.denied, audit.at, `NOT ${opened}`, [s.id]),
    {
      sql: `SELECT r.id FROM user_roles ur JOIN roles r ON r.id = ur.role_id
            WHERE ur.user_id = ? ORDER BY r.id`,
      args: [s.userId],
    },
  ])
  if (results[0]?.rowsAffected !== 1) return null
  return { roleIds: (results[5]?.rows ?? []).map((row) => String(row.id)) }
}

export async function revokeSession(
  sql: SqlDatabase,
  sessionId: string,
  reason: string,
  now: string,
): Promise<boolean> {
  const result = await sql.execute({
    sql: 'UPDATE sessions SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL',
    args: [now, reason, sessionId],
  })
  return result.rowsAffected > 0
}

export async function revokeUserSessions(
  sql: SqlDatabase,
  userId: string,
  reason: string,
  now: string,
): Promise<number> {
  const result = await sql.execute({
    sql: `UPDATE sessions SET revoked_at = ?, revoked_reason = ?
          WHERE user_id = ? AND revoked_at IS NULL`,
    args: [now, reason, userId],
  })
  return result.rowsAffected
}

export async function getSession(sql: SqlDatabase, sessionId: string): Promise<Session | null> {
  const { rows } = await sql.execute({
    sql: 'SELECT * FROM sessions WHERE id = ?',
    args: [sessionId],
  })
  return rows[0] ? toSession(rows[0]) : null
}

/** Sessions still usable at `now`, newest first. */
export async function listActiveSessions(
  sql: SqlDatabase,
  userId: string,
  now: string,
): Promise<Session[]> {
  const { rows } = await sql.execute({
    sql: `SELECT * FROM sessions
          WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? AND idle_expires_at > ?
          ORDER BY created_at DESC, id`,
    args: [userId, now, now],
  })
  return rows.map(toSession)
}
