/**
 * `SqlDatabase` over a local libSQL file, on the `libsql` native driver directly, keeping each
 * reusable statement compiled (see statement-cache.ts).
 *
 * Why not `@libsql/client` here: its file client compiles every statement again on each call
 * (`db.prepare(sql)`, then `columns()` twice and a `raw(true)` that throws for every write) and
 * keeps its connection private, so the only way to reuse statements through it would be to patch
 * the driver's prototype. Compiling cost 18–126 µs per statement, about 410 µs per refresh
 * (docs/performance.md). This adapter does what that client does on its one connection, with the
 * same transaction handling and the same `LibsqlError` codes, and keeps the compiled statements.
 */
import Database from 'libsql'
import { LibsqlBatchError, LibsqlError } from '@libsql/client'
import type {
  SqlDatabase,
  SqlResult,
  SqlRow,
  SqlStatement,
  SqlValue,
} from '../../kernel/ports/sql.ts'
import { fromValue, mapLibsqlError, toInValue } from './libsql.ts'
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

type Connection = InstanceType<typeof Database>
type Statement = ReturnType<Connection['prepare']>
interface Compiled {
  statement: Statement
  /** Whether the statement returns rows (the client's `raw(true)` test, made once). */
  reader: boolean
}

export function openLibsqlFile(path: string, options: LibsqlFileOptions): LibsqlFileDatabase {
  const cacheSize = options.statementCacheSize ?? DEFAULT_STATEMENT_CACHE_SIZE
  let db: Connection | undefined
  let cache = new StatementCache<Compiled>(cacheSize)
  let compiled = 0
  let closed = false

  // Opened as the client opens its connection: `timeout` is the busy timeout. Constructor errors
  // are thrown as they come, like the client's; a failed PRAGMA closes the file again.
  const connect = (): Connection => {
    const conn = new Database(path, { timeout: options.busyTimeoutMs })
    try {
      conn.exec('PRAGMA foreign_keys = ON')
      conn.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs}`)
      // WAL lets readers proceed while a writer commits; it is persistent in the file.
      conn.exec('PRAGMA journal_mode = WAL')
    } catch (err) {
      conn.close()
      throw mapLibsqlError(toLibsqlError(err))
    }
    return conn
  }

  const connection = (): Connection => {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
    db ??= connect()
    return db
  }

  const run = (conn: Connection, sql: string, args: DriverArgs): SqlResult => {
    const kind = statementKind(sql)
    let entry = kind === 'reuse' ? cache.get(sql) : undefined
    try {
      if (entry === undefined) {
        entry = compile(conn, sql)
        compiled++
        if (kind === 'reuse') cache.set(sql, entry)
      }
      return execute(entry, args)
    } catch (err) {
      throw toLibsqlError(err)
    } finally {
      if (kind === 'schema') cache.clear()
    }
  }

  // As the client's pool does before reusing a connection: nothing outside a batch may leave a
  // transaction open (an `execute('BEGIN')` is rolled back at once). If even the ROLLBACK fails
  // the connection is dropped, with its statements, and the next call opens a new one.
  const settle = (conn: Connection): void => {
    if (!conn.open || !conn.inTransaction) return
    try {
      run(conn, 'ROLLBACK', [])
    } catch {
      dropConnection()
    }
  }

  const dropConnection = (): void => {
    cache = new StatementCache<Compiled>(cacheSize)
    try {
      if (db?.open) db.close()
    } catch {
      // nothing useful to do while tearing down
    }
    db = undefined
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
            if (!conn.inTransaction) {
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
          conn.exec(sql)
        } catch (err) {
          throw toLibsqlError(err)
        } finally {
          // A script may hold anything (DDL, ATTACH, PRAGMA): nothing compiled before it is kept.
          cache.clear()
          settle(conn)
        }
      } catch (err) {
        throw mapLibsqlError(err)
      }
    },
    close() {
      closed = true
      dropConnection()
    },
    statementStats: () => ({ cached: cache.size, compiled }),
  }
  // Opened now, so a path that cannot be opened fails at start-up as it did with the client.
  db = connect()
  return database
}

function compile(conn: Connection, sql: string): Compiled {
  const statement = conn.prepare(sql)
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

function execute({ statement, reader }: Compiled, args: DriverArgs): SqlResult {
  if (!reader) {
    const info = statement.run(args)
    return {
      rows: [],
      rowsAffected: info.changes,
      lastInsertRowid: BigInt(info.lastInsertRowid),
    }
  }
  const raw = statement.all(args) as unknown[][]
  if (raw.length === 0) return { rows: [], rowsAffected: 0, lastInsertRowid: undefined }
  // Read after the rows: if SQLite recompiled the statement for a new schema on this step
  // (another connection added a column to a `SELECT *` table), these are the new names.
  const columns = statement.columns().map((column) => column.name)
  const rows = raw.map((values) => {
    const row: SqlRow = {}
    for (let i = 0; i < columns.length; i++) {
      const name = columns[i]!
      // Like libSQL itself: with duplicate column names the first one wins.
      if (!Object.hasOwn(row, name)) row[name] = fromDriver(values[i])
    }
    return row
  })
  return { rows, rowsAffected: 0, lastInsertRowid: undefined }
}

/** The driver returns blobs as `Buffer`; the port promises plain `Uint8Array`s. */
function fromDriver(value: unknown): SqlValue {
  if (value instanceof Uint8Array && value.constructor !== Uint8Array) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  }
  return fromValue(value)
}

/** Positional values, or named ones without their prefix, as the driver binds them. */
type DriverArgs = unknown[] | Record<string, unknown>

function normalise(statement: SqlStatement | string): { sql: string; args: DriverArgs } {
  if (typeof statement === 'string') return { sql: statement, args: [] }
  const { sql, args } = statement
  if (args === undefined) return { sql, args: [] }
  if (Array.isArray(args)) return { sql, args: args.map(toDriverValue) }
  // The driver takes names without their `:`, `@` or `$`, as the client passes them.
  const named: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(args)) {
    const bare = name[0] === ':' || name[0] === '@' || name[0] === '$' ? name.slice(1) : name
    named[bare] = toDriverValue(value)
  }
  return { sql, args: named }
}

const MIN_INTEGER = -(2n ** 63n)
const MAX_INTEGER = 2n ** 63n - 1n

/** The client's argument checks, with the same messages. */
function toDriverValue(value: SqlValue): unknown {
  const bound = toInValue(value)
  if (typeof bound === 'number' && !Number.isFinite(bound)) {
    throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments')
  }
  if (typeof bound === 'bigint' && (bound < MIN_INTEGER || bound > MAX_INTEGER)) {
    throw new RangeError(
      'bigint is too large to be represented as a 64-bit integer and passed as argument',
    )
  }
  return bound
}

/** The driver's `SqliteError` as the client reports it: base code, extended code, raw code. */
function toLibsqlError(err: unknown): unknown {
  if (!(err instanceof Database.SqliteError)) return err
  const base = err.rawCode === undefined ? undefined : SQLITE_CODES[err.rawCode & 0xff]
  const code =
    err.rawCode === undefined ? 'SQLITE_UNKNOWN' : (base ?? `SQLITE_UNKNOWN_${err.rawCode & 0xff}`)
  return new LibsqlError(err.message, code, err.code, err.rawCode, err)
}

function toBatchError(err: unknown, index: number): unknown {
  if (err instanceof LibsqlBatchError || !(err instanceof LibsqlError)) return err
  const cause = err.cause instanceof Error ? err.cause : undefined
  return new LibsqlBatchError(err.message, index, err.code, err.extendedCode, err.rawCode, cause)
}

const SQLITE_CODES: Record<number, string> = {
  1: 'SQLITE_ERROR',
  2: 'SQLITE_INTERNAL',
  3: 'SQLITE_PERM',
  4: 'SQLITE_ABORT',
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY',
  9: 'SQLITE_INTERRUPT',
  10: 'SQLITE_IOERR',
  11: 'SQLITE_CORRUPT',
  12: 'SQLITE_NOTFOUND',
  13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN',
  15: 'SQLITE_PROTOCOL',
  16: 'SQLITE_EMPTY',
  17: 'SQLITE_SCHEMA',
  18: 'SQLITE_TOOBIG',
  19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH',
  21: 'SQLITE_MISUSE',
  22: 'SQLITE_NOLFS',
  23: 'SQLITE_AUTH',
  24: 'SQLITE_FORMAT',
  25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB',
  27: 'SQLITE_NOTICE',
  28: 'SQLITE_WARNING',
}
