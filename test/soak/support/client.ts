/**
 * JSON over HTTP to the server under test, from many loopback source addresses (127.0.x.y: on
 * Linux the whole 127/8 is local), so the per-IP limits see many clients as they would in
 * production instead of refusing one busy address. Every call has a hard client-side timeout,
 * so a hung server shows up as an error instead of stalling the load loop.
 */
import { Agent, request } from 'node:http'

export interface Reply {
  status: number
  /** The parsed JSON body, or `{ text }` when it is not JSON. */
  body: Record<string, unknown>
  /** The error `code` of a `{"error":{...}}` body. */
  code: string | undefined
  ms: number
  /** Set when no answer came: a socket error or the client timeout. */
  failure?: string
}

export interface Client {
  call(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string; ip?: number },
  ): Promise<Reply>
  close(): void
}

export function createClient(
  port: number,
  options: { timeoutMs: number; addresses?: number },
): Client {
  const count = options.addresses ?? 200
  const agents = Array.from(
    { length: count },
    (_, i) =>
      new Agent({
        keepAlive: true,
        maxSockets: 4,
        localAddress: `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`,
      }),
  )
  let next = 0
  return {
    call(method, path, { body, token, ip } = {}) {
      const agent = agents[(ip ?? next++) % count] as Agent
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const headers: Record<string, string> = {}
      if (payload !== undefined) headers['content-type'] = 'application/json'
      if (token) headers.authorization = `Bearer ${token}`
      const started = performance.now()
      return new Promise<Reply>((resolve) => {
        const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            let parsed: Record<string, unknown>
            try {
              parsed = JSON.parse(text) as Record<string, unknown>
            } catch {
              parsed = { text }
            }
            const code = (parsed.error as { code?: unknown } | undefined)?.code
            resolve({
              status: res.statusCode ?? 0,
              body: parsed,
              code: typeof code === 'string' ? code : undefined,
              ms: performance.now() - started,
            })
          })
          res.on('error', (error) => fail(error.message))
        })
        const fail = (failure: string) =>
          resolve({
            status: 0,
            body: {},
            code: undefined,
            ms: performance.now() - started,
            failure,
          })
        req.setTimeout(options.timeoutMs, () => {
          req.destroy()
          fail(`no answer within ${options.timeoutMs} ms`)
        })
        req.on('error', (error) => fail(error.message))
        req.end(payload)
      })
    },
    close() {
      for (const agent of agents) agent.destroy()
    },
  }
}
