import type { SqlRow } from '../../../kernel/ports/sql.ts'
import type { User, UserKind, UserStatus } from '../model/types.ts'
import { jsonArray, text, textOrNull } from './rows.ts'

export const userColumns = `u.id, u.kind, u.display_name, u.phone, u.email, u.status, u.created_at,
  u.updated_at, u.activated_at, u.last_sign_in_at, u.blocked_reason, u.blocked_until, u.locale,
  (SELECT json_group_array(r.role_id) FROM user_roles r WHERE r.user_id = u.id) AS role_ids`

export function toUser(row: SqlRow): User {
  return {
    id: text(row, 'id'),
    kind: text(row, 'kind') as UserKind,
    displayName: text(row, 'display_name'),
    phone: textOrNull(row, 'phone'),
    email: textOrNull(row, 'email'),
    status: text(row, 'status') as UserStatus,
    roleIds: jsonArray(row.role_ids).sort(),
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
    activatedAt: textOrNull(row, 'activated_at'),
    lastSignInAt: textOrNull(row, 'last_sign_in_at'),
    blockedReason: textOrNull(row, 'blocked_reason'),
    blockedUntil: textOrNull(row, 'blocked_until'),
    locale: messageLocaleOrNull(textOrNull(row, 'locale')),
  }
}

const messageLocaleOrNull = (value: string | null) =>
  value === 'ru' || value === 'en' ? value : null

/** Unicode-aware lower case for name search (SQLite's lower() folds ASCII only). */
export const searchName = (displayName: string) => displayName.normalize('NFKC').toLowerCase()
