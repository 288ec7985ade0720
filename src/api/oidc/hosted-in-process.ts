/**
 * Calls a documented JSON route of this same app in-process (no network): the hosted pages sign
 * people in through the sign-in methods' own routes, so the core needs no import of a method
 * plugin and every method keeps its own checks, limits and audit.
 *
 * The original request's headers go along (minus cookies and credentials), and so do the
 * runtime's env and execution context, so the route sees the same client IP, language,
 * user agent and request id as the page.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../../kernel/services.ts'

export interface JsonAnswer {
  status: number
  body: Record<string, unknown>
}

type Fetch = (request: Request, env?: unknown, ctx?: never) => Response | Promise<Response>

const dropped = new Set(['cookie', 'authorization', 'content-type', 'content-length', 'origin'])

export async function callRoute(
  fetchApp: Fetch,
  c: Context<AppEnv>,
  path: string,
  body: Record<string, unknown>,
): Promise<JsonAnswer> {
  const headers = new Headers()
  c.req.raw.headers.forEach((value, name) => {
    if (!dropped.has(name.toLowerCase())) headers.set(name, value)
  })
  headers.set('content-type', 'application/json')
  headers.set('x-request-id', c.get('requestId'))
  const request = new Request(new URL(path, c.req.url), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })
  let executionCtx: unknown
  try {
    executionCtx = c.executionCtx
  } catch {
    executionCtx = undefined
  }
  const response = await fetchApp(request, c.env, executionCtx as never)
  const text = await response.text()
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> }
  } catch {
    return { status: response.status, body: {} }
  }
}

/** `{"error":{"code",…}}` of an error answer, with its numeric details. */
export function errorOf(answer: JsonAnswer): {
  code: string
  message: string
  seconds?: number
} {
  const error = (answer.body.error ?? {}) as Record<string, unknown>
  const seconds = [error.retryAfterSeconds, error.lockedForSeconds, error.attemptsLeft].find(
    (value) => typeof value === 'number',
  ) as number | undefined
  return {
    code: typeof error.code === 'string' ? error.code : 'failed',
    message: typeof error.message === 'string' ? error.message : '',
    ...(seconds !== undefined ? { seconds } : {}),
  }
}
