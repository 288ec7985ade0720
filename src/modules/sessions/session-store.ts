import type { SqlDatabase, SqlRow, SqlStatement } from '../../kernel/ports/sql.ts'
import { auditStatementWhere } from '../identity/index.ts'
import type { AuditEntry, Session } from '../identity/index.ts'

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

/** SQL true when user `user` exists and is active. */
const isActive = (user: string) =>
  `EXISTS (SELECT 1 FROM users WHERE id = ${user} AND status = 'active')`

/** SQL true when app `app` is enabled and allows sign-in method `method`. */
const allowsMethod = (app: string, method: string) =>
  `EXISTS (SELECT 1 FROM apps a,
    json_each(CASE WHEN json_valid(a.sign_in_methods) THEN a.sign_in_methods ELSE '[]' END) m
    WHERE a.id = ${app} AND a.enabled = 1 AND m.value = ${method})`

/** Why no session was opened, most fundamental first (as signIn checks them). */
export type OpenRefusal =
  | 'account_gone'
  | 'account_blocked'
  | 'account_not_active'
  | 'app_disabled'
  | 'sign_in_method_not_allowed'
  | 'app_access_denied'

function refusalOf(row: SqlRow | undefined): OpenRefusal {
  if (!row || row.status === null || row.status === undefined) return 'account_gone'
  if (row.status === 'blocked') return 'account_blocked'
  if (row.status !== 'active') return 'account_not_active'
  if (Number(row.app_enabled) !== 1) return 'app_disabled'
  if (Number(row.method_allowed) !== 1) return 'sign_in_method_not_allowed'
  return 'app_access_denied'
}

/**
 * Opens a session in one round trip and one transaction. The session is written only while the
 * person is active, the app enabled and allowing the method, and one of the person's roles
 * grants the app type, all read in that transaction: so a caller may decide from an app or a
 * person read a moment earlier (a cached app, a person not read at all) and a block or a
 * disabled app made since still wins. Also written: the first refresh token, the last sign-in,
 * the audit entry of the outcome (`denied` when only the roles refuse; other refusals are the
 * caller's to audit), and read: the role ids and the person's kind the access token names.
 */
export async function openSession(
  sql: SqlDatabase,
  { session: s, refreshTokenHash, appType, audit }: NewSession,
): Promise<
  { opened: true; roleIds: string[]; userKind: string } | { opened: false; reason: OpenRefusal }
> {
  const opened = 'EXISTS (SELECT 1 FROM sessions WHERE id = ?)'
  const results = await sql.batch([
    {
      sql: `INSERT INTO sessions (id, user_id, app_id, method, device_label, ip, user_agent,
              created_at, last_used_at, expires_at, idle_expires_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            WHERE ${isActive('?')} AND ${allowsMethod('?', '?')} AND ${grantsAppType('?', '?')}`,
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
        s.appId,
        s.method,
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
    auditStatementWhere(
      audit.denied,
      audit.at,
      `NOT ${opened} AND ${isActive('?')} AND ${allowsMethod('?', '?')}`,
      [s.id, s.userId, s.appId, s.method],
    ),
    {
      sql: `SELECT r.id FROM user_roles ur JOIN roles r ON r.id = ur.role_id
            WHERE ur.user_id = ? ORDER BY r.id`,
      args: [s.userId],
    },
    {
      sql: `SELECT u.status, u.kind, (SELECT enabled FROM apps WHERE id = ?) AS app_enabled,
              ${allowsMethod('?', '?')} AS method_allowed
            FROM (SELECT 1) LEFT JOIN users u ON u.id = ?`,
      args: [s.appId, s.appId, s.method, s.userId],
    },
  ])
  const person = results[6]?.rows[0]
  if (results[0]?.rowsAffected !== 1) return { opened: false, reason: refusalOf(person) }
  return {
    opened: true,
    roleIds: (results[5]?.rows ?? []).map((row) => String(row.id)),
    userKind: String(person?.kind),
  }
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

/** Whether `sessionId` is one of the user's sessions (ended or not). */
export async function isUserSession(
  sql: SqlDatabase,
  sessionId: string,
  userId: string,
): Promise<boolean> {
  const { rows } = await sql.execute({
    sql: 'SELECT 1 FROM sessions WHERE id = ? AND user_id = ?',
    args: [sessionId, userId],
  })
  return rows.length > 0
}

/** Rows: count — sessions still usable at `at`; a statement, for the caller to batch. */
export const activeSessionCount = (at: string): SqlStatement => ({
  sql: `SELECT COUNT(*) AS count FROM sessions
        WHERE revoked_at IS NULL AND expires_at > ? AND idle_expires_at > ?`,
  args: [at, at],
})
