import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import type { Settings } from '../config.ts'
import type { AppEnv } from '../services.ts'
import { coreError } from '../errors.ts'
import { stampAfter, type Stamp } from './answer-headers.ts'

/**
 * What `secureHeaders` of hono/secure-headers sets with the options below (HSTS for two years,
 * `X-Frame-Options: DENY`, `Referrer-Policy: no-referrer`, `Cross-Origin-Resource-Policy:
 * same-site`, its defaults otherwise), written out so that a plain answer can carry them too;
 * answer-headers.test.ts checks the list against `secureHeaders` itself.
 */
export const securityHeaderValues: ReadonlyArray<readonly [string, string]> = [
  ['cross-origin-resource-policy', 'same-site'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=63072000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'DENY'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
]

const stampSecurity: Stamp = (headers) => {
  for (const [name, value] of securityHeaderValues) headers.set(name, value)
  headers.delete('x-powered-by')
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-store')
  // Pages set their own (nonce-based) policy; everything else may not even be framed.
  if (!headers.has('content-security-policy')) {
    headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
  }
}

/**
 * HSTS, nosniff, no framing, strict referrer policy. API answers carry personal data and
 * tokens, so nothing under the API is cacheable unless its handler says so; static console
 * assets set their own caching. Set on the response's own headers (`c.header()` after the
 * handler copies the response, which on Node turns its string body into a stream), or by the
 * handler's `plainAnswer`.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return function securityHeadersMiddleware(c, next) {
    return stampAfter(c, next, stampSecurity)
  }
}

/** `Vary: Origin` once, however many times it is applied. */
const stampVaryOrigin: Stamp = (headers) => {
  const vary = headers.get('vary')
  if (vary === null) headers.set('vary', 'Origin')
  else if (!/(^|,)\s*origin\s*(,|$)/i.test(vary)) headers.append('vary', 'Origin')
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
  return function corsAllowlistMiddleware(c, next) {
    const origin = c.req.header('origin')
    if (origin && allowed.has(origin)) return handle(c, next)
    return allowed.size > 0 ? stampAfter(c, next, stampVaryOrigin) : next()
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
  // Not async: a GET passes straight through, without a promise of its own.
  return function requestBodyLimitMiddleware(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('content-length')
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxSize ? tooLarge() : next()
    }
    return counted(c, next)
  }
}
