import type { SqlDatabase } from '../../../kernel/ports/sql.ts'

/** App names by id, for lists that show "Engineer app" rather than a client id. */
export async function appNames(sql: SqlDatabase, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const { rows } = await sql.execute({
    sql: `SELECT id, name FROM apps WHERE id IN (${unique.map(() => '?').join(', ')})`,
    args: unique,
  })
  return new Map(rows.map((row) => [String(row.id), String(row.name)]))
}

/** How many apps of each client app type are registered. */
export async function appCountsByType(sql: SqlDatabase): Promise<Map<string, number>> {
  const { rows } = await sql.execute('SELECT type, COUNT(*) AS count FROM apps GROUP BY type')
  return new Map(rows.map((r) => [String(r.type), Number(r.count ?? 0)]))
}
