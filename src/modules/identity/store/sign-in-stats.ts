/**
 * Dashboard statements over the audit log and the users table, returned for the caller to batch
 * with other modules' so a dashboard is one round trip. Conventions read here: sign-ins are
 * audited as `sign_in.<method>` with result success/failure/denied (a success with
 * `details.next`, e.g. a code accepted for a person who must create a password first, is not a
 * sign-in yet and is not counted); a refusal counts as a lockout when its action or
 * `details.reason` mentions a lock (`locked`, `account_locked`...) or is `too_many_attempts` /
 * `rate_limited`.
 */
import type { SqlStatement } from '../../../kernel/ports/sql.ts'

/** A successful sign-in that issued tokens (not a code accepted pending a next step). */
const signInCounted = `action LIKE 'sign\\_in.%' ESCAPE '\\'
  AND result = 'success' AND json_extract(details, '$.next') IS NULL`

const lockedCondition = `(action LIKE '%lock%'
  OR COALESCE(json_extract(details, '$.reason'), '') LIKE '%lock%'
  OR json_extract(details, '$.reason') IN ('too_many_attempts', 'rate_limited'))`

/** Sign-ins name the person as target (or, for some refusals, as actor). */
const personOf = `CASE WHEN a.target_type = 'user' THEN a.target_id
  WHEN a.actor_type = 'user' THEN a.actor_id END`

/** The local calendar date of `at`, `offsetMinutes` from UTC (an integer, never user text). */
const dayOf = (offsetMinutes: number) => {
  const shift = `${offsetMinutes >= 0 ? '+' : ''}${Math.trunc(offsetMinutes)} minutes`
  return `substr(datetime(at, '${shift}'), 1, 10)`
}

/** Rows: date, method, count — counted sign-ins since `from`. */
export const signInsPerDay = (from: string, offsetMinutes: number): SqlStatement => ({
  sql: `SELECT ${dayOf(offsetMinutes)} AS date, substr(action, 9) AS method, COUNT(*) AS count
        FROM audit_log
        WHERE at >= ? AND ${signInCounted}
        GROUP BY date, method ORDER BY date, method`,
  args: [from],
})

/** Rows: date, app_id ('' for none), app_name (null once deleted), count. */
export const signInsByAppPerDay = (from: string, offsetMinutes: number): SqlStatement => ({
  sql: `SELECT ${dayOf(offsetMinutes)} AS date, COALESCE(a.app_id, '') AS app_id,
          MAX(apps.name) AS app_name, COUNT(*) AS count
        FROM audit_log a LEFT JOIN apps ON apps.id = a.app_id
        WHERE a.at >= ? AND ${signInCounted}
        GROUP BY date, a.app_id ORDER BY date, a.app_id`,
  args: [from],
})

/** Rows: date, failed, locked — refused sign-ins and lockouts since `from`. */
export const refusedSignInsPerDay = (from: string, offsetMinutes: number): SqlStatement => ({
  sql: `SELECT ${dayOf(offsetMinutes)} AS date,
          SUM(CASE WHEN ${lockedCondition} THEN 0 ELSE 1 END) AS failed,
          SUM(CASE WHEN ${lockedCondition} THEN 1 ELSE 0 END) AS locked
        FROM audit_log
        WHERE at >= ? AND result != 'success'
          AND (action LIKE 'sign\\_in.%' ESCAPE '\\' OR action LIKE '%lock%')
        GROUP BY date ORDER BY date`,
  args: [from],
})

/** Rows: status, count. */
export const peopleByStatus = (): SqlStatement => ({
  sql: 'SELECT status, COUNT(*) AS count FROM users GROUP BY status',
})

/**
 * The latest `sign_in.<method>` audit entries with the person and the app resolved to names.
 * Newest first; entries of the same millisecond in the order they were written (rowid).
 * Rows: id, at, method, result, app_id, app_name, user_id, user_name, reason, next.
 */
export function recentSignIns(limit: number): SqlStatement {
  return {
    sql: `SELECT a.id, a.at, substr(a.action, 9) AS method, a.result, a.app_id,
            apps.name AS app_name, ${personOf} AS user_id, users.display_name AS user_name,
            json_extract(a.details, '$.reason') AS reason, json_extract(a.details, '$.next') AS next
          FROM audit_log a
            LEFT JOIN apps ON apps.id = a.app_id
            LEFT JOIN users ON users.id = ${personOf}
          WHERE a.action LIKE 'sign\\_in.%' ESCAPE '\\'
          ORDER BY a.at DESC, a.rowid DESC LIMIT ?`,
    args: [limit],
  }
}
