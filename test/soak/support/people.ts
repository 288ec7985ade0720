/**
 * The people and app the load signs in with, written straight into the libSQL file before the
 * server starts (the admin API is not what is under test here): field employees with phones for
 * codes, some with passwords, and an administrator for the admin reads.
 */
import { pathToFileURL } from 'node:url'
import { hashPassword } from '../../../src/modules/passwords/hash.ts'
import { openLibsql } from '../../../src/storage/sql/libsql-node.ts'
import type { SqlStatement } from '../../../src/kernel/ports/sql.ts'

export const appId = 'soak-engineer'

export interface Cast {
  phones: string[]
  passwordLogins: string[]
  password: string
  admin: { login: string; password: string }
}

export async function seedPeople(
  dbPath: string,
  counts = { phones: 120, passwords: 12 },
): Promise<Cast> {
  const at = new Date().toISOString()
  const password = 'Soak meadow lantern 42'
  const hash = await hashPassword(password)
  const admin = { login: 'soak.admin@example.com', password: 'Soak harbor quartz 77' }
  const statements: SqlStatement[] = [
    {
      sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, created_at, updated_at)
            VALUES (?, 'Soak engineer app', 'engineer-mobile', 1, '["sms-otp","password"]', ?, ?)`,
      args: [appId, at, at],
    },
  ]
  const person = (
    id: string,
    phone: string | null,
    email: string | null,
    passwordHash: string | null,
    role: string,
  ) => [
    {
      sql: `INSERT INTO users (id, kind, display_name, phone, email, status, password_hash, created_at, updated_at, activated_at)
            VALUES (?, 'employee', ?, ?, ?, 'active', ?, ?, ?, ?)`,
      args: [id, `Soak ${id}`, phone, email, passwordHash, at, at, at],
    },
    { sql: 'INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)', args: [id, role] },
  ]
  const phones: string[] = []
  const passwordLogins: string[] = []
  for (let i = 0; i < counts.phones; i++) {
    const phone = `+7916${String(1_000_000 + i).padStart(7, '0')}`
    phones.push(phone)
    const withPassword = i < counts.passwords
    if (withPassword) passwordLogins.push(phone)
    statements.push(
      ...person(`usr_soak_${i}`, phone, null, withPassword ? hash : null, 'role_field_employee'),
    )
  }
  statements.push(
    ...person(
      'usr_soak_admin',
      null,
      admin.login,
      await hashPassword(admin.password),
      'role_administrator',
    ),
  )
  const sql = await openLibsql(pathToFileURL(dbPath).href)
  try {
    await sql.batch(statements)
  } finally {
    sql.close()
  }
  return { phones, passwordLogins, password, admin }
}
