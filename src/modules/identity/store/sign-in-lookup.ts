import type { SqlDatabase, SqlRow } from '../../../kernel/ports/sql.ts'
import type { App, User } from '../model/types.ts'
import { toApp } from './apps.ts'
import { toUser, userColumns } from './user-rows.ts'

/** What a sign-in needs before it can decide anything: the app, the person and their hash. */
export interface SignInLookup {
  app: App | null
  user: User | null
  /** The stored password hash (null: none, or no such person). */
  passwordHash: string | null
}

const appColumns = [
  'id',
  'name',
  'type',
  'enabled',
  'sign_in_methods',
  'policy',
  'redirect_uris',
  'settings',
  'secret_hash',
  'created_at',
  'updated_at',
]
const appPrefix = 'app__'

/** The app's columns of a joined row, under their own names again. */
function appPart(row: SqlRow): SqlRow {
  return Object.fromEntries(appColumns.map((column) => [column, row[appPrefix + column] ?? null]))
}

/**
 * One statement for both lookups: the anchor row `one` makes each side a LEFT JOIN, so an
 * unknown app or login gives nulls, never a missing row. The query is the same whether or not
 * the login parsed (`login` null matches nobody), so timing tells nothing about the account.
 */
export async function lookUpSignIn(
  sql: SqlDatabase,
  clientId: string,
  login: { kind: 'phone' | 'email'; value: string } | null,
): Promise<SignInLookup> {
  const field = login?.kind === 'email' ? 'email' : 'phone'
  const { rows } = await sql.execute({
    sql: `SELECT ${userColumns}, u.password_hash AS password_hash,
            ${appColumns.map((column) => `a.${column} AS ${appPrefix}${column}`).join(', ')}
          FROM (SELECT 1) AS one
          LEFT JOIN users u ON u.${field} = ?
          LEFT JOIN apps a ON a.id = ?`,
    args: [login?.value ?? null, clientId],
  })
  const row = rows[0]
  if (!row) return { app: null, user: null, passwordHash: null }
  const hash = row.password_hash
  return {
    app: row[`${appPrefix}id`] == null ? null : toApp(appPart(row)),
    user: row.id == null ? null : toUser(row),
    passwordHash: typeof hash === 'string' && hash ? hash : null,
  }
}
