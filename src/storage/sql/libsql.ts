/**
 * `SqlDatabase` over an `@libsql/client` `Client`. Only the client's *type* is imported so the
 * same adapter serves `@libsql/client` (Node/Deno: file:, libsql:, https:) and
 * `@libsql/client/web` (Workers: HTTP only); the runtime entries create the client.
 *
 * Create the client with `intMode: 'bigint'` (as `openLibsql` does): the adapter narrows safe
 * integers back to `number`, and only values beyond 2^53 stay `bigint`. With the default
 * `intMode: 'number'` the client throws on such values instead.
 */
import type { Client, InArgs, InStatement, InValue, ResultSet } from '@libsql/client'
import {
  DependencyError,
  SqlConstraintError,
  type SqlDatabase,
  type SqlResult,
  type SqlRow,
  type SqlStatement,
  type SqlValue,
} from '../../kernel/ports/sql.ts'

/** Options of `openLibsql` shared by the Node/Deno and Workers entries. */
export interface LibsqlOpenOptions {
  /**
   * Aborts each HTTP request of a remote client after this long (`SQL_TIMEOUT_MS`), so a server
   * that accepts but never answers releases the fetch. Unset: no client-side limit (migrations
   * from the command line). Local files and WebSocket URLs have no per-request abort.
   */
  timeoutMs?: number
}

/**
 * The `fetch` handed to the remote clients. The libSQL HTTP client passes a ready `Request`
 * (never an init), so adding a signal in the init is all it takes.
 */
export function fetchWithTimeout(timeoutMs: number): (request: Request) => Promise<Response> {
  return (request) => fetch(request, { signal: AbortSignal.timeout(timeoutMs) })
}

export function createLibsqlDatabase(client: Client): SqlDatabase {
  return {
    async execute(statement) {
      try {
        return toResult(await client.execute(toInStatement(statement)))
      } catch (err) {
        throw mapLibsqlError(err)
      }
    },
    async batch(statements) {
      if (statements.length === 0) return []
      try {
        // 'write' = BEGIN IMMEDIATE: takes the write lock up front, so a batch never fails
        // half-way with SQLITE_BUSY on lock upgrade, and it is one round trip on remote clients.
        const results = await client.batch(statements.map(toInStatement), 'write')
        return results.map(toResult)
      } catch (err) {
        throw mapLibsqlError(err)
      }
    },
    async executeScript(sql) {
      try {
        await client.executeMultiple(sql)
      } catch (err) {
        throw mapLibsqlError(err)
      }
    },
    close() {
      client.close()
    },
  }
}

function toInStatement(statement: SqlStatement | string): InStatement {
  if (typeof statement === 'string') return { sql: statement, args: [] }
  const { sql, args } = statement
  if (args === undefined) return { sql, args: [] }
  let inArgs: InArgs
  if (Array.isArray(args)) {
    inArgs = args.map(toInValue)
  } else {
    const named: Record<string, InValue> = {}
    for (const [name, value] of Object.entries(args)) named[name] = toInValue(value)
    inArgs = named
  }
  return { sql, args: inArgs }
}

/** Also the local file adapter's binding (libsql-file-node.ts), so both bind alike. */
export function toInValue(value: SqlValue): InValue {
  if (typeof value === 'boolean') return value ? 1n : 0n
  // The HTTP protocol sends every JS number as a REAL. Binding whole numbers as INTEGER keeps
  // `typeof()`, JSON functions and untyped columns identical on local files and remote servers.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value)
  return value
}

function toResult(rs: ResultSet): SqlResult {
  const { columns } = rs
  const rows = rs.rows.map((row) => {
    const out: SqlRow = {}
    for (let i = 0; i < columns.length; i++) {
      const name = columns[i]!
      // Like libSQL itself: with duplicate column names the first one wins.
      if (!Object.hasOwn(out, name)) out[name] = fromValue(row[i])
    }
    return out
  })
  return { rows, rowsAffected: rs.rowsAffected, lastInsertRowid: rs.lastInsertRowid }
}

