import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { TrieRouter } from 'hono/router/trie-router'
import type { RouterRoute } from 'hono/types'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError, coreError } from '../errors.ts'
import { errorLang, localizeError } from '../i18n/localize.ts'
import { ConfigError } from '../config.ts'
import type { AppEnv } from '../services.ts'
import { DependencyError, SqlConstraintError } from '../ports/sql.ts'

const dependencyNames = { sql: 'The SQL database', state: 'The state store' } as const

function fromHttpException(error: HTTPException): ApiError {
  switch (error.status) {
    case 400:
      return coreError('bad_request', error.message || undefined)
    case 401:
      return coreError('unauthorized')
    case 403:
      return coreError('forbidden')
    case 404:
      return coreError('not_found')
    case 413:
      return coreError('payload_too_large')
    case 415:
      return coreError('unsupported_media_type')
    default:
      // Not a code of any table: it carries whatever status and text Hono's exception had.
      return new ApiError(
        'http_error',
        error.status as ApiError['status'],
        error.message || 'Request failed.',
      )
  }
}

/** Turns anything thrown into `{"error":{"code","message"}}`; never leaks a stack trace. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  if (error instanceof HTTPException) return fromHttpException(error)
  if (error instanceof DependencyError) {
    return coreError(
      'dependency_unavailable',
      `${dependencyNames[error.dependency]} is unavailable; try again shortly.`,
      { dependency: error.dependency },
    )
  }
  if (error instanceof SqlConstraintError && error.constraint === 'unique') {
    const field = error.columns[0]?.split('.').pop()
    return coreError('conflict', field ? `Another record already has this ${field}.` : undefined, {
      ...(field ? { fields: [{ field, code: 'taken', message: 'already taken' }] } : {}),
    })
  }
  return coreError('internal_error')
}

/**
 * The error as JSON, its messages in the language Accept-Language prefers (Russian or English;
 * English when the header is absent). The code, status and details other than messages stay.
 */
export function respondWithError(c: Context<AppEnv>, apiError: ApiError): Response {
  const requestId = c.get('requestId')
  if (apiError.details?.retryAfterSeconds) {
    c.header('Retry-After', String(apiError.details.retryAfterSeconds))
  }
  const acceptLanguage = c.req.header('accept-language')
  if (acceptLanguage) c.header('Vary', 'Accept-Language', { append: true })
  const registry = c.get('services')?.errors
  const told = localizeError(apiError, errorLang(acceptLanguage), (code) => registry?.russian(code))
  return c.json(told.toJSON(requestId), told.status)
}

/**
 * Whether the request failed because the client went away (closed the connection mid-upload).
 * The runtimes abort the request's signal when the peer disconnects, but the body stream may
 * fail first, with the runtime's own error: Node's `aborted` (ECONNRESET), Deno's `BadResource`
 * for a request body whose connection is gone.
 */
export function isClientAbort(c: Context<AppEnv>, error: unknown): boolean {
  if (c.req.raw.signal?.aborted) return true
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (error.message === 'aborted' && code === 'ECONNRESET') return true
  return error.name === 'BadResource' && /request body/i.test(error.message)
}

/**
 * Nobody is left to read an answer to an aborted request; 499 (nginx's "client closed request")
 * keeps the access log honest, and it is logged as the client's doing, not a server error.
 */
function clientClosed(c: Context<AppEnv>, error: unknown): Response {
  c.get('log')?.info('client closed the request before it was answered', {
    method: c.req.method,
    path: c.req.path,
    error: error instanceof Error ? error.message : String(error),
  })
  // Not in any table on purpose: nobody reads this answer, it only names the log line's status.
  const closed = new ApiError(
    'client_closed_request',
    499 as ContentfulStatusCode,
    'The client closed the connection before the request was answered.',
  )
  return respondWithError(c, closed)
}

/** One line through the request's logger, or on stderr before the logger was set. */
function logLine(
  c: Context<AppEnv>,
  level: 'warn' | 'error',
  msg: string,
  fields: Record<string, unknown>,
): void {
  const log = c.get('log')
  if (log) log[level](msg, fields)
  else console.error(JSON.stringify({ level, msg, ...fields }))
}

export const errorHandler: ErrorHandler<AppEnv> = (error, c) => {
  if (!(error instanceof ApiError) && isClientAbort(c, error)) return clientClosed(c, error)
  const apiError = toApiError(error)
  if (error instanceof DependencyError) {
    // An outage, not a bug: no stack, one line naming the dependency and what it said.
    logLine(c, 'error', 'dependency unavailable', {
      dependency: error.dependency,
      error: error.message,
    })
  } else if (error instanceof ApiError && apiError.status >= 500) {
    // A 5xx the code chose (a delivery provider down, a missing setting): an expected answer
    // with a stable code, whose cause was logged where it was known. One line, no stack.
    logLine(c, 'warn', 'request failed', {
      // Not `code`: the logger redacts that key (one-time codes).
      errorCode: apiError.code,
      status: apiError.status,
      error: apiError.message,
    })
  } else if (apiError.status >= 500) {
    const fields = {
      error: error instanceof Error ? error.message : String(error),
      errorName: error instanceof Error ? error.name : typeof error,
      stack: error instanceof Error && !(error instanceof ConfigError) ? error.stack : undefined,
    }
    logLine(c, 'error', 'unhandled error', fields)
  }
  return respondWithError(c, apiError)
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  respondWithError(c, coreError('not_found', `No route for ${c.req.method} ${c.req.path}.`))

/**
 * 404 for paths nothing serves, but 405 `method_not_allowed` with an `Allow` header when the
 * path exists for other methods. The app's routes are matched with Hono's own router (built on
 * the first miss, after every route is registered), so parameters and wildcards match exactly
 * as they do for real requests. Middleware (method ALL) does not count as a route.
 */
export function methodAwareNotFound(routes: () => RouterRoute[]): NotFoundHandler<AppEnv> {
  let match: ((path: string) => string[]) | undefined
  const build = () => {
    const router = new TrieRouter<true>()
    const methods = new Set<string>()
    for (const route of routes()) {
      if (route.method === 'ALL') continue
      router.add(route.method, route.path, true)
      methods.add(route.method)
    }
    return (path: string) =>
      [...methods].filter((method) => router.match(method, path)[0].length > 0)
  }
  return (c) => {
    match ??= build()
    const allowed = match(c.req.path)
    if (allowed.length === 0) return notFoundHandler(c)
    if (allowed.includes('GET') && !allowed.includes('HEAD')) allowed.push('HEAD')
    c.header('Allow', allowed.sort().join(', '))
    return respondWithError(
      c,
      coreError('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}.`, {
        allow: allowed,
      }),
    )
  }
}
