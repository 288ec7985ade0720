/**
 * A local HTTP server standing in for a vendor's API (SMS, e-mail, calls, webhooks): it records
 * every request byte for byte, so a test can check the exact request the vendor documents, and
 * answers as the test scripts it, including dropped connections.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the fake server received it, byte for byte, for exact assertions. */
export interface RecordedRequest {
  method: string
  /** Path without the query string, e.g. `/2010-04-01/Accounts/AC1/Messages.json`. */
  path: string
  query: URLSearchParams
  /** Lower-case header names (Node's view of the wire). */
  headers: Record<string, string>
  body: string
  form(): URLSearchParams
  json<T = Record<string, unknown>>(): T
}

/** What the fake answers: a status with JSON or text, or `drop` (close the socket unanswered). */
export type FakeResponse =
  | { status?: number; headers?: Record<string, string>; json?: unknown; text?: string }
  | { drop: true }

export type FakeHandler = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>

export interface FakeHttp {
  /** Origin of the server, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string
  requests: RecordedRequest[]
  /**
   * Scripts the next answers, one per request, in order; the last one repeats. Without a script
   * the fake answers 599 so that a test that forgot to script fails loudly.
   */
  respond(...responses: Array<FakeResponse | FakeHandler>): FakeHttp
  close(): Promise<void>
}

function record(req: IncomingMessage, body: string): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://fake.local')
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers,
    body,
    form: () => new URLSearchParams(body),
    json: <T>() => JSON.parse(body) as T,
  }
}

async function answer(res: ServerResponse, response: FakeResponse): Promise<void> {
  if ('drop' in response) {
    // The request was read (as if processed), then the connection dies without an answer.
    res.socket?.destroy()
    return
  }
  const isJson = response.json !== undefined
  res.writeHead(response.status ?? 200, {
    ...(isJson ? { 'content-type': 'application/json' } : {}),
    ...response.headers,
  })
  res.end(isJson ? JSON.stringify(response.json) : (response.text ?? ''))
}

/** A local HTTP server standing in for a provider's API: records requests, answers as scripted. */
export async function startFakeHttp(): Promise<FakeHttp> {
  let script: Array<FakeResponse | FakeHandler> = []
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const recorded = record(req, Buffer.concat(chunks).toString('utf8'))
      requests.push(recorded)
      const next = script.length > 1 ? script.shift() : script[0]
      const reply = async () => {
        if (!next) return { status: 599, text: 'fake-http: no scripted response' }
        return typeof next === 'function' ? next(recorded) : next
      }
      reply()
        .then((response) => answer(res, response))
        .catch((error: unknown) => {
          res.writeHead(598)
          res.end(String(error))
        })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const fake: FakeHttp = {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(...responses) {
      script = responses
      return fake
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return fake
}

/** An origin where nothing listens (connection refused), for "provider unreachable" tests. */
export async function closedOrigin(): Promise<string> {
  const fake = await startFakeHttp()
  await fake.close()
  return fake.url
}
