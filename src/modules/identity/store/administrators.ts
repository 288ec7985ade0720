/**
 * "Somebody can still administer this install": at least one ACTIVE user whose roles grant the
 * `admin-console` app type and, together, the `users:write` and `roles:write` permissions (with
 * those two, any other permission can be given back). Writes that could break this add
 * `lastAdministratorGuard()` to their batch.
 */
import {
  SqlConstraintError,
  type SqlDatabase,
  type SqlStatement,
} from '../../../kernel/ports/sql.ts'
import { identityError } from './errors.ts'

const holds = (column: 'app_types' | 'permissions', value: string) =>
  `EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id, json_each(r.${column}) j
           WHERE ur.user_id = u.id AND j.value = '${value}')`

const countAdministrators = `SELECT count(*) AS n FROM users u WHERE u.status = 'active'
  AND ${holds('app_types', 'admin-console')}
  AND ${holds('permissions', 'users:write')}
  AND ${holds('permissions', 'roles:write')}`

export async function administratorCount(sql: SqlDatabase): Promise<number> {
  const { rows } = await sql.execute(countAdministrators)
  return Number(rows[0]?.n ?? 0)
}

/**
 * The last statement of a batch that must leave an administrator: it inserts a row (and so
 * fails the `last_administrator` CHECK, rolling the batch back) only when none remains. Checked
 * inside the write transaction, so two admins demoting each other at once cannot both succeed.
 */
export function lastAdministratorGuard(): SqlStatement {
  return {
    sql: `INSERT INTO admin_guard (administrators)
          SELECT n FROM (${countAdministrators}) WHERE n = 0`,
  }
}

/**
 * Adds the guard to `statements` when the install has an administrator now (one without any,
 * e.g. before the first-administrator link is used, has nothing to protect).
 */
export async function guardAdministrators(
  sql: SqlDatabase,
  statements: SqlStatement[],
): Promise<SqlStatement[]> {
  return (await administratorCount(sql)) > 0
    ? [...statements, lastAdministratorGuard()]
    : statements
}

export function isLastAdministratorError(err: unknown): boolean {
  return (
    err instanceof SqlConstraintError &&
    err.constraint === 'check' &&
    err.message.includes('last_administrator')
  )
}

/** 409 `last_administrator`. */
export const lastAdministratorError = () => identityError('last_administrator')
