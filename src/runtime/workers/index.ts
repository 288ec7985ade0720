import type { ExecutionContext } from 'hono'
import type { Propusk } from '../../app.ts'
import { ConfigError } from '../../kernel/config.ts'
import { randomId } from '../../kernel/crypto.ts'
import { DependencyError } from '../../kernel/ports/sql.ts'
import { bootWorker } from './boot.ts'

/**
 * The Cloudflare Workers entry. The app is built once per isolate, on its first request, from
 * the Worker's vars and secrets; SQL goes to Turso over HTTP and state to Upstash over REST.
 */
let booting: Promise<Propusk> | undefined

function app(bindings: Record<string, unknown>): Promise<Propusk> {
  booting ??= bootWorker(bindings).catch((error: unknown) => {
    booting = undefined // the next request tries again (e.g. after a secret is fixed)
    throw error
  })
  return booting
}

/**
 * The app could not be built, so its error handler is not there either: answer in the same
 * JSON shape, with a request id, and log one structured line. A bad setting is named (the
 * message lists setting names only, never values); otherwise, building the app reads the SQL
 * database first (plugin settings), so a libSQL error names it as the failing dependency.
 */
function startupFailure(error: unknown): Response {
  const requestId = randomId('req', 12)
  console.error(
    JSON.stringify({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'startup failed',
      requestId,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    }),
  )
  const failure =
    error instanceof ConfigError
      ? { code: 'misconfigured', message: error.message }
      : {
          code: 'dependency_unavailable',
          message:
            error instanceof DependencyError ||
            (error instanceof Error && error.name === 'LibsqlError')
              ? 'Propusk could not start: the SQL database did not answer. See the Worker logs.'
              : 'Propusk could not start. See the Worker logs.',
        }
  return Response.json(
    { error: { ...failure, requestId } },
    {
      status: 503,
      headers: {
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'X-Request-Id': requestId,
      },
    },
  )
}

export default {
  async fetch(request: Request, bindings: Record<string, unknown>, context: ExecutionContext) {
    let propusk: Propusk
    try {
      propusk = await app(bindings)
    } catch (error) {
      return startupFailure(error)
    }
    return propusk.fetch(request, bindings, context)
  },
}
