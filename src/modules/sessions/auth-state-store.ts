import type { SqlDatabase, SqlRow } from '../../kernel/ports/sql.ts'
import type { Permission, Session, UserKind, UserStatus } from '../identity/index.ts'
import { toSession } from './session-store.ts'

/**
 * What the auth middleware reads for a bearer token, in one statement: the session, its user and
 * app, and the user's current roles. Every authenticated route pays this one round trip; it also
 * carries what `GET /v1/me` shows, so that route needs no second read.
 */
export interface SessionAuthState {
  session: Session
  user: {
    id: string
    kind: UserKind
    displayName: string
    phone: string | null
    email: string | null
    status: UserStatus
    createdAt: string
    activatedAt: string | null
    lastSignInAt: string | null
  }
  /** Null only if the app row vanished (sessions cascade with their app, so hardly ever). */
  app: { id: string; name: string; type: string } | null
  /** By name, as the console lists them. */
  roles: Array<{ id: string; name: string; appTypes: string[]; permissions: Permission[] }>
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

function userOf(row: SqlRow): SessionAuthState['user'] {
  return {
    id: String(row.user_id),
    kind: String(row.u_kind) as UserKind,
    displayName: String(row.u_display_name),
    phone: str(row.u_phone),
    email: str(row.u_email),
    status: String(row.u_status) as UserStatus,
    createdAt: String(row.u_created_at),
    activatedAt: str(row.u_activated_at),
    lastSignInAt: str(row.u_last_sign_in_at),
  }
}

// One row per role (or one row with null role columns): user and app columns repeat, which
// costs a few bytes and saves the round trips of separate reads.
const query = `SELECT s.*, u.kind AS u_kind, u.display_name AS u_display_name, u.phone AS u_phone,
    u.email AS u_email, u.status AS u_status, u.created_at AS u_created_at,
    u.activated_at AS u_activated_at, u.last_sign_in_at AS u_last_sign_in_at,
    a.name AS a_name, a.type AS a_type,
    r.id AS r_id, r.name AS r_name, r.app_types AS r_app_types, r.permissions AS r_permissions
  FROM sessions s
  JOIN users u ON u.id = s.user_id
  LEFT JOIN apps a ON a.id = s.app_id
  LEFT JOIN user_roles ur ON ur.user_id = s.user_id
  LEFT JOIN roles r ON r.id = ur.role_id
  WHERE s.id = ?
  ORDER BY r.name_key, r.id`

export async function sessionAuthState(
  sql: SqlDatabase,
  sessionId: string,
): Promise<SessionAuthState | null> {
  const { rows } = await sql.execute({ sql: query, args: [sessionId] })
  const first = rows[0]
  if (!first) return null
  return {
    session: toSession(first),
    user: userOf(first),
    app:
      first.a_type === null || first.a_type === undefined
        ? null
        : { id: String(first.app_id), name: String(first.a_name), type: String(first.a_type) },
    roles: rows
      .filter((row) => row.r_id !== null && row.r_id !== undefined)
      .map((row) => ({
        id: String(row.r_id),
        name: String(row.r_name),
        appTypes: jsonArray<string>(row.r_app_types),
        permissions: jsonArray<Permission>(row.r_permissions),
      })),
  }
}

declare module '../../kernel/services.ts' {
  interface RequestVariables {
    /** Set with `principal`: the session, user, app and roles read for it (one statement). */
    auth: SessionAuthState
  }
}
