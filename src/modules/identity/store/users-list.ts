import type { SqlDatabase, SqlValue } from '../../../kernel/ports/sql.ts'
import { normalizePhone } from '../model/normalize.ts'
import type { User, UserKind, UserStatus } from '../model/types.ts'
import { decodeCursor, encodeCursor, likeContains } from './rows.ts'
import { toUser, userColumns } from './user-rows.ts'

export interface UserListQuery {
  /** Substring of the name, e-mail or phone; phone digits match in any notation. */
  q?: string
  kind?: UserKind
  status?: UserStatus
  roleId?: string
  cursor?: string
  limit: number
}

export interface UserPage {
  items: User[]
  nextCursor: string | null
}

const phoneChars = /^[+\d\s().\-]+$/

/**
 * Digit strings a phone search should look for: `8 916 12` means `+7 916 12...` in Russian
 * notation, and a complete number in any notation matches its E.164 form.
 */
export function phoneSearchDigits(q: string): string[] {
  const trimmed = q.trim()
  if (!phoneChars.test(trimmed)) return []
  const digits = trimmed.replace(/\D/g, '')
  if (digits.length < 3) return []
  const variants = new Set([digits])
  if (trimmed.startsWith('8') && digits.length > 1) variants.add(`7${digits.slice(1)}`)
  const full = normalizePhone(trimmed)
  if (full.ok) variants.add(full.e164.slice(1))
  return [...variants]
}

/** Newest first, keyset-paginated over (created_at, id). */
export async function listUsers(sql: SqlDatabase, query: UserListQuery): Promise<UserPage> {
  const where: string[] = []
  const args: SqlValue[] = []
  const q = query.q?.normalize('NFKC').trim()
  if (q) {
    const lower = q.toLowerCase()
    const anyOf = [
      "u.search_name LIKE ? ESCAPE '\\'",
      "u.display_name LIKE ? ESCAPE '\\'",
      "u.email LIKE ? ESCAPE '\\'",
    ]
    args.push(likeContains(lower), likeContains(q), likeContains(lower))
    for (const digits of phoneSearchDigits(q)) {
      anyOf.push("u.phone LIKE ? ESCAPE '\\'")
      args.push(likeContains(digits))
    }
    where.push(`(${anyOf.join(' OR ')})`)
  }
  if (query.kind) {
    where.push('u.kind = ?')
    args.push(query.kind)
  }
  if (query.status) {
    where.push('u.status = ?')
    args.push(query.status)
  }
  if (query.roleId) {
    where.push('EXISTS (SELECT 1 FROM user_roles x WHERE x.user_id = u.id AND x.role_id = ?)')
    args.push(query.roleId)
  }
  if (query.cursor) {
    const { time, id } = decodeCursor(query.cursor)
    where.push('(u.created_at < ? OR (u.created_at = ? AND u.id < ?))')
    args.push(time, time, id)
  }
  const { rows } = await sql.execute({
    sql: `SELECT ${userColumns} FROM users u ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY u.created_at DESC, u.id DESC LIMIT ?`,
    args: [...args, query.limit + 1],
  })
  const items = rows.slice(0, query.limit).map(toUser)
  const last = items.at(-1)
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  }
}
