/**
 * A test-only HTTP server that speaks the Upstash Redis REST protocol in front of a real
 * redis-server, so the Upstash adapter (src/storage/state/upstash-rest.ts) is tested with real
 * HTTP and real Redis semantics (Lua, EVALSHA/NOSCRIPT, expiry) instead of mocks; the bridge's
 * own checks in state-store.test.ts drive it with the official @upstash/redis client.
 *
 * Protocol, as the clients use it (the adapter; node_modules/@upstash/redis, HttpClient.request):
 * - `POST /` with a JSON command array, e.g. `["SET","k","v","PX",1000]` (numbers and booleans
 *   appear unquoted) → `{"result": ...}`, or `{"error": "..."}` with status 400.
 * - `POST /pipeline` with an array of command arrays → `[{"result"}|{"error"}, ...]`, status 200.
 * - `POST /multi-exec`: the same, inside MULTI/EXEC; a transaction Redis aborts is a 400.
 * - Path-style commands (`/get/key`, body appended as the last argument) as the REST API allows.
 * - `Authorization: Bearer <token>` is required, else 401.
 * - `Upstash-Encoding: base64` (the client's default) asks for every string in the result to be
 *   base64-encoded so binary and non-UTF-8 values survive JSON; the client decodes them.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Redis } from 'ioredis'

export interface UpstashBridge {
  /** `http://127.0.0.1:<port>` */
  url: string
  token: string
  stop(): Promise<void>
}

type Command = [string, ...string[]]
type Reply = { result: unknown } | { error: string }

function toCommand(value: unknown): Command {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error('command must be a non-empty JSON array')
  }
  const args = value.map((arg: unknown) => {
    if (typeof arg === 'string') return arg
    if (typeof arg === 'number' || typeof arg === 'boolean') return String(arg)
    throw new Error(`unsupported argument type: ${JSON.stringify(arg)}`)
  })
  return args as Command
}

function toCommands(value: unknown): Command[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error('body must be a non-empty JSON array of commands')
  }
  return value.map(toCommand)
}

/** ioredis `callBuffer` yields Buffers for bulk and status strings, numbers and nested arrays. */
function encode(reply: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(reply)) return reply.toString(base64 ? 'base64' : 'utf8')
  if (typeof reply === 'string') return base64 ? Buffer.from(reply).toString('base64') : reply
  if (Array.isArray(reply)) return reply.map((item) => encode(item, base64))
  if (reply instanceof Error) return reply.message
  return reply ?? null
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(body))
}

export async function startUpstashBridge(options: {
  redisUrl: string
  token?: string
}): Promise<UpstashBridge> {
  const token = options.token ?? randomUUID()
  // One shared connection: Redis serialises commands anyway, and ioredis writes a MULTI block
  // in one go, so transactions from concurrent requests cannot interleave.
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1 })

  async function runPipeline(commands: Command[], transaction: boolean): Promise<Reply[]> {
    const batch = transaction ? redis.multi() : redis.pipeline()
    for (const [name, ...args] of commands) batch.callBuffer(name, ...args)
    // For MULTI, exec rejects when Redis discards the transaction (EXECABORT).
    const results = (await batch.exec()) ?? []
    return results.map(([error, result]) => (error ? { error: message(error) } : { result }))
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${token}`) {
      return send(res, 401, { error: 'Unauthorized' })
    }
    if (req.method !== 'POST' && req.method !== 'GET') {
      return send(res, 405, { error: 'Method not allowed' })
    }
    const base64 = String(req.headers['upstash-encoding']).toLowerCase() === 'base64'
    const path = new URL(req.url ?? '/', 'http://bridge').pathname
    const raw = await readBody(req)

    try {
      if (path === '/pipeline' || path === '/multi-exec') {
        const replies = await runPipeline(toCommands(JSON.parse(raw)), path === '/multi-exec')
        const encoded = replies.map((r) =>
          'error' in r ? r : { result: encode(r.result, base64) },
        )
        return send(res, 200, encoded)
      }
      const command =
        path === '/'
          ? toCommand(JSON.parse(raw))
          : toCommand([...path.slice(1).split('/').map(decodeURIComponent), ...(raw ? [raw] : [])])
      const [name, ...args] = command
      return send(res, 200, { result: encode(await redis.callBuffer(name, ...args), base64) })
    } catch (error) {
      // Bad JSON, bad command shape and Redis errors (WRONGTYPE, NOSCRIPT, ...) are all 400s.
      return send(res, 400, { error: message(error) })
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: message(error) })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
