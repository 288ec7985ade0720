import type { SqlDatabase } from '../ports/sql.ts'

/** The cheapest statement the database must answer: the health probe's SQL check. */
export async function pingSql(sql: SqlDatabase): Promise<void> {
  await sql.execute('SELECT 1')
}
