/**
 * One typed call per operation: the path, method and body encoding come from the generated
 * table, so they follow the OpenAPI document. Every request has a deadline: a refresh retried
 * after a timeout must still land inside the server's refresh grace window (30 s by default).
 */
import { errorFromAnswer, PropuskError } from './errors.ts'
import { operations, type Operations } from './generated.ts'

export type OperationId = keyof Operations
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

export interface TransportOptions {
  baseUrl: string
  fetch: FetchLike
  timeoutMs: number
}

export interface Transport {
  /** `fetch` on the server's origin with the client's deadline; network failures as PropuskError. */
  send(path: string, init: RequestInit): Promise<Response>
  /** The typed body of a 2xx answer, or the answer's PropuskError. */
  read<K extends OperationId>(id: K, response: Response): Promise<Operations[K]['response']>
  /** Calls an operation that needs no bearer token. */
  call<K extends OperationId>(
    id: K,
    body: Operations[K]['request'],
  ): Promise<Operations[K]['response']>
  url(path: string): string
}

function encode(bodyType: string, body: unknown): string {
  if (bodyType === 'application/json') return JSON.stringify(body)
  if (bodyType === 'application/x-www-form-urlencoded') {
    const fields = Object.entries(body as Record<string, unknown>).filter(([, v]) => v != null)
    return new URLSearchParams(fields.map(([k, v]) => [k, String(v)])).toString()
  }
  throw new TypeError(`cannot encode a ${bodyType} body`)
}

export function createTransport(options: TransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '')

  async function send(path: string, init: RequestInit): Promise<Response> {
    // AbortController + timer rather than AbortSignal.timeout/any: React Native lacks both.
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), options.timeoutMs)
    const outer = init.signal
    const forward = () => controller.abort()
    outer?.addEventListener('abort', forward)
    if (outer?.aborted) controller.abort()
    try {
      return await options.fetch(`${base}${path}`, { ...init, signal: controller.signal })
    } catch (cause) {
      const timedOut = controller.signal.aborted && !outer?.aborted
      throw new PropuskError({
        code: 'network_error',
        message: timedOut
          ? `no answer from ${base} within ${options.timeoutMs} ms`
          : `could not reach ${base}`,
        status: 0,
        cause,
      })
    } finally {
      clearTimeout(timer)
      outer?.removeEventListener('abort', forward)
    }
  }

  async function read<K extends OperationId>(
    _id: K,
    response: Response,
  ): Promise<Operations[K]['response']> {
    let text: string
    try {
      text = await response.text()
    } catch (cause) {
      throw new PropuskError({
        code: 'network_error',
        message: 'the answer broke off',
        status: response.status,
        cause,
      })
    }
    if (!response.ok) throw errorFromAnswer(response, text)
    if (!text) return null as Operations[K]['response']
    try {
      // Typed, not validated: the types come from the document this server publishes.
      return JSON.parse(text) as Operations[K]['response']
    } catch (cause) {
      throw new PropuskError({
        code: 'invalid_response',
        message: `HTTP ${response.status} with a body that is not JSON`,
        status: response.status,
        cause,
      })
    }
  }

  return {
    send,
    read,
    url: (path) => `${base}${path}`,
    async call(id, body) {
      const { method, path, bodyType } = operations[id]
      const init: RequestInit = { method, headers: { accept: 'application/json' } }
      if (bodyType !== null) {
        init.headers = { accept: 'application/json', 'content-type': bodyType }
        init.body = encode(bodyType, body)
      }
      return read(id, await send(path, init))
    },
  }
}
