import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * Every error a client can see has a stable, snake_case `code`. Clients branch on the code,
 * never on the message (which may be reworded or translated).
 */
export interface ErrorCodeDefinition {
  status: ContentfulStatusCode
  message: string
  /** The message in Russian, for requests whose Accept-Language prefers it. */
  ru?: string
}

export const coreErrorCodes = {
  bad_request: { status: 400, message: 'The request is malformed.' },
  validation_failed: { status: 400, message: 'Some fields are invalid.' },
  unauthorized: { status: 401, message: 'Authentication is required.' },
  forbidden: { status: 403, message: 'You are not allowed to do this.' },
  not_found: { status: 404, message: 'No such resource.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  conflict: { status: 409, message: 'The resource already exists.' },
  request_timeout: { status: 408, message: 'The request took too long to arrive.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json.' },
  expectation_failed: {
    status: 417,
    message: 'The Expect header asks for something this server does not do (only 100-continue).',
  },
  rate_limited: { status: 429, message: 'Too many requests; try again later.' },
  // Sign-in failures are the core's, so every method answers a guesser alike (see signInFailed).
  invalid_credentials: { status: 401, message: 'Wrong login or credentials.' },
  too_many_attempts: {
    status: 429,
    message: 'Too many failed attempts: sign-in is paused for a while. Try again later.',
  },
  request_header_too_large: {
    status: 431,
    message: 'The URL and headers together are larger than the server accepts.',
  },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
  dependency_unavailable: { status: 503, message: 'A service Propusk depends on is unavailable.' },
} as const satisfies Record<string, ErrorCodeDefinition>

export type CoreErrorCode = keyof typeof coreErrorCodes

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `phone` or `roles.0`. */
  field: string
  message: string
  /** A stable code for this field's problem (e.g. `too_big`, `taken`, `unknown_role`). */
  code?: string
  /** What the message names, so a client can word it itself (e.g. `{maximum: 10}`). */
  params?: FieldIssueParams
}

export type FieldIssueParams = Record<string, string | number | boolean | string[]>

/** Thrown anywhere in request handling; turned into `{"error": {...}}` by the error handler. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: string,
    readonly status: ContentfulStatusCode,
    message: string,
    readonly details?: {
      fields?: FieldIssue[]
      retryAfterSeconds?: number
      [key: string]: unknown
    },
  ) {
    super(message)
  }

  toJSON(requestId?: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details ?? {}),
        ...(requestId ? { requestId } : {}),
      },
    }
  }
}

export interface ErrorBody {
  error: { code: string; message: string; requestId?: string; fields?: FieldIssue[] } & Record<
    string,
    unknown
  >
}

/**
 * Registry of every error code the running app can emit (core plus plugins), so codes stay
 * unique and the OpenAPI document can list them.
 */
export class ErrorRegistry {
  readonly #codes = new Map<string, ErrorCodeDefinition & { owner: string }>()

  constructor() {
    this.register('core', coreErrorCodes)
  }

  register(owner: string, codes: Record<string, ErrorCodeDefinition>): void {
    for (const [code, definition] of Object.entries(codes)) {
      if (!/^[a-z][a-z0-9_]*$/.test(code)) {
        throw new Error(`${owner}: error code "${code}" must be snake_case`)
      }
      const existing = this.#codes.get(code)
      if (existing && existing.owner !== owner) {
        throw new Error(`${owner}: error code "${code}" is already declared by ${existing.owner}`)
      }
      this.#codes.set(code, { ...definition, owner })
    }
  }

  /** Builds an ApiError for a registered code; the message defaults to the registered one. */
  error(code: string, message?: string, details?: ApiError['details']): ApiError {
    const definition = this.#codes.get(code)
    if (!definition) throw new Error(`Unregistered error code "${code}"`)
    return errorsFrom({ [code]: definition })(code, message, details)
  }

  /** The Russian message a plugin registered with its code, if any. */
  russian(code: string): string | undefined {
    return this.#codes.get(code)?.ru
  }

  list(): Array<{ code: string; status: number; message: string; owner: string }> {
    return [...this.#codes].map(([code, d]) => ({
      code,
      status: d.status,
      message: d.message,
      owner: d.owner,
    }))
  }
}

/** Builds an error of one table's code: status from the table, message defaulting to its. */
export type ErrorBuilder<Code extends string> = (
  code: Code,
  message?: string,
  details?: ApiError['details'],
) => ApiError

/**
 * The one way to build an error: each module declares its codes in a table and builds them
 * with `errorsFrom(table)`, so a code's status is written once. It needs no registry, so
 * services and repositories can throw outside a request; registering the same table lists it
 * in `/openapi.json`.
 */
export function errorsFrom<Code extends string>(
  table: Record<Code, ErrorCodeDefinition>,
): ErrorBuilder<Code> {
  return (code, message, details) => {
    const definition = table[code]
    return new ApiError(code, definition.status, message ?? definition.message, details)
  }
}

/** Builds an error of a core code (`validation_failed`, `rate_limited`, …). */
export const coreError: ErrorBuilder<CoreErrorCode> = errorsFrom(coreErrorCodes)

/** The failures every sign-in method answers with: the same codes whatever the method. */
export type SignInFailureCode = 'invalid_credentials' | 'too_many_attempts'

/**
 * The one way a sign-in method reports a failed sign-in: `invalid_credentials` for anything a
 * guesser must not tell apart (unknown login, wrong secret, inactive account), and
 * `too_many_attempts` with the wait while the attempt limiter refuses. `message` words it for
 * the method (e.g. "Wrong login or password."); the code stays the same.
 */
export function signInFailed(
  code: SignInFailureCode,
  options: { message?: string; retryAfterSeconds?: number } = {},
): ApiError {
  const { message, retryAfterSeconds } = options
  return coreError(code, message, retryAfterSeconds ? { retryAfterSeconds } : undefined)
}
