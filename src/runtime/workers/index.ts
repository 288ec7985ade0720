import type { ExecutionContext } from 'hono'
import {
  ConfigError,
  createLogger,
  createPropusk,
  loadSettings,
  resolveStateStoreKind,
  stringEnvOf,
  type Propusk,
} from '../../core/index.ts'
import { openLibsql } from '../../storage/sql/libsql-web.ts'
import { createMemoryStateStore } from '../../storage/state/memory.ts'
import { createUpstashStateStore } from '../../storage/state/upstash.ts'
import { plugins } from '../../plugins.ts'

/**
 * The Cloudflare Workers entry. The app is built once per isolate, on its first request, from
 * the Worker's vars and secrets; SQL goes to Turso over HTTP and state to Upstash over REST.
 * Migrations are not run here: `npm run migrate` applies them before a deploy.
 */
let booting: Promise<Propusk> | undefined

async function boot(bindings: Record<string, unknown>): Promise<Propusk> {
  const env = stringEnvOf(bindings)
  const settings = loadSettings(env)
  const problems: string[] = []
  if (!settings.TURSO_DATABASE_URL || settings.TURSO_DATABASE_URL.startsWith('file:')) {
    problems.push('TURSO_DATABASE_URL: a Worker needs a libsql:// or https:// database URL')
  }
  const stateKind = resolveStateStoreKind(settings)
  if (stateKind === 'redis') {
    problems.push(
      'STATE_STORE: Workers cannot open TCP Redis; set UPSTASH_REDIS_REST_URL and _TOKEN',
    )
  }
  if (problems.length) throw new ConfigError(problems)
  const sql = await openLibsql(settings.TURSO_DATABASE_URL as string, settings.TURSO_AUTH_TOKEN)
  const state =
    stateKind === 'upstash'
      ? createUpstashStateStore({
          url: settings.UPSTASH_REDIS_REST_URL as string,
          token: settings.UPSTASH_REDIS_REST_TOKEN as string,
          prefix: settings.STATE_KEY_PREFIX,
        })
      : createMemoryStateStore({ prefix: settings.STATE_KEY_PREFIX })
  return createPropusk({
    settings,
    env,
    sql,
    state,
    plugins,
    log: createLogger({ level: settings.LOG_LEVEL }),
  })
}

export default {
  async fetch(
    request: Request,
    bindings: Record<string, unknown>,
    executionContext: ExecutionContext,
  ) {
    booting ??= boot(bindings).catch((error: unknown) => {
      booting = undefined // the next request tries again (e.g. after a secret is fixed)
      throw error
    })
    try {
      const propusk = await booting
      return await propusk.fetch(request, bindings, executionContext)
    } catch (error) {
      const misconfigured = error instanceof ConfigError
      console.error(JSON.stringify({ level: 'error', msg: 'startup failed', error: String(error) }))
      return Response.json(
        {
          error: misconfigured
            ? { code: 'misconfigured', message: error.message }
            : {
                code: 'dependency_unavailable',
                message: 'Propusk could not start; see the Worker logs.',
              },
        },
        { status: 503, headers: { 'Cache-Control': 'no-store' } },
      )
    }
  },
}
