/** Checks behind user writes: which fields a patch really changes, which logins are taken. */
import type { SqlDatabase } from '../../../kernel/ports/sql.ts'
import type { User } from '../model/types.ts'
import { identityError, takenError } from './errors.ts'
import type { UserPatch } from './users.ts'

const sameSet = (a: string[], b: string[]) => {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((v) => right.has(v))
}

/** The fields a patch really changes (a no-op PATCH changes none). */
export function changedFields(user: User, next: Required<UserPatch>): (keyof UserPatch)[] {
  const fields = (['kind', 'displayName', 'phone', 'email', 'locale'] as const).filter(
    (key) => next[key] !== user[key],
  )
  return sameSet(next.roleIds, user.roleIds) ? fields : [...fields, 'roleIds']
}

export function createLoginCheck(sql: SqlDatabase) {
  /**
   * 409 naming every taken login: `phone_taken`, `email_taken`, or `logins_taken` (both fields)
   * when both belong to others. Checked before writing; the UNIQUE constraints still catch races.
   */
  return async function assertLoginsFree(
    phone: string | null,
    email: string | null,
    exceptId: string | null,
  ): Promise<void> {
    if (!phone && !email) return
    const { rows } = await sql.execute({
      sql: `SELECT id, phone, email FROM users WHERE (phone = ? OR email = ?) AND id != ?`,
      args: [phone, email, exceptId ?? ''],
    })
    // The holder's id lets the console link to the person instead of a dead end.
    const holder = (field: 'phone' | 'email', value: string | null) => {
      const row = value === null ? undefined : rows.find((r) => r[field] === value)
      return row ? String(row.id) : null
    }
    const phoneHolder = holder('phone', phone)
    const emailHolder = holder('email', email)
    if (phoneHolder && emailHolder) {
      throw identityError('logins_taken', undefined, {
        fields: [
          { field: 'phone', code: 'taken', message: 'already taken' },
          { field: 'email', code: 'taken', message: 'already taken' },
        ],
        existingUserId: phoneHolder,
        existingUserIds: { phone: phoneHolder, email: emailHolder },
      })
    }
    if (phoneHolder) throw takenError('phone_taken', 'phone', phoneHolder)
    if (emailHolder) throw takenError('email_taken', 'email', emailHolder)
  }
}
