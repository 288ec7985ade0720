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
import { createClient } from '@libsql/client'
import { BridgeError, BridgeStream, type StreamRequest, type StreamResult } from './hrana-stream.ts'

export interface HranaBridgeOptions {
  /** Path of the libSQL/SQLite file to serve (created if missing). */
  dbPath: string
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  token?: string
  /** Streams idle longer than this are closed and their transaction rolled back (sqld: 10 s). */
  streamIdleMs?: number
  /** Port on 127.0.0.1 (default: a free one); fixed to restart a bridge at the same URL. */
  port?: number
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

  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok))
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

function send(res: ServerResponse, status: number, body: unknown): void {
  // Exactly `application/json`: the client only parses error bodies with that exact type.
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
