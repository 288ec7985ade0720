/** Checks behind user writes: which fields a patch really changes, which logins are taken. */
import type { SqlDatabase } from '../../../storage/sql/port.ts'
import type { User } from '../types.ts'
import { identityError, takenError } from './errors.ts'
import type { UserPatch } from './users.ts'

const sameSet = (a: string[], b: string[]) => {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((v) => right.has(v))
}

/** The fields a patch really changes (a no-op PATCH changes none). */
export function changedFields(user: User, next: Required<UserPatch>): (keyof UserPatch)[] {
  const fields = (['kind', 'displayName', 'phone', 'email'] as const).filter(
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
      sql: `SELECT phone, email FROM users WHERE (phone = ? OR email = ?) AND id != ?`,
      args: [phone, email, exceptId ?? ''],
    })
    const phoneTaken = phone !== null && rows.some((row) => row.phone === phone)
    const emailTaken = email !== null && rows.some((row) => row.email === email)
    if (phoneTaken && emailTaken) {
      throw identityError('logins_taken', undefined, {
        fields: [
          { field: 'phone', message: 'already taken' },
          { field: 'email', message: 'already taken' },
        ],
      })
    }
    if (phoneTaken) throw takenError('phone_taken', 'phone')
    if (emailTaken) throw takenError('email_taken', 'email')
  }
}
