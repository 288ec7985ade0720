/**
 * `SqlDatabase` over a local libSQL file, on the `libsql` native driver directly, keeping each
 * reusable statement compiled (see statement-cache.ts) with its column names, and committing
 * writes that arrive together in one transaction (group-commit-node.ts).
 *
 * Why not `@libsql/client` here: its file client compiles every statement again on each call
 * (`db.prepare(sql)`, then `columns()` twice and a `raw(true)` that throws for every write) and
 * keeps its connection private, so the only way to reuse statements through it would be to patch
 * the driver's prototype. Compiling cost 18–126 µs per statement, about 410 µs per refresh, and
 * `columns()` ~40 µs for a 25-column row (docs/performance.md). This adapter does what that
 * client does, with the same transaction handling and the same `LibsqlError` codes
 * (libsql-driver.ts), and keeps the compiled statements.
 *
 * Two connections: writes, batches and everything else run on the main one, where a group's
 * transaction may be open; reads sent alone (`SELECT`, `VALUES`, a reading `WITH`) run on a
 * read-only second one, which in WAL mode sees only committed data and never waits for the
 * group's fsync. Another adapter on the same file in this process must not write while a group
 * is open here: its synchronous wait for the write lock would block the COMMIT it waits for.
 */
import Database from 'libsql'
import { LibsqlBatchError, LibsqlError } from '@libsql/client'
import type { SqlDatabase, SqlResult, SqlStatement } from '../../kernel/ports/sql.ts'
import { mapLibsqlError } from './libsql.ts'
import { normalise, toBatchError, toLibsqlError, type DriverArgs } from './libsql-driver.ts'
import {
  compile,
  hasPrivateSchema,
  runCompiled,
  type Compiled,
  type Connection,
} from './libsql-connection.ts'
import { GroupCommit, route, type GroupConnection } from './group-commit-node.ts'
import { StatementCache, statementKind } from './statement-cache.ts'

/** Enough for every statement Propusk issues (a few hundred distinct texts at most). */
export const DEFAULT_STATEMENT_CACHE_SIZE = 500

export interface LibsqlFileOptions {
  busyTimeoutMs: number
  /** Compiled statements kept per connection, least recently used dropped first; 0 keeps none. */
  statementCacheSize?: number
}

/** The port plus what the tests need to see that statements are kept and writes grouped. */
export interface LibsqlFileDatabase extends SqlDatabase {
  statementStats(): {
    cached: number
    compiled: number
    /** Group transactions opened, committed, and members (batches or writes) committed. */
    groups: number
    commits: number
    members: number
  }
}

