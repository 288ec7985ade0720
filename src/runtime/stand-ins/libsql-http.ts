/**
 * What `@libsql/client/http` resolves to in the Worker bundle (wrangler.toml `[alias]`): the part
 * of the client the Worker uses (`execute`, `batch`, `executeMultiple`, `close`; see
 * src/storage/sql/libsql.ts), spoken as Hrana-over-HTTP v2 JSON pipelines, one request per call.
 * The full client (SQL cache, cursors, interactive transactions, a protocol probe before the
 * first request) was ~15 KiB of the gzipped Worker. Requests, batch semantics and errors follow
 * the client's: a `write` batch is BEGIN IMMEDIATE, each statement on the previous one's success,
 * COMMIT, and ROLLBACK unless the COMMIT succeeded; server errors become `LibsqlError` with the
 * server's code, HTTP failures `SERVER_ERROR`, network failures `HRANA_CLOSED_ERROR`.
 * libsql-http.test.ts runs the SqlDatabase and migration contracts through it.
 */
import type { Client, Config, InStatement, InValue, ResultSet, Row } from '@libsql/client'

export class LibsqlError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly extendedCode?: string,
    readonly rawCode?: number,
    cause?: unknown,
  ) {
    super(`${code}: ${message}`, { cause })
    this.name = 'LibsqlError'
  }
}

export class LibsqlBatchError extends LibsqlError {
  constructor(
    message: string,
    readonly statementIndex: number,
    code: string,
    cause?: unknown,
  ) {
    super(message, code, undefined, undefined, cause)
    this.name = 'LibsqlBatchError'
  }
}

type ProtoValue =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string }
interface ProtoStmt {
  sql: string
  args: ProtoValue[]
  named_args: Array<{ name: string; value: ProtoValue }>
  want_rows: boolean
}
interface ProtoError {
  message: string
  code?: string
}
interface ProtoResult {
  cols: Array<{ name: string | null; decltype?: string | null }>
  rows: ProtoValue[][]
  affected_row_count: number
  last_insert_rowid: string | null
}
type ProtoCond = { type: 'ok'; step: number } | { type: 'not'; cond: ProtoCond }
type PipelineResult =
  | { type: 'ok'; response: { type: string; result?: unknown } }
  | { type: 'error'; error: ProtoError }

function toProto(value: InValue): ProtoValue {
  if (value === null) return { type: 'null' }
  if (typeof value === 'string') return { type: 'text', value }
  if (typeof value === 'bigint') return { type: 'integer', value: String(value) }
  if (typeof value === 'boolean') return { type: 'integer', value: value ? '1' : '0' }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers can be passed to libSQL')
    return { type: 'float', value }
  }
  if (value instanceof Date) return { type: 'float', value: value.valueOf() }
  const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : value
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return { type: 'blob', base64: btoa(binary) }
}

function fromProto(value: ProtoValue, intMode: IntMode): InValue {
  switch (value.type) {
    case 'null':
      return null
    case 'integer': {
      if (intMode === 'bigint') return BigInt(value.value)
      if (intMode === 'string') return value.value
      const number = Number(value.value)
      if (!Number.isSafeInteger(number)) {
        throw new RangeError(
          'Received integer which is too large to be safely represented as a JavaScript number',
        )
      }
      return number
    }
    case 'float':
      return Number(value.value)
    case 'text':
      return value.value
    case 'blob': {
      const binary = atob(value.base64.replace(/=+$/, ''))
      const bytes = new Uint8Array(binary.length)
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
      return bytes.buffer
    }
  }
}

type IntMode = NonNullable<Config['intMode']>

/**
 * The pipeline URL and token from the client's `url`, as the client reads them: `libsql:` is
 * `https:` (`http:` with `?tls=0`), `?authToken=` overrides the option, other query parameters
 * are refused.
 */
export function endpoint(config: Config): { pipeline: string; authToken: string | undefined } {
  const url = new URL(config.url)
  let { authToken } = config
  let tls: boolean | undefined
  for (const [key, value] of url.searchParams) {
    if (key === 'authToken') authToken = value
    else if (key === 'tls' && (value === '0' || value === '1')) tls = value === '1'
    else
      throw new LibsqlError(`Unsupported URL query parameter ${JSON.stringify(key)}`, 'URL_INVALID')
  }
  let scheme = url.protocol.slice(0, -1).toLowerCase()
  if (scheme === 'libsql') {
    if (tls === false && !url.port) {
      throw new LibsqlError(
        'A "libsql:" URL with ?tls=0 must specify an explicit port',
        'URL_INVALID',
      )
    }
    scheme = tls === false ? 'http' : 'https'
  }
  if (scheme !== 'http' && scheme !== 'https') {
    throw new LibsqlError(
      `The Worker's libSQL client speaks only HTTP(S) ("libsql:", "https:", "http:"), got "${scheme}:"`,
      'URL_SCHEME_NOT_SUPPORTED',
    )
  }
  const path = url.pathname.replace(/\/+$/, '')
  return { pipeline: `${scheme}://${url.host}${path}/v2/pipeline`, authToken }
}

function stmt(statement: InStatement): ProtoStmt {
  const { sql, args = [] } = typeof statement === 'string' ? { sql: statement } : statement
  const positional = Array.isArray(args)
  return {
    sql,
    args: positional ? args.map(toProto) : [],
    named_args: positional
      ? []
      : Object.entries(args).map(([name, value]) => ({ name, value: toProto(value) })),
    want_rows: true,
  }
}

