import type { ExecutionContext } from 'hono'
import type { Propusk } from '../../app.ts'
import { ConfigError } from '../../kernel/config.ts'
import { randomId } from '../../kernel/crypto.ts'
import { DependencyError } from '../../kernel/ports/sql.ts'
import type { AssetsBinding } from '../../api/console/index.ts'
import { bootWorker } from './boot.ts'
import { loadPhoneMetadata, PhoneMetadataUnavailable } from './phone-metadata.ts'

/**
 * The Cloudflare Workers entry. The app is built once per isolate, on its first request, from
 * the Worker's vars and secrets; SQL goes to Turso over HTTP and state to Upstash over REST.
 * The phone metadata comes from the static assets meanwhile (./phone-metadata.ts): no request
 * is handled before both are ready.
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
      : error instanceof PhoneMetadataUnavailable
        ? {
            code: 'dependency_unavailable',
            message:
              'Propusk could not start: the phone metadata is missing from the static assets. See the Worker logs.',
          }
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
    // Both at once: the metadata's asset read overlaps the SQL read of the boot. A boot failure
    // is reported first, since a bad setting is what an operator has to fix.
    const [booted, metadata] = await Promise.allSettled([
      app(bindings),
      loadPhoneMetadata(bindings.ASSETS as AssetsBinding | undefined),
    ])
    if (booted.status === 'rejected') return startupFailure(booted.reason)
    if (metadata.status === 'rejected') return startupFailure(metadata.reason)
    return booted.value.fetch(request, bindings, context)
  },
}
