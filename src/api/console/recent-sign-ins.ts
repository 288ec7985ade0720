import * as z from 'zod'
import type { SqlRow } from '../../kernel/ports/sql.ts'

/**
 * The dashboard's "Recent sign-ins": the latest `sign_in.<method>` audit entries with the person
 * and the app resolved to names, so an admin can watch a sign-in arrive. The query is the
 * identity store's `recentSignIns`; this is its answer's shape.
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
