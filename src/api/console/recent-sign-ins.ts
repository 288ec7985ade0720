import * as z from 'zod'
import type { SqlRow, SqlStatement } from '../../kernel/ports/sql.ts'

/**
 * The dashboard's "Recent sign-ins": the latest `sign_in.<method>` audit entries with the person
 * and the app resolved to names, so an admin can watch a sign-in arrive.
 */
export const recentSignInSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    method: z.string().describe('Sign-in method plugin id'),
    result: z.enum(['success', 'failure', 'denied']),
    userId: z.string().nullable().describe('Null when the login matched nobody'),
    userName: z.string().nullable(),
    appId: z.string().nullable(),
    appName: z.string().nullable(),
    reason: z.string().nullable().describe('Why it was refused (`details.reason`)'),
    next: z
      .string()
      .nullable()
      .describe('A step still required, e.g. `password_required` after a code'),
  })
  .openapi('ConsoleRecentSignIn')

/** A successful sign-in that issued tokens (not a code accepted pending a next step). */
export const signInCounted = `action LIKE 'sign\\_in.%' ESCAPE '\\'
  AND result = 'success' AND json_extract(details, '$.next') IS NULL`

/** Sign-ins name the person as target (or, for some refusals, as actor). */
const personOf = `CASE WHEN a.target_type = 'user' THEN a.target_id
  WHEN a.actor_type = 'user' THEN a.actor_id END`

/** Newest first; entries of the same millisecond in the order they were written (rowid). */
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

const text = (row: SqlRow, key: string) => (row[key] == null ? null : String(row[key]))

export function toRecent(row: SqlRow): z.infer<typeof recentSignInSchema> {
  return {
    id: String(row.id),
    at: String(row.at),
    method: String(row.method),
    result: String(row.result) as 'success',
    userId: text(row, 'user_id'),
    userName: text(row, 'user_name'),
    appId: text(row, 'app_id'),
    appName: text(row, 'app_name'),
    reason: text(row, 'reason'),
    next: text(row, 'next'),
  }
}
