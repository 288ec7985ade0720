import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ApiError, coreError } from '../errors.ts'
import { ConfigError } from '../config.ts'
import type { AppEnv } from '../services.ts'
import { SqlConstraintError } from '../../storage/sql/port.ts'

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
  if (error instanceof SqlConstraintError && error.constraint === 'unique') {
    const field = error.columns[0]?.split('.').pop()
    return coreError('conflict', field ? `Another record already has this ${field}.` : undefined, {
      ...(field ? { fields: [{ field, message: 'already taken' }] } : {}),
    })
  }
  return coreError('internal_error')
}

export function respondWithError(c: Context<AppEnv>, apiError: ApiError): Response {
  const requestId = c.get('requestId')
  if (apiError.details?.retryAfterSeconds) {
    c.header('Retry-After', String(apiError.details.retryAfterSeconds))
  }
  return c.json(apiError.toJSON(requestId), apiError.status)
}

export const errorHandler: ErrorHandler<AppEnv> = (error, c) => {
  const apiError = toApiError(error)
  if (apiError.status >= 500) {
    const log = c.get('log')
    const fields = {
      error: error instanceof Error ? error.message : String(error),
      errorName: error instanceof Error ? error.name : typeof error,
      stack: error instanceof Error && !(error instanceof ConfigError) ? error.stack : undefined,
    }
    if (log) log.error('unhandled error', fields)
    else console.error(JSON.stringify({ level: 'error', msg: 'unhandled error', ...fields }))
  }
  return respondWithError(c, apiError)
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  respondWithError(c, coreError('not_found', `No route for ${c.req.method} ${c.req.path}.`))
