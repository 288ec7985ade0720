import type { Context, MiddlewareHandler } from 'hono'
import { base64UrlEncode } from '../crypto.ts'
import type { AppEnv, CoreServices } from '../services.ts'

const acceptableRequestId = /^[A-Za-z0-9._:-]{8,128}$/

const idBytes = 12
const idsPerDraw = 256
let pool = new Uint8Array(0)
let used = 0

/**
 * `req_` and 12 random bytes, drawn 256 ids at a time: one `getRandomValues` call costs about as
 * much as a whole small request on Node (it was 3 % of a JWKS request's CPU), the bytes do not.
 * A request id is a correlation handle, not a secret; it only has to be unique.
 */
function newRequestId(): string {
  if (used + idBytes > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(idBytes * idsPerDraw))
    used = 0
  }
  const bytes = pool.subarray(used, used + idBytes)
  used += idBytes
  return `req_${base64UrlEncode(bytes)}`
}

export type ClientIpResolver = (c: Context<AppEnv>) => string | undefined

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
    const log = services.log.child({ requestId })
    c.set('requestId', requestId)
    c.set('log', log)
    c.set('services', services)
    // Only the runtime knows which source is trustworthy (the socket, or Cloudflare's header).
    c.set('clientIp', resolveIp?.(c) ?? 'unknown')
    const started = Date.now()
    await next()
    // On the response's own headers, not `c.header()`: after the handler, `c.header()` copies
    // the response, which on Node turns its string body into a stream.
    c.res.headers.set('X-Request-Id', requestId)
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - started,
      ip: c.get('clientIp'),
    })
  }
}
