/** JSON calls over a SmokeTarget, for the runtime suites that walk through many endpoints. */
import type { SmokeTarget } from '../smoke-suite.ts'

export interface JsonAnswer {
  status: number
  /** The parsed body; the raw text when it is not JSON (so a failure message shows it). */
  body: Record<string, unknown>
}

export interface TokenPair {
  access_token: string
  refresh_token: string
  token_type: string
}

export async function callJson(
  target: Pick<SmokeTarget, 'fetch'>,
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<JsonAnswer> {
  const headers: Record<string, string> = {}
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  const response = await target.fetch(path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> }
  } catch {
    return { status: response.status, body: { text } }
  }
}

/** The `code` of a `{"error":{"code",...}}` answer, or undefined. */
export function errorCode(answer: JsonAnswer): string | undefined {
  const error = answer.body.error as { code?: string } | undefined
  return error?.code
}

/**
 * Asserts the answer had the status, showing the whole answer when it did not, and returns the
 * body as the shape the caller expects (the assertions that follow check it).
 */
export function expectStatus<T = Record<string, unknown>>(answer: JsonAnswer, status: number): T {
  if (answer.status !== status) {
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`)
  }
  return answer.body as T
}
