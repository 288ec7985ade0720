import type { Context, MiddlewareHandler } from 'hono'
import type { LogFields, Logger } from '../logger.ts'
import type { AppEnv, CoreServices } from '../services.ts'
import { stampAfter, type Stamp } from './answer-headers.ts'

const acceptableRequestId = /^[A-Za-z0-9._:-]{8,128}$/

const idBytes = 12
const idsPerDraw = 256
let pool = new Uint8Array(0)
let used = 0

const base64Url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/**
 * `req_` and 12 random bytes in base64url (16 characters), drawn 256 ids at a time: one
 * `getRandomValues` call costs about as much as a whole small request on Node (it was 3 % of a
 * JWKS request's CPU), the bytes do not. Encoded here three bytes at a time, without `btoa` and
 * its clean-up. A request id is a correlation handle, not a secret; it only has to be unique.
 */
function newRequestId(): string {
  if (used + idBytes > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(idBytes * idsPerDraw))
    used = 0
  }
  let id = 'req_'
  for (let i = used; i < used + idBytes; i += 3) {
    const n = ((pool[i] as number) << 16) | ((pool[i + 1] as number) << 8) | (pool[i + 2] as number)
    id +=
      base64Url.charAt(n >> 18) +
      base64Url.charAt((n >> 12) & 63) +
      base64Url.charAt((n >> 6) & 63) +
      base64Url.charAt(n & 63)
  }
  used += idBytes
  return id
}

export type ClientIpResolver = (c: Context<AppEnv>) => string | undefined

/**
 * The request's logger, bound to its id on first use: most requests log nothing but the access
 * line (written through the parent, below), and a child logger per request cost more than the
 * rest of a JWKS request's middleware.
 */
class RequestLogger implements Logger {
  private bound: Logger | undefined
  constructor(
    private readonly parent: Logger,
    readonly requestId: string,
  ) {}
  get used(): boolean {
    return this.bound !== undefined
  }
  private get log(): Logger {
    return (this.bound ??= this.parent.child({ requestId: this.requestId }))
  }
  debug(message: string, fields?: LogFields): void {
    this.log.debug(message, fields)
  }
  info(message: string, fields?: LogFields): void {
    this.log.info(message, fields)
  }
  warn(message: string, fields?: LogFields): void {
    this.log.warn(message, fields)
  }
  error(message: string, fields?: LogFields): void {
    this.log.error(message, fields)
  }
  child(fields: LogFields): Logger {
    return this.log.child(fields)
  }
}

/** Applied last among the answer's headers, after every inner middleware's. */
const stampRequestId: Stamp = (headers, c) => headers.set('x-request-id', c.get('requestId'))

/**
 * Gives every request an id (an acceptable incoming `X-Request-Id` is kept so traces join up),
 * a logger bound to it, the client IP, and one structured access-log line.
 */
export function requestContext(
  services: CoreServices,
  resolveIp?: ClientIpResolver,
): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const incoming = c.req.header('x-request-id')
    const requestId = incoming && acceptableRequestId.test(incoming) ? incoming : newRequestId()
    const log = new RequestLogger(services.log, requestId)
    c.set('requestId', requestId)
    c.set('log', log)
    c.set('services', services)
    // Only the runtime knows which source is trustworthy (the socket, or Cloudflare's header).
    c.set('clientIp', resolveIp?.(c) ?? 'unknown')
    const started = Date.now()
    await stampAfter(c, next, stampRequestId)
    // Through the parent unless the handler used the request's logger: the same line either
    // way (a child writes its bound `requestId` first, where this puts it), without a child.
    ;(log.used ? log : services.log).info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - started,
      ip: c.get('clientIp'),
    })
  }
}
