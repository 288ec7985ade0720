/**
 * `SqlDatabase` over a local libSQL file, on the `libsql` native driver directly, keeping each
 * reusable statement compiled (see statement-cache.ts) with its column names.
 *
 * Why not `@libsql/client` here: its file client compiles every statement again on each call
 * (`db.prepare(sql)`, then `columns()` twice and a `raw(true)` that throws for every write) and
 * keeps its connection private, so the only way to reuse statements through it would be to patch
 * the driver's prototype. Compiling cost 18–126 µs per statement, about 410 µs per refresh, and
 * `columns()` ~40 µs for a 25-column row (docs/performance.md). This adapter does what that
 * client does on its one connection, with the same transaction handling and the same
 * `LibsqlError` codes (libsql-driver.ts), and keeps the compiled statements.
 */
import Database from 'libsql'
import { LibsqlBatchError, LibsqlError } from '@libsql/client'
import type { SqlDatabase, SqlResult, SqlRow } from '../../kernel/ports/sql.ts'
import { mapLibsqlError } from './libsql.ts'
import {
  fromDriver,
  normalise,
  toBatchError,
  toLibsqlError,
  type DriverArgs,
} from './libsql-driver.ts'
import { StatementCache, statementKind } from './statement-cache.ts'

/** Enough for every statement Propusk issues (a few hundred distinct texts at most). */
export const DEFAULT_STATEMENT_CACHE_SIZE = 500

export interface LibsqlFileOptions {
  busyTimeoutMs: number
  /** Compiled statements kept per connection, least recently used dropped first; 0 keeps none. */
  statementCacheSize?: number
}

/** The port plus what the tests need to see that statements are kept, bounded and dropped. */
export interface LibsqlFileDatabase extends SqlDatabase {
  statementStats(): { cached: number; compiled: number }
}

type Driver = InstanceType<typeof Database>
type Statement = ReturnType<Driver['prepare']>

interface Compiled {
  statement: Statement
  /** Whether the statement returns rows (the client's `raw(true)` test, made once). */
  reader: boolean
  /** Column names, and the schema version they were read at. */
  columns?: { names: string[]; schemaVersion: number }
}

/** One connection and what is compiled on it; dropped together. */
interface Connection {
  db: Driver
  cache: StatementCache<Compiled>
  schemaVersion?: Statement
}

export function openLibsqlFile(path: string, options: LibsqlFileOptions): LibsqlFileDatabase {
  const cacheSize = options.statementCacheSize ?? DEFAULT_STATEMENT_CACHE_SIZE
  let current: Connection | undefined
  let compiled = 0
  let closed = false

  // Opened as the client opens its connection: `timeout` is the busy timeout. Constructor errors
  // are thrown as they come, like the client's; a failed PRAGMA closes the file again.
  const connect = (): Connection => {
    const db = new Database(path, { timeout: options.busyTimeoutMs })
    try {
      db.exec('PRAGMA foreign_keys = ON')
      db.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs}`)
      // WAL lets readers proceed while a writer commits; it is persistent in the file.
      db.exec('PRAGMA journal_mode = WAL')
    } catch (err) {
      db.close()
      throw mapLibsqlError(toLibsqlError(err))
    }
    return { db, cache: new StatementCache<Compiled>(cacheSize) }
  }

  const connection = (): Connection => {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
    current ??= connect()
    return current
  }

  const run = (conn: Connection, sql: string, args: DriverArgs): SqlResult => {
    const kind = statementKind(sql)
    let entry = kind === 'reuse' ? conn.cache.get(sql) : undefined
    try {
      if (entry === undefined) {
        entry = compile(conn.db, sql)
        compiled++
        if (kind === 'reuse') conn.cache.set(sql, entry)
      }
      return execute(conn, entry, args)
    } catch (err) {
      throw toLibsqlError(err)
    } finally {
      if (kind === 'schema') conn.cache.clear()
    }
  }

  // As the client's pool does before reusing a connection: nothing outside a batch may leave a
  // transaction open (an `execute('BEGIN')` is rolled back at once). If even the ROLLBACK fails
  // the connection is dropped, with its statements, and the next call opens a new one.
  const settle = (conn: Connection): void => {
    if (!conn.db.open || !conn.db.inTransaction) return
    try {
      run(conn, 'ROLLBACK', [])
    } catch {
      drop(conn)
    }
  }

  const drop = (conn: Connection): void => {
    if (current === conn) current = undefined
    try {
      if (conn.db.open) conn.db.close()
    } catch {
      // nothing useful to do while tearing down
    }
  }

  const database: LibsqlFileDatabase = {
    async execute(statement) {
      try {
        const conn = connection()
        const { sql, args } = normalise(statement)
        try {
          return run(conn, sql, args)
        } finally {
          settle(conn)
        }
      } catch (err) {
        throw mapLibsqlError(err)
      }
    },
    async batch(statements) {
      if (statements.length === 0) return []
      try {
        const conn = connection()
        try {
          // BEGIN IMMEDIATE, as the client's 'write' batch: the write lock up front, so a batch
          // never fails half-way with SQLITE_BUSY on lock upgrade.
          run(conn, 'BEGIN IMMEDIATE', [])
          const results: SqlResult[] = []
          for (let i = 0; i < statements.length; i++) {
            if (!conn.db.inTransaction) {
              throw new LibsqlBatchError(
                'The transaction has been rolled back',
                i,
                'TRANSACTION_CLOSED',
              )
            }
            const { sql, args } = normalise(statements[i]!)
            try {
              results.push(run(conn, sql, args))
            } catch (err) {
              throw toBatchError(err, i)
            }
          }
          run(conn, 'COMMIT', [])
          return results
        } finally {
          settle(conn)
        }
      } catch (err) {
        throw mapLibsqlError(err)
      }
    },
    async executeScript(sql) {
      try {
        const conn = connection()
        try {
          conn.db.exec(sql)
        } catch (err) {
          throw toLibsqlError(err)
        } finally {
          // A script may hold anything (DDL, ATTACH, PRAGMA): nothing compiled before it is kept.
          conn.cache.clear()
          settle(conn)
        }
      } catch (err) {
        throw mapLibsqlError(err)
      }
    },
    close() {
      closed = true
      if (current) drop(current)
    },
    statementStats: () => ({ cached: current?.cache.size ?? 0, compiled }),
  }
  // Opened now, so a path that cannot be opened fails at start-up as it did with the client.
  current = connect()
  return database
}

function compile(db: Driver, sql: string): Compiled {
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

function execute(conn: Connection, entry: Compiled, args: DriverArgs): SqlResult {
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