function resultSet(result: ProtoResult, intMode: IntMode): ResultSet {
  const columns = result.cols.map((col) => col.name ?? '')
  const rows = result.rows.map((values) => {
    const row: Record<string | number, InValue> = {}
    Object.defineProperty(row, 'length', { value: values.length })
    values.forEach((value, i) => {
      const decoded = fromProto(value, intMode)
      row[i] = decoded
      const name = columns[i] as string
      if (name && !Object.hasOwn(row, name)) {
        Object.defineProperty(row, name, { value: decoded, enumerable: true, configurable: true })
      }
    })
    return row as unknown as Row
  })
  const lastInsertRowid =
    result.last_insert_rowid === null ? undefined : BigInt(result.last_insert_rowid)
  return {
    columns,
    columnTypes: result.cols.map((col) => col.decltype ?? ''),
    rows,
    rowsAffected: result.affected_row_count,
    lastInsertRowid,
    toJSON: () => ({ columns, rows, rowsAffected: result.affected_row_count }),
  }
}

const responseError = (error: ProtoError) => new LibsqlError(error.message, error.code ?? 'UNKNOWN')

export function createClient(config: Config): Client {
  const { pipeline: pipelineUrl, authToken } = endpoint(config)
  const intMode: IntMode = config.intMode ?? 'number'
  const send = config.fetch ?? fetch
  let closed = false

  /** One pipeline: the requests, then `close`; returns each request's response. */
  async function pipeline(requests: unknown[]): Promise<PipelineResult[]> {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (authToken) headers.authorization = `Bearer ${authToken}`
    const body = JSON.stringify({ baton: null, requests: [...requests, { type: 'close' }] })
    let response: Response
    try {
      response = await send(new Request(pipelineUrl, { method: 'POST', headers, body }))
    } catch (error) {
      throw new LibsqlError(
        `The stream was closed: ${String(error)}`,
        'HRANA_CLOSED_ERROR',
        undefined,
        undefined,
        error,
      )
    }
    if (!response.ok) {
      const type = response.headers.get('content-type') ?? 'text/plain'
      const message = `Server returned HTTP status ${response.status}`
      if (type === 'application/json') {
        const error = (await response.json()) as Partial<ProtoError>
        if (typeof error.message === 'string') throw responseError(error as ProtoError)
      }
      const text = type === 'text/plain' ? (await response.text()).trim() : ''
      throw new LibsqlError(text ? `${message}: ${text}` : message, 'SERVER_ERROR')
    }
    const { results } = (await response.json()) as { results: PipelineResult[] }
    return results
  }

  async function one(request: unknown): Promise<unknown> {
    const [result] = await pipeline([request])
    if (!result) throw new LibsqlError('No response in the pipeline', 'HRANA_PROTO_ERROR')
    if (result.type === 'error') throw responseError(result.error)
    return result.response.result
  }

  async function batch(statements: InStatement[], mode = 'deferred'): Promise<ResultSet[]> {
    const begin =
      mode === 'write'
        ? 'BEGIN IMMEDIATE'
        : mode === 'read'
          ? 'BEGIN TRANSACTION READONLY'
          : 'BEGIN DEFERRED'
    const steps: Array<{ stmt: ProtoStmt; condition?: ProtoCond }> = [{ stmt: stmt(begin) }]
    for (const statement of statements)
      steps.push({ stmt: stmt(statement), condition: { type: 'ok', step: steps.length - 1 } })
    const commit = steps.length
    steps.push({ stmt: stmt('COMMIT'), condition: { type: 'ok', step: commit - 1 } })
    steps.push({
      stmt: stmt('ROLLBACK'),
      condition: { type: 'not', cond: { type: 'ok', step: commit } },
    })
    const outcome = (await one({ type: 'batch', batch: { steps } })) as {
      step_results: Array<ProtoResult | null>
      step_errors: Array<ProtoError | null>
    }
    const failed = outcome.step_errors[0]
    if (failed) throw responseError(failed)
    const results = statements.map((_, index) => {
      const error = outcome.step_errors[index + 1]
      if (error) throw new LibsqlBatchError(`${error.message}`, index, error.code ?? 'UNKNOWN')
      const result = outcome.step_results[index + 1]
      if (!result) {
        throw new LibsqlBatchError(
          'Statement in a batch was not executed, probably because the transaction has been rolled back',
          index,
          'TRANSACTION_CLOSED',
        )
      }
      return resultSet(result, intMode)
    })
    const commitError = outcome.step_errors[commit]
    if (commitError) throw responseError(commitError)
    return results
  }

  const unsupported = (what: string) => () => {
    throw new LibsqlError(
      `${what} is not available in the Worker's libSQL client`,
      'NOT_IMPLEMENTED',
    )
  }

  return {
    async execute(statement: InStatement | string, args?: unknown) {
      const full =
        typeof statement === 'string' && args !== undefined ? { sql: statement, args } : statement
      return resultSet(
        (await one({ type: 'execute', stmt: stmt(full as InStatement) })) as ProtoResult,
        intMode,
      )
    },
    batch: (statements: Array<InStatement | [string, unknown?]>, mode?: string) =>
      batch(
        statements.map((s) =>
          Array.isArray(s) ? ({ sql: s[0], args: s[1] ?? [] } as InStatement) : s,
        ),
        mode,
      ),
    async executeMultiple(sql: string) {
      await one({ type: 'sequence', sql })
    },
    migrate: unsupported('migrate'),
    transaction: unsupported('transaction'),
    sync: unsupported('sync'),
    close() {
      closed = true
    },
    reconnect() {},
    get closed() {
      return closed
    },
    protocol: 'http',
  } as unknown as Client
}