export function fromValue(value: unknown): SqlValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value
  }
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (value instanceof Uint8Array) return value
  if (typeof value === 'number' || typeof value === 'string') return value
  throw new TypeError(`Unexpected value type from libSQL: ${typeof value}`)
}

type ConstraintKind = SqlConstraintError['constraint']

const EXTENDED_CODES: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_ROWID: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
}

const MESSAGE_KINDS: Record<string, ConstraintKind> = {
  UNIQUE: 'unique',
  'FOREIGN KEY': 'foreign_key',
  CHECK: 'check',
  'NOT NULL': 'not_null',
}

/** libSQL codes that mean the database could not be reached or used, not that a statement was wrong. */
const UNAVAILABLE_CODES = new Set([
  'CLIENT_CLOSED',
  'HRANA_CLOSED_ERROR',
  'HRANA_WEBSOCKET_ERROR',
  'SERVER_ERROR',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
  'SQLITE_IOERR',
  'SQLITE_READONLY',
  'SQLITE_NOTADB',
  'SQLITE_AUTH',
])

/** Network failures of the remote (HTTP/WebSocket) clients arrive as plain fetch errors. */
const NETWORK_CAUSES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
])

function isUnavailable(err: Error): boolean {
  const { code, extendedCode } = err as { code?: unknown; extendedCode?: unknown }
  for (const value of [code, extendedCode]) {
    if (typeof value !== 'string') continue
    if (UNAVAILABLE_CODES.has(value) || value.startsWith('SQLITE_IOERR')) return true
  }
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return true
  const cause = err.cause as { code?: unknown } | undefined
  if (typeof cause?.code === 'string' && NETWORK_CAUSES.has(cause.code)) return true
  return err instanceof TypeError && /fetch failed|network/i.test(err.message)
}

/**
 * Turns a libSQL constraint failure into `SqlConstraintError` and a connectivity failure
 * (closed client, unreachable server, busy or unreadable file) into `DependencyError('sql')`;
 * returns anything else (a bad statement: a bug, answered as 500) unchanged.
 *
 * Local files report `code: 'SQLITE_CONSTRAINT'` plus `extendedCode: 'SQLITE_CONSTRAINT_UNIQUE'`,
 * but a remote server (sqld/Turso) only sends the base code and a message such as
 * `SQLite error: UNIQUE constraint failed: users.email`, so the message is the common ground.
 */
export function mapLibsqlError(err: unknown): unknown {
  if (!(err instanceof Error)) return err
  const { code, extendedCode } = err as { code?: unknown; extendedCode?: unknown }
  const match = /(UNIQUE|FOREIGN KEY|CHECK|NOT NULL) constraint failed(?::\s*([^\n]*))?/.exec(
    err.message,
  )
  const isConstraint =
    (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) ||
    (typeof extendedCode === 'string' && extendedCode.startsWith('SQLITE_CONSTRAINT')) ||
    match !== null
  if (!isConstraint) return isUnavailable(err) ? new DependencyError('sql', err) : err

  const kind: ConstraintKind =
    (typeof extendedCode === 'string' ? EXTENDED_CODES[extendedCode] : undefined) ??
    (typeof code === 'string' ? EXTENDED_CODES[code] : undefined) ??
    (match ? MESSAGE_KINDS[match[1]!] : undefined) ??
    'other'
  // Only UNIQUE and NOT NULL name columns (`t.a, t.b`); CHECK names a constraint or expression
  // and a UNIQUE expression index reports `index 'name'`, which are not columns.
  const columns =
    match && (kind === 'unique' || kind === 'not_null')
      ? (match[2] ?? '')
          .split(',')
          .map((part) => part.trim())
          .filter((part) => /^[\w$]+\.[\w$]+$/.test(part))
      : []
  const message = match ? match[0].trim() : err.message
  return new SqlConstraintError(message, kind, columns, { cause: err })
}
