/** The inputs of user writes, and how their database failures become API errors. */
import {
  SqlConstraintError,
  type SqlDatabase,
  type SqlStatement,
} from '../../../kernel/ports/sql.ts'
import type { UserKind, UserStatus } from '../model/types.ts'
import {
  guardAdministrators,
  isLastAdministratorError,
  lastAdministratorError,
} from './administrators.ts'
import { invalidFields, takenError } from './errors.ts'

export interface NewUser {
  /** Optional: the CSV import assigns ids up front to report them per row. */
  id?: string
  kind: UserKind
  displayName: string
  /** Already normalised (E.164) by the caller. */
  phone: string | null
  /** Already normalised (lower-case) by the caller. */
  email: string | null
  roleIds: string[]
  status?: UserStatus
  /** The language of their messages; null or absent: chosen by number and app. */
  locale?: 'ru' | 'en' | null
}

export interface UserPatch {
  kind?: UserKind
  displayName?: string
  phone?: string | null
  email?: string | null
  roleIds?: string[]
  locale?: 'ru' | 'en' | null
}

/** UNIQUE failures on phone/e-mail become 409s naming the field; others pass through. */
export function mapUserWriteError(err: unknown): unknown {
  if (isLastAdministratorError(err)) return lastAdministratorError()
  if (err instanceof SqlConstraintError) {
    if (err.constraint === 'unique' && err.columns.includes('users.phone')) {
      return takenError('phone_taken', 'phone')
    }
    if (err.constraint === 'unique' && err.columns.includes('users.email')) {
      return takenError('email_taken', 'email')
    }
    // A role deleted between our check and the write.
    if (err.constraint === 'foreign_key') {
      return invalidFields([{ field: 'roleIds', code: 'unknown_role', message: 'unknown role' }])
    }
  }
  return err
}

export function createGuardedBatch(sql: SqlDatabase) {
  /** Runs a batch that may remove an administrator: guarded, errors mapped. */
  return async function guardedBatch(statements: SqlStatement[], mayRemoveAdmin: boolean) {
    try {
      await sql.batch(mayRemoveAdmin ? await guardAdministrators(sql, statements) : statements)
    } catch (err) {
      throw mapUserWriteError(err)
    }
  }
}

export type GuardedBatch = ReturnType<typeof createGuardedBatch>