export function openLibsqlFile(path: string, options: LibsqlFileOptions): LibsqlFileDatabase {
  const cacheSize = options.statementCacheSize ?? DEFAULT_STATEMENT_CACHE_SIZE
  let main: Connection | undefined
  let reader: Connection | undefined
  let compiled = 0
  let closed = false
  // An attached database or temp objects exist on the main connection only: reads go there too.
  let readOnMain = false
  const groups = new GroupCommit()

  // Opened as the client opens its connection: `timeout` is the busy timeout. Constructor errors
  // are thrown as they come, like the client's; a failed PRAGMA closes the file again.
  const connect = (role: 'main' | 'reader'): Connection => {
    const db = new Database(path, { timeout: options.busyTimeoutMs })
    try {
      db.exec('PRAGMA foreign_keys = ON')
      db.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs}`)
      // WAL lets readers proceed while a writer commits; it is persistent in the file.
      if (role === 'main') db.exec('PRAGMA journal_mode = WAL')
      // A write taken for a read fails loudly instead of waiting for the group's write lock.
      else db.exec('PRAGMA query_only = ON')
    } catch (err) {
      db.close()
      throw mapLibsqlError(toLibsqlError(err))
    }
    return { db, cache: new StatementCache<Compiled>(cacheSize) }
  }

  const ensureOpen = (): void => {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
  }
  const connection = (): Connection => {
    ensureOpen()
    main ??= connect('main')
    return main
  }
  const readConnection = (): Connection => {
    ensureOpen()
    reader ??= connect('reader')
    return reader
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
      return runCompiled(conn, entry, args)
    } catch (err) {
      throw toLibsqlError(err)
    } finally {
      // The reader's statements too: nothing compiled against the old schema is kept.
      if (kind === 'schema') clearCaches()
    }
  }

  const clearCaches = (): void => {
    main?.cache.clear()
    reader?.cache.clear()
  }

  // After something that may attach a database or create temp objects, which the reader lacks.
  const recheckSchema = (conn: Connection): void => {
    try {
      readOnMain = conn.db.open && hasPrivateSchema(conn.db)
    } catch {
      readOnMain = true // unknown: main is always right, only slower
    }
  }

  // As the client's pool does before reusing a connection: nothing outside a batch may leave a
  // transaction open (an `execute('BEGIN')` is rolled back at once). If even the ROLLBACK fails
  // the connection is dropped, with its statements, and the next call opens a new one. Never
  // called while a group is open: the group's transaction is not a caller's leftover.
  const settle = (conn: Connection): void => {
    if (!conn.db.open || !conn.db.inTransaction) return
    try {
      run(conn, 'ROLLBACK', [])
    } catch {
      drop(conn)
    }
  }

  const drop = (conn: Connection): void => {
    if (main === conn) main = undefined
    if (reader === conn) reader = undefined
    try {
      if (conn.db.open) conn.db.close()
    } catch {
      // nothing useful to do while tearing down
    }
  }

  const grouped = (conn: Connection): GroupConnection =>
    (conn.group ??= {
      run: (sql) => void run(conn, sql, []),
      inTransaction: () => conn.db.open && conn.db.inTransaction,
      discard: () => drop(conn),
    })

  const runBatch = (conn: Connection, statements: SqlStatement[]): SqlResult[] => {
    const results: SqlResult[] = []
    for (let i = 0; i < statements.length; i++) {
      if (!conn.db.inTransaction) {
        throw new LibsqlBatchError('The transaction has been rolled back', i, 'TRANSACTION_CLOSED')
      }
      const { sql, args } = normalise(statements[i]!)
      try {
        results.push(run(conn, sql, args))
      } catch (err) {
        throw toBatchError(err, i)
      }
    }
    return results
  }

  // Commits the open group, then runs `work` on the main connection as it ran before groups:
  // for transaction statements, DDL, PRAGMA, scripts, and batches holding any of them.
  const alone = <T>(work: (conn: Connection) => T, schema: boolean): T => {
    const conn = connection()
    groups.flush()
    try {
      return work(conn)
    } finally {
      settle(conn)
      if (schema) recheckSchema(conn)
    }
  }

  const database: LibsqlFileDatabase = {
    async execute(statement) {
      let pending: Promise<SqlResult>
      try {
        ensureOpen()
        const { sql, args } = normalise(statement)
        const where = route(sql)
        if (where === 'read' && !readOnMain) return run(readConnection(), sql, args)
        if (where === 'write') {
          const conn = connection()
          pending = groups.join(grouped(conn), () => run(conn, sql, args))
        } else {
          return alone((conn) => run(conn, sql, args), statementKind(sql) === 'schema')
        }
      } catch (err) {
        throw mapLibsqlError(err)
      }
      return pending // settled by the group's COMMIT, with errors already mapped
    },
    async batch(statements) {
      if (statements.length === 0) return []
      let pending: Promise<SqlResult[]>
      try {
        const conn = connection()
        if (statements.every((s) => route(s.sql) !== 'alone')) {
          pending = groups.join(grouped(conn), () => runBatch(conn, statements))
        } else {
          const schema = statements.some((s) => statementKind(s.sql) === 'schema')
          return alone((c) => {
            // BEGIN IMMEDIATE, as the client's 'write' batch: the write lock up front, so a
            // batch never fails half-way with SQLITE_BUSY on lock upgrade.
            run(c, 'BEGIN IMMEDIATE', [])
            const results = runBatch(c, statements)
            run(c, 'COMMIT', [])
            return results
          }, schema)
        }
      } catch (err) {
        throw mapLibsqlError(err)
      }
      return pending
    },
    async executeScript(sql) {
      try {
        alone((conn) => {
          try {
            conn.db.exec(sql)
          } catch (err) {
            throw toLibsqlError(err)
          } finally {
            // A script may hold anything (DDL, ATTACH, PRAGMA): nothing compiled before it is kept.
            clearCaches()
          }
        }, true)
      } catch (err) {
        throw mapLibsqlError(err)
      }
    },
    close() {
      // Every pending member is settled (committed, or rejected) before the files close.
      groups.flush()
      closed = true
      if (main) drop(main)
      if (reader) drop(reader)
    },
    statementStats: () => ({
      cached: (main?.cache.size ?? 0) + (reader?.cache.size ?? 0),
      compiled,
      ...groups.counts,
    }),
  }
  // Opened now, so a path that cannot be opened fails at start-up as it did with the client.
  main = connect('main')
  return database
}
