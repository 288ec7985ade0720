import type { Context, MiddlewareHandler } from 'hono'
import { randomId } from '../crypto.ts'
import type { AppEnv, CoreServices } from '../services.ts'

const acceptableRequestId = /^[A-Za-z0-9._:-]{8,128}$/

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
    const requestId =
      incoming && acceptableRequestId.test(incoming) ? incoming : randomId('req', 12)
    const log = services.log.child({ requestId })
    c.set('requestId', requestId)
    c.set('log', log)
    c.set('services', services)
    // Only the runtime knows which source is trustworthy (the socket, or Cloudflare's header).
    c.set('clientIp', resolveIp?.(c) ?? 'unknown')
    const started = Date.now()
    await next()
    c.header('X-Request-Id', requestId)
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Date.now() - started,
      ip: c.get('clientIp'),
    })
  }
}
