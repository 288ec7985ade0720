/**
 * Every failure the client reports is a PropuskError whose `code` is one of the server's stable
 * codes (the generated `ErrorCode` union) or one of the few the client itself decides.
 */
import type { ErrorBody, ErrorCode } from './generated.ts'

/**
 * - `network_error`: no answer (offline, DNS, the request timed out); the request may or may not
 *   have reached the server.
 * - `invalid_response`: an answer that is not Propusk's JSON (e.g. a proxy's HTML error page).
 * - `not_signed_in`: the storage holds no tokens.
 */
export type ClientErrorCode = 'network_error' | 'invalid_response' | 'not_signed_in'
export type PropuskErrorCode = ErrorCode | ClientErrorCode
export type FieldError = NonNullable<ErrorBody['error']['fields']>[number]

export interface PropuskErrorInit {
  code: PropuskErrorCode
  message: string
  /** The HTTP status; 0 when there was no answer. */
  status: number
  retryAfterSeconds?: number | null
  fields?: FieldError[]
  details?: Record<string, unknown>
  cause?: unknown
}

export class PropuskError extends Error {
  readonly code: PropuskErrorCode
  readonly status: number
  /** From the body's `retryAfterSeconds` or the `Retry-After` header: wait this long. */
  readonly retryAfterSeconds: number | null
  /** With `validation_failed` and the password-policy codes: which field is wrong and why. */
  readonly fields: FieldError[]
  /** The whole error object, with code-specific extras (`attemptsLeft`, `fallback`, …). */
  readonly details: Record<string, unknown>

  constructor(init: PropuskErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'PropuskError'
    this.code = init.code
    this.status = init.status
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
    this.fields = init.fields ?? []
    this.details = init.details ?? {}
  }
}

/** True for a PropuskError, optionally of one of the given codes. */
export function isPropuskError(
  error: unknown,
  ...codes: PropuskErrorCode[]
): error is PropuskError {
  return error instanceof PropuskError && (codes.length === 0 || codes.includes(error.code))
}

function retryAfterHeader(value: string | null): number | null {
  if (value === null) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return typeof error?.code === 'string' && typeof error.message === 'string'
}

/** The PropuskError of a non-2xx answer whose body has already been read as text. */
export function errorFromAnswer(response: Response, text: string): PropuskError {
  let body: unknown = null
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: reported as invalid_response below
  }
  const headerWait = retryAfterHeader(response.headers.get('retry-after'))
  if (!isErrorBody(body)) {
    return new PropuskError({
      code: 'invalid_response',
      message: `HTTP ${response.status} without a Propusk error body`,
      status: response.status,
      retryAfterSeconds: headerWait,
    })
  }
  const { error } = body
  return new PropuskError({
    // A server newer than this client may add codes; they still arrive as strings here.
    code: error.code as ErrorCode,
    message: error.message,
    status: response.status,
    retryAfterSeconds: error.retryAfterSeconds ?? headerWait,
    fields: error.fields ?? [],
    details: error,
  })
}
