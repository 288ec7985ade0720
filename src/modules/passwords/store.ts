/**
 * Reading and writing `users.password_hash`. The user directory never exposes hashes; only
 * password code (this folder, the password plugin through the core's entry) touches them.
 */
import type { Settings } from '../../kernel/config.ts'
import type { SqlDatabase, SqlStatement } from '../../kernel/ports/sql.ts'
import { hashPassword, verifyPassword, type PasswordVerification } from './hash.ts'

export async function readPasswordHash(sql: SqlDatabase, userId: string): Promise<string | null> {
  const { rows } = await sql.execute({
    sql: 'SELECT password_hash FROM users WHERE id = ?',
    args: [userId],
  })
  const value = rows[0]?.password_hash
  return typeof value === 'string' && value ? value : null
}

/** The statement that stores a new hash (for batches that change more than the password). */
export function setPasswordHashStatement(userId: string, hash: string, now: Date): SqlStatement {
  const at = now.toISOString()
  return {
    sql: 'UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?',
    args: [hash, at, at, userId],
  }
}

/** Hashing bound to this install's pepper (`PASSWORD_PEPPER`). */
export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(password: string, encoded: string): Promise<PasswordVerification>
}

/** Reads only the pepper: a plugin context, the core services or a test's settings will do. */
export function passwordHasher(core: {
  config: Pick<Settings, 'PASSWORD_PEPPER'>
}): PasswordHasher {
  const pepper = core.config.PASSWORD_PEPPER
  return {
    hash: (password) => hashPassword(password, { pepper }),
    verify: (password, encoded) => verifyPassword(password, encoded, { pepper }),
  }
}
