/**
 * TEST-ONLY: one Hrana stream (one logical connection of the hrana bridge, ./hrana-bridge.ts):
 * the protocol's request and value types, their codecs, and the stream that runs requests on a
 * libSQL file client, borrowing a dedicated connection for an open transaction.
 */
import type { Client, InValue, ResultSet, Transaction, TransactionMode } from '@libsql/client'
import { splitSqlStatements, stripLeadingComments } from '../src/kernel/sql-split.ts'

type ProtoValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string }
interface ProtoSql {
  sql?: string | null
  sql_id?: number | null
}
interface ProtoStmt extends ProtoSql {
  args?: ProtoValue[]
  named_args?: { name: string; value: ProtoValue }[]
}
type ProtoCond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: ProtoCond }
  | { type: 'and' | 'or'; conds: ProtoCond[] }
  | { type: 'is_autocommit' }
interface ProtoStmtResult {
  cols: { name: string; decltype: string | null }[]
  rows: ProtoValue[][]
  affected_row_count: number
  last_insert_rowid: string | null
}
interface ProtoError {
  message: string
  code: string
}
export type StreamRequest =
  | { type: 'execute'; stmt: ProtoStmt }
  | { type: 'batch'; batch: { steps: { condition?: ProtoCond | null; stmt: ProtoStmt }[] } }
  | ({ type: 'sequence' | 'describe' } & ProtoSql)
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'get_autocommit' }
  | { type: 'close' }
export type StreamResult = { type: 'ok'; response: object } | { type: 'error'; error: ProtoError }

/**
 * The pooled file client gives each call any connection and rolls back whatever a call leaves
 * open, so a `BEGIN` cannot simply be executed. Instead `BEGIN` borrows a dedicated connection
 * through `client.transaction()`, later statements run on it, and once SQLite reports autocommit
 * again (COMMIT, ROLLBACK, or an error that rolled back) it is handed back.
 */
export class BridgeStream {
  closed = false
  idleTimer: ReturnType<typeof setTimeout> | undefined
  #tx: Transaction | undefined
  readonly #sqls = new Map<number, string>()

  constructor(private readonly client: Client) {}

  isAutocommit(): boolean {
    return this.#tx === undefined
  }

