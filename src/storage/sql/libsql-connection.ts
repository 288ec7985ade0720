/**
 * One `libsql` driver connection of the file adapter (libsql-file-node.ts) with the statements
 * compiled on it, and how a compiled statement runs and names its columns.
 */
import Database from 'libsql'
import type { SqlResult, SqlRow } from '../../kernel/ports/sql.ts'
import { fromDriver, type DriverArgs } from './libsql-driver.ts'
import type { GroupConnection } from './group-commit-node.ts'
import type { StatementCache } from './statement-cache.ts'

export type Driver = InstanceType<typeof Database>
type Statement = ReturnType<Driver['prepare']>

export interface Compiled {
  statement: Statement
  /** Whether the statement returns rows (the client's `raw(true)` test, made once). */
  reader: boolean
  /** Column names, and the schema version they were read at. */
  columns?: { names: string[]; schemaVersion: number }
}

/** One connection and what is compiled on it; dropped together. */
export interface Connection {
  db: Driver
  cache: StatementCache<Compiled>
  schemaVersion?: Statement
  /** This connection as a group commit drives it (made once). */
  group?: GroupConnection
}

export function compile(db: Driver, sql: string): Compiled {
  const statement = db.prepare(sql)
  statement.safeIntegers(true)
  let reader = true
  try {
    statement.raw(true)
  } catch {
    // raw() throws for a statement that returns no rows; that is the client's test too
    reader = false
  }
  return { statement, reader }
}

export function runCompiled(conn: Connection, entry: Compiled, args: DriverArgs): SqlResult {
  const { statement } = entry
  if (!entry.reader) {
    const info = statement.run(args)
    return {
      rows: [],
      rowsAffected: info.changes,
      lastInsertRowid: BigInt(info.lastInsertRowid),
    }
  }
  const before = schemaVersion(conn)
  const raw = statement.all(args) as unknown[][]
  if (raw.length === 0) return { rows: [], rowsAffected: 0, lastInsertRowid: undefined }
  const names = columnNames(conn, entry, before, raw[0]!.length)
  const rows = raw.map((values) => {
    const row: SqlRow = {}
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!
      // Like libSQL itself: with duplicate column names the first one wins.
      if (!Object.hasOwn(row, name)) row[name] = fromDriver(values[i])
    }
    return row
  })
  return { rows, rowsAffected: 0, lastInsertRowid: undefined }
}

/**
 * The names of the columns the statement just returned. SQLite recompiles a kept statement when
 * another connection changes the schema (a migration run elsewhere adds or renames a column of a
 * `SELECT *` table), so names kept from an earlier call may be stale. The schema version only
 * grows: the same version before and after the call means the rows came from the statement as
 * compiled for that version, and names kept for it still hold. Otherwise `columns()` (~1.5 µs a
 * column), read after the rows, names what produced them; they are kept only when the version
 * held still. Each version read costs ~1 µs.
 */
function columnNames(conn: Connection, entry: Compiled, before: number, width: number): string[] {
  const after = schemaVersion(conn)
  const kept = entry.columns
  if (before === after && kept?.schemaVersion === after && kept.names.length === width) {
    return kept.names
  }
  const names = entry.statement.columns().map((column) => column.name)
  entry.columns = before === after ? { names, schemaVersion: after } : undefined
  return names
}

function schemaVersion(conn: Connection): number {
  conn.schemaVersion ??= conn.db.prepare('PRAGMA schema_version').raw(true)
  return Number((conn.schemaVersion.get([]) as unknown[])[0])
}

/**
 * Whether the connection holds something another connection to the file cannot see: an attached
 * database, or objects in its `temp` schema. Reads then run on this connection, not the reader.
 */
export function hasPrivateSchema(db: Driver): boolean {
  const names = (db.prepare('PRAGMA database_list').all() as { name: string }[]).map((d) => d.name)
  if (names.some((name) => name !== 'main' && name !== 'temp')) return true
  if (!names.includes('temp')) return false
  const row = db.prepare('SELECT count(*) AS n FROM temp.sqlite_schema').get() as { n: unknown }
  return Number(row.n) > 0
}
