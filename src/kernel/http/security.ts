import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'
import type { Settings } from '../config.ts'
import type { AppEnv } from '../services.ts'
import { coreError } from '../errors.ts'

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
    // Set on the response's own headers as `secureHeaders` does: `c.header()` after the handler
    // copies the response, which on Node turns its string body into a stream (a third of a
    // JWKS request's CPU).
    const own = c.res.headers
    if (!own.has('Cache-Control')) own.set('Cache-Control', 'no-store')
    // Pages set their own (nonce-based) policy; everything else may not even be framed.
    if (!own.has('Content-Security-Policy')) {
      own.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'")
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

/**
 * Refuses request bodies over `maxSize` (413 `payload_too_large`). A GET or HEAD request has no
 * body on any runtime, and a declared Content-Length is checked from the header alone; only a
 * body of unknown length (chunked, or an HTTP/2 stream) is counted as it is read. Hono's
 * `bodyLimit` asks for the body first, which on Node builds the full web Request of every
 * request, a GET's included (a quarter of a JWKS request's CPU).
 */
export function requestBodyLimit(maxSize: number): MiddlewareHandler<AppEnv> {
  const tooLarge = () => {
    throw coreError(
      'payload_too_large',
      `The request body is larger than ${maxSize / 1024 / 1024} MiB.`,
    )
  }
  const counted = bodyLimit({ maxSize, onError: tooLarge })
  return async function requestBodyLimitMiddleware(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxSize ? tooLarge() : next()
    }
    return counted(c, next)
  }
}
