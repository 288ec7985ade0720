/**
 * TEST-ONLY: a tiny libSQL server. It speaks "Hrana over HTTP" (JSON, protocol v2/v3) in front
 * of a local libSQL file, so `@libsql/client/web` — the only client that runs in workerd — can
 * be tested against a real database without a sqld binary.
 *
 * Scope is exactly what `@libsql/client/web` sends: POST /v2/pipeline (and /v3/pipeline) with
 * execute, batch (conditions ok/error/not/and/or/is_autocommit), sequence, store_sql, close_sql,
 * get_autocommit and close. Probes of /v3-protobuf get 404, which makes a v3-capable client fall
 * back to JSON v2. No cursors, no protobuf, no replication. Errors mimic sqld: base SQLite code
 * (`SQLITE_CONSTRAINT`) and `SQLite error: <sqlite message>`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  createClient,
  type Client,
  type InValue,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'
import { splitSqlStatements, stripLeadingComments } from '../../src/storage/sql/split.ts'

export interface HranaBridgeOptions {
  /** Path of the libSQL/SQLite file to serve (created if missing). */
  dbPath: string
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  token?: string
  /** Streams idle longer than this are closed and their transaction rolled back (sqld: 10 s). */
  streamIdleMs?: number
}

export interface HranaBridge {
  /** `http://127.0.0.1:<port>`; pass to `createClient` from `@libsql/client/web`. */
  url: string
  close(): Promise<void>
}

interface PipelineBody {
  baton?: string | null
  requests: StreamRequest[]
}

export async function startHranaBridge(options: HranaBridgeOptions): Promise<HranaBridge> {
  const client = createClient({
    url: pathToFileURL(resolve(options.dbPath)).href,
    intMode: 'bigint',
    timeout: 5000,
  })
  await client.execute('PRAGMA journal_mode = WAL')
  const idleMs = options.streamIdleMs ?? 10_000
  const streams = new Map<string, BridgeStream>()
  const lock = new WriterLock()

  const expire = (stream: BridgeStream): void => {
    for (const [baton, s] of streams) if (s === stream) streams.delete(baton)
    stream.close()
    lock.release(stream)
  }

  async function pipeline(body: PipelineBody): Promise<unknown> {
    let stream: BridgeStream
    if (body.baton) {
      const found = streams.get(body.baton)
      if (!found) throw new BridgeError('Stream handle is invalid or expired', 'STREAM_EXPIRED')
      streams.delete(body.baton)
      stream = found
    } else {
      stream = new BridgeStream(client)
    }
    // The idle clock only runs between requests, so a stream waiting for its turn never expires.
    clearTimeout(stream.idleTimer)
    await lock.acquire(stream)
    const results: StreamResult[] = []
    try {
      for (const request of body.requests) results.push(await stream.handle(request))
    } finally {
      if (stream.closed || stream.isAutocommit()) lock.release(stream)
    }
    if (stream.closed) return { baton: null, base_url: null, results }
    stream.idleTimer = setTimeout(() => expire(stream), idleMs).unref()
    // A fresh baton per response, as sqld does, so a stale baton cannot be replayed.
    const baton = crypto.randomUUID()
    streams.set(baton, stream)
    return { baton, base_url: null, results }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const e = err instanceof BridgeError ? err : new BridgeError(String(err), 'INTERNAL', 500)
      send(res, e.status, { message: e.message, code: e.code })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://bridge').pathname
    // Version probes carry no credentials (the client sends them bare), as on sqld.
    if (req.method === 'GET' && ['/', '/health', '/v2', '/v3'].includes(path)) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
      return
    }
    if (req.method !== 'POST' || (path !== '/v2/pipeline' && path !== '/v3/pipeline')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('Unauthorized')
      return
    }
    let body: PipelineBody
    try {
      body = JSON.parse(await readBody(req)) as PipelineBody
    } catch {
      throw new BridgeError('Body is not JSON', 'PROTO')
    }
    if (!Array.isArray(body.requests)) throw new BridgeError('requests missing', 'PROTO')
    send(res, 200, await pipeline(body))
  }

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const stream of new Set(streams.values())) expire(stream)
      server.closeAllConnections()
      await new Promise<void>((ok) => server.close(() => ok()))
      client.close()
    },
  }
}

/**
 * The native driver runs SQLite synchronously on this thread. If a stream held a write
 * transaction open between HTTP requests and another stream tried to write, SQLite's busy
 * handler would block the event loop — so the first stream could never send its COMMIT. Instead,
 * streams take turns here, asynchronously; a stream inside a transaction keeps its turn until it
 * commits, rolls back, closes or expires. Stricter than sqld (which lets readers through), but
 * deadlock-free.
 */
class WriterLock {
  #owner: BridgeStream | undefined
  #waiters: { stream: BridgeStream; grant: () => void }[] = []

  acquire(stream: BridgeStream): Promise<void> {
    if (this.#owner === undefined || this.#owner === stream) {
      this.#owner = stream
      return Promise.resolve()
    }
    return new Promise((grant) => this.#waiters.push({ stream, grant }))
  }

  release(stream: BridgeStream): void {
    if (this.#owner !== stream) return
    const next = this.#waiters.shift()
    this.#owner = next?.stream
    next?.grant()
  }
}

// ---- one stream = one logical connection -------------------------------------------------------

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
type StreamRequest =
  | { type: 'execute'; stmt: ProtoStmt }
  | { type: 'batch'; batch: { steps: { condition?: ProtoCond | null; stmt: ProtoStmt }[] } }
  | ({ type: 'sequence' | 'describe' } & ProtoSql)
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'get_autocommit' }
  | { type: 'close' }
type StreamResult = { type: 'ok'; response: object } | { type: 'error'; error: ProtoError }

/**
 * The pooled file client gives each call any connection and rolls back whatever a call leaves
 * open, so a `BEGIN` cannot simply be executed. Instead `BEGIN` borrows a dedicated connection
 * through `client.transaction()`, later statements run on it, and once SQLite reports autocommit
 * again (COMMIT, ROLLBACK, or an error that rolled back) it is handed back.
 */
class BridgeStream {
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
class BridgeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  // Exactly `application/json`: the client only parses error bodies with that exact type.
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