  async handle(request: StreamRequest): Promise<StreamResult> {
    try {
      if (this.closed) throw new BridgeError('Stream is closed', 'STREAM_CLOSED')
      return { type: 'ok', response: await this.#dispatch(request) }
    } catch (err) {
      return { type: 'error', error: toProtoError(err) }
    }
  }

  close(): void {
    this.closed = true
    clearTimeout(this.idleTimer)
    this.#tx?.close() // rolls back
    this.#tx = undefined
  }

  async #dispatch(request: StreamRequest): Promise<object> {
    switch (request.type) {
      case 'execute':
        return { type: 'execute', result: await this.#execute(request.stmt) }
      case 'batch': {
        const results: (ProtoStmtResult | null)[] = []
        const errors: (ProtoError | null)[] = []
        for (const { condition, stmt } of request.batch.steps) {
          if (condition && !this.#holds(condition, results, errors)) {
            results.push(null)
            errors.push(null)
            continue
          }
          try {
            results.push(await this.#execute(stmt))
            errors.push(null)
          } catch (err) {
            results.push(null)
            errors.push(toProtoError(err))
          }
        }
        return { type: 'batch', result: { step_results: results, step_errors: errors } }
      }
      case 'sequence':
        await this.#run((target) => target.executeMultiple(this.#sqlOf(request)))
        return { type: 'sequence' }
      case 'store_sql':
        this.#sqls.set(request.sql_id, request.sql)
        return { type: 'store_sql' }
      case 'close_sql':
        this.#sqls.delete(request.sql_id)
        return { type: 'close_sql' }
      case 'get_autocommit':
        return { type: 'get_autocommit', is_autocommit: this.isAutocommit() }
      case 'close':
        this.close()
        return { type: 'close' }
      default:
        throw new BridgeError(`Request ${request.type} is not supported by the bridge`, 'PROTO')
    }
  }

  #holds(cond: ProtoCond, results: unknown[], errors: unknown[]): boolean {
    switch (cond.type) {
      case 'ok':
        return results[cond.step] != null
      case 'error':
        return errors[cond.step] != null
      case 'not':
        return !this.#holds(cond.cond, results, errors)
      case 'and':
        return cond.conds.every((c) => this.#holds(c, results, errors))
      case 'or':
        return cond.conds.some((c) => this.#holds(c, results, errors))
      case 'is_autocommit':
        return this.isAutocommit()
    }
  }

  async #execute(stmt: ProtoStmt): Promise<ProtoStmtResult> {
    const sql = this.#sqlOf(stmt)
    // sqld refuses these too; checking here catches adapter code that would only break remotely.
    const count = splitSqlStatements(sql).length
    if (count === 0) throw new BridgeError('SQL string has no statement', 'SQL_NO_STATEMENT')
    if (count > 1) throw new BridgeError('SQL string has several statements', 'SQL_MANY_STATEMENTS')
    const mode = beginMode(sql)
    if (mode !== undefined && this.#tx === undefined) {
      this.#tx = await this.client.transaction(mode)
      return { cols: [], rows: [], affected_row_count: 0, last_insert_rowid: null }
    }
    const args = decodeArgs(stmt)
    return encodeResult(await this.#run((target) => target.execute({ sql, args })))
  }

  async #run<T>(fn: (target: Client | Transaction) => Promise<T>): Promise<T> {
    try {
      return await fn(this.#tx ?? this.client)
    } finally {
      if (this.#tx?.closed) {
        this.#tx.close()
        this.#tx = undefined
      }
    }
  }

  #sqlOf({ sql, sql_id }: ProtoSql): string {
    if (sql_id == null) return sql ?? ''
    const stored = this.#sqls.get(sql_id)
    if (stored === undefined) throw new BridgeError(`SQL text ${sql_id} not found`, 'PROTO')
    return stored
  }
}

function beginMode(sql: string): TransactionMode | undefined {
  const m =
    /^BEGIN(?:\s+(DEFERRED|IMMEDIATE|EXCLUSIVE))?(?:\s+TRANSACTION)?(?:\s+(READONLY))?\s*;?\s*$/i.exec(
      stripLeadingComments(sql),
    )
  if (!m) return undefined
  if (m[2]) return 'read'
  return m[1] && m[1].toUpperCase() !== 'DEFERRED' ? 'write' : 'deferred'
}

function decodeArgs(stmt: ProtoStmt): InValue[] | Record<string, InValue> {
  const positional = stmt.args ?? []
  const named = stmt.named_args ?? []
  if (named.length === 0) return positional.map(decodeValue)
  if (positional.length > 0) {
    throw new BridgeError('Both positional and named arguments', 'ARGS_BOTH_POSITIONAL_AND_NAMED')
  }
  return Object.fromEntries(named.map(({ name, value }) => [name, decodeValue(value)]))
}

function decodeValue(v: ProtoValue): InValue {
  switch (v.type) {
    case 'null':
      return null
    case 'integer':
      return BigInt(v.value)
    case 'float':
      return Number(v.value)
    case 'text':
      return v.value
    case 'blob':
      return new Uint8Array(Buffer.from(v.base64, 'base64'))
  }
}

function encodeResult(rs: ResultSet): ProtoStmtResult {
  return {
    cols: rs.columns.map((name, i) => ({ name, decltype: rs.columnTypes[i] || null })),
    rows: rs.rows.map((row) => rs.columns.map((_, i) => encodeValue(row[i]))),
    affected_row_count: rs.rowsAffected,
    last_insert_rowid: rs.lastInsertRowid === undefined ? null : String(rs.lastInsertRowid),
  }
}

function encodeValue(v: unknown): ProtoValue {
  if (v === null || v === undefined) return { type: 'null' }
  if (typeof v === 'bigint') return { type: 'integer', value: String(v) }
  if (typeof v === 'number') return { type: 'float', value: v }
  if (typeof v === 'string') return { type: 'text', value: v }
  if (v instanceof ArrayBuffer) return { type: 'blob', base64: Buffer.from(v).toString('base64') }
  throw new Error(`Cannot encode value of type ${typeof v}`)
}

/** Like sqld: the base SQLite code and `SQLite error: <message from SQLite>`. */
function toProtoError(err: unknown): ProtoError {
  if (err instanceof BridgeError) return { message: err.message, code: err.code }
  const { code, cause, message } = err as { code?: unknown; cause?: unknown; message?: unknown }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const raw = cause instanceof Error ? cause.message : String(message).replace(/^\w+: /, '')
    return { message: `SQLite error: ${raw}`, code }
  }
  return { message: err instanceof Error ? err.message : String(err), code: 'INTERNAL' }
}

/** A protocol-level failure: a stream result error, or (at HTTP level) a response `status`. */
export class BridgeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status = 400,
  ) {
    super(message)
  }
}
