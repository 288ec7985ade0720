import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'
import type { Settings } from '../config.ts'
import type { AppEnv } from '../services.ts'

/**
 * HSTS, nosniff, no framing, strict referrer policy. API answers carry personal data and
 * tokens, so nothing under the API is cacheable; static console assets set their own caching.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    strictTransportSecurity: 'max-age=63072000; includeSubDomains',
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-site',
  })
  return async function securityHeadersMiddleware(c, next) {
    await headers(c, next)
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store')
    // Pages set their own (nonce-based) policy; everything else may not even be framed.
    if (!c.res.headers.has('Content-Security-Policy')) {
      c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
    }
  }
}

/**
 * CORS for the origins in `CORS_ORIGINS` only. A request without an `Origin` header, or from an
 * origin not on the list, gets no `Access-Control-*` header at all, and its preflight is not
 * answered by CORS: it reaches the routes like any other OPTIONS request (405), so the browser
 * refuses the cross-origin call. `Vary: Origin` keeps caches from mixing the two answers.
 */
export function corsAllowlist(settings: Settings): MiddlewareHandler<AppEnv> {
  const allowed = new Set(settings.CORS_ORIGINS)
  const handle = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Idempotency-Key'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    credentials: true,
    maxAge: 600,
  })
  return async function corsAllowlistMiddleware(c, next) {
    const origin = c.req.header('origin')
    if (origin && allowed.has(origin)) return handle(c, next)
    await next()
    if (allowed.size > 0) c.res.headers.append('Vary', 'Origin')
  }
}
