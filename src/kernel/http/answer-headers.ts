import type { Context, Next } from 'hono'
import type { AppEnv } from '../services.ts'

/**
 * Headers the middleware puts on every answer (request id, security headers, `Vary`), applied
 * either after the handler, on the response's `Headers`, or by the handler itself when it answers
 * with `plainAnswer`: then the response is built once with a plain header record, all headers in
 * place. On Node that keeps @hono/node-server's lightweight response (no undici `Response` or
 * `Headers`, no header copy), which is most of what a small static document costs beyond a bare
 * route (JWKS, discovery).
 */

/**
 * What a stamp writes to: a response's `Headers`, or the plain record of a `plainAnswer`. Names
 * are given in lower case (as `Headers` keeps them): the record uses them as they are, since
 * lower-casing each name per request costs more than the whole record.
 */
export interface HeaderTarget {
  get(name: string): string | null
  has(name: string): boolean
  set(name: string, value: string): void
  append(name: string, value: string): void
  delete(name: string): void
}

/** A middleware's after-handler effect on the headers; the same code serves both paths. */
export type Stamp = (target: HeaderTarget, c: Context<AppEnv>) => void

interface Pending {
  /** Outermost middleware first, as they were reached. */
  stamps: Stamp[]
  /** The `plainAnswer` response that already carries every stamp. */
  sealed: Response | undefined
}

/**
 * Kept among the request's variables (not in a WeakMap keyed by the context: weak entries for
 * short-lived objects cost the garbage collector more than the rest of this file). Private to
 * this file, hence not in `RequestVariables`.
 */
const pendingKey = 'answerHeaders'
type PendingVariables = { Variables: { [pendingKey]: Pending | undefined } }
const vars = (c: Context<AppEnv>) => c as unknown as Context<PendingVariables>

/**
 * Runs the rest of the chain, then applies `stamp` to the answer unless the handler answered
 * with `plainAnswer` (which applied it already). Any other response, an error's or one a later
 * middleware replaced, is stamped on its `Headers`.
 *
 * The outermost middleware that stamps collects the stamps of those inside it and applies them
 * all once the chain has run, innermost first (the order in which each would have applied its
 * own after `await next()`); the inner ones only register theirs and pass the request on,
 * without a promise and an await of their own.
 */
export function stampAfter(c: Context<AppEnv>, next: Next, stamp: Stamp): Promise<void> {
  const state = vars(c).get(pendingKey)
  if (!state) return collect(c, next, stamp)
  state.stamps.push(stamp)
  return next()
}

async function collect(c: Context<AppEnv>, next: Next, stamp: Stamp): Promise<void> {
  const state: Pending = { stamps: [stamp], sealed: undefined }
  vars(c).set(pendingKey, state)
  await next()
  const res = c.res
  if (res === state.sealed) return
  const headers = res.headers
  for (let i = state.stamps.length - 1; i >= 0; i--) (state.stamps[i] as Stamp)(headers, c)
}

class PlainHeaders implements HeaderTarget {
  constructor(readonly record: Record<string, string>) {}
  get(name: string): string | null {
    return this.record[name] ?? null
  }
  has(name: string): boolean {
    return this.record[name] !== undefined
  }
  set(name: string, value: string): void {
    this.record[name] = value
  }
  append(name: string, value: string): void {
    const current = this.record[name]
    this.record[name] = current === undefined ? value : `${current}, ${value}`
  }
  delete(name: string): void {
    // Only when present: deleting turns the record into a slower dictionary-mode object.
    if (this.record[name] !== undefined) delete this.record[name]
  }
}

/**
 * A response with a string body whose headers are final: the handler's own (lower-case names,
 * no `set-cookie`) plus, applied here in the order the middleware would apply them after the
 * handler, every stamp of the middleware this request went through.
 */
export function plainAnswer(
  c: Context<AppEnv>,
  body: string,
  status: number,
  headers: Record<string, string>,
): Response {
  // Copied key by key into a fresh literal, not spread: V8 gives a spread copy a map of its own,
  // so every header added to it afterwards made new maps (10 µs a request, and garbage).
  const record: Record<string, string> = {}
  for (const name in headers) record[name] = headers[name] as string
  const target = new PlainHeaders(record)
  const state = vars(c).get(pendingKey)
  const stamps = state?.stamps ?? []
  for (let i = stamps.length - 1; i >= 0; i--) (stamps[i] as Stamp)(target, c)
  const response = new Response(body, { status, headers: target.record })
  if (state) state.sealed = response
  return response
}
