import type { SqlDatabase, SqlRow } from '../../storage/sql/port.ts'
import type { Permission, Session, UserStatus } from '../identity/types.ts'

/**
 * SQL of sessions (tables in migrations/0002_identity.sql); the refresh tokens of a session, its
 * family, are in refresh-token-store.ts.
 */

export interface RoleGrant {
  id: string
  appTypes: string[]
  permissions: Permission[]
}

const str = (value: unknown) => (value === null || value === undefined ? null : String(value))

function jsonArray<T>(value: unknown): T[] {
  try {
    const parsed: unknown = JSON.parse(String(value ?? '[]'))
    return Array.isArray(parsed) ? (parsed as T[]) : []
  } catch {
    return []
  }
}

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

export async function rolesOf(sql: SqlDatabase, userId: string): Promise<RoleGrant[]> {
  const { rows } = await sql.execute({
    sql: `SELECT r.id, r.app_types, r.permissions FROM user_roles ur
          JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.id`,
    args: [userId],
  })
  return rows.map((row) => ({
    id: String(row.id),
    appTypes: jsonArray<string>(row.app_types),
    permissions: jsonArray<Permission>(row.permissions),
  }))
}

export interface NewSession {
  session: Omit<Session, 'revokedAt' | 'revokedReason'>
  refreshTokenHash: string
}

/** The session, its first refresh token and the user's last sign-in: all or nothing. */
export async function insertSession(
  sql: SqlDatabase,
  { session: s, refreshTokenHash }: NewSession,
) {
  await sql.batch([
    {
      sql: `INSERT INTO sessions (id, user_id, app_id, method, device_label, ip, user_agent,
              created_at, last_used_at, expires_at, idle_expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      ],
    },
    {
      sql: 'INSERT INTO refresh_tokens (token_hash, session_id, created_at) VALUES (?, ?, ?)',
      args: [refreshTokenHash, s.id, s.createdAt],
    },
    {
      sql: 'UPDATE users SET last_sign_in_at = ? WHERE id = ?',
      args: [s.createdAt, s.userId],
    },
  ])
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

export interface SessionAuthState {
  session: Session
  userStatus: UserStatus
  roles: Array<{ id: string; permissions: Permission[] }>
}

/** One read for the auth middleware: the session, its user's status and current roles. */
export async function sessionAuthState(
  sql: SqlDatabase,
  sessionId: string,
): Promise<SessionAuthState | null> {
  const { rows } = await sql.execute({
    sql: `SELECT s.*, u.status AS user_status, r.id AS role_id, r.permissions AS role_permissions
          FROM sessions s
          JOIN users u ON u.id = s.user_id
          LEFT JOIN user_roles ur ON ur.user_id = s.user_id
          LEFT JOIN roles r ON r.id = ur.role_id
          WHERE s.id = ?`,
    args: [sessionId],
  })
  const first = rows[0]
  if (!first) return null
  return {
    session: toSession(first),
    userStatus: String(first.user_status) as UserStatus,
    roles: rows
      .filter((row) => row.role_id !== null)
      .map((row) => ({
        id: String(row.role_id),
        permissions: jsonArray<Permission>(row.role_permissions),
      })),
  }
}
