import { createPropusk, type Propusk } from '../../app.ts'
import { createLogger } from '../../kernel/logger.ts'
import {
  resolveStateStoreKind,
  stateStoreChoice,
  stringEnvOf,
  type Settings,
} from '../../kernel/config.ts'
import { checkStartup } from '../../kernel/host/startup.ts'
import { plugins } from '../../plugins.ts'
import { openLibsql } from '../../storage/sql/libsql-web.ts'
import { openWebStateStore } from '../../storage/state/open.ts'
import { generateSigningKeysJson } from '../server/signing-keys.ts'
import {
  assetsBindingReader,
  mountConsoleAssets,
  type AssetsBinding,
} from '../../api/console/index.ts'

/** What a Worker cannot do whatever the mode: open a file database or TCP Redis. */
export function workerProblems(settings: Settings): string[] {
  const problems: string[] = []
  const url = settings.TURSO_DATABASE_URL
  if (!url || url.startsWith('file:') || url.startsWith(':memory:')) {
    problems.push(
      'TURSO_DATABASE_URL: a Worker needs a remote database (libsql://, https://, http://, wss:// or ws://), not file: or :memory:',
    )
  }
  if (resolveStateStoreKind(settings) === 'redis') {
    problems.push(
      'STATE_STORE: Workers cannot open TCP Redis; set UPSTASH_REDIS_REST_URL and _TOKEN',
    )
  }
  return problems
}

/**
 * Builds the app for one Worker isolate from its vars and secrets. Only web-standard clients are
 * imported here (`@libsql/client/http`, the fetch-based Upstash client): the bundle needs no
 * nodejs_compat.
 * Migrations are not run here: `npm run migrate` applies them before a deploy. Every problem —
 * settings, Worker limits, plugin settings, provider secrets — comes in one ConfigError.
 */
export async function bootWorker(bindings: Record<string, unknown>): Promise<Propusk> {
  const env = stringEnvOf(bindings)
  const checked = await checkStartup({
    env,
    plugins,
    runtimeProblems: workerProblems,
    openSql: (s) =>
      openLibsql(s.TURSO_DATABASE_URL as string, s.TURSO_AUTH_TOKEN, {
        timeoutMs: s.SQL_TIMEOUT_MS,
      }),
  })
  const { settings, sql } = checked
  const log = createLogger({ level: settings.LOG_LEVEL })

  if (!settings.SIGNING_KEYS) {
    // Development only (production requires the secret): no disk to keep a key on, so each
    // isolate signs with its own fresh key. Tokens do not survive a restart of `wrangler dev`.
    log.warn('SIGNING_KEYS is not set: using a temporary key for this isolate (development only)')
    env.SIGNING_KEYS = await generateSigningKeysJson('ephemeral')
    settings.SIGNING_KEYS = env.SIGNING_KEYS
  }

  // Upstash, or (development only: config refuses it in production) memory per isolate.
  const state = openWebStateStore(stateStoreChoice(settings))
  return createPropusk({
    settings,
    env,
    sql,
    state,
    plugins,
    log,
    // Set by Cloudflare's edge; a client cannot forge it on Workers (it can elsewhere).
    clientIp: (c) => c.req.header('cf-connecting-ip'),
    // The console's hashed assets are served by Workers static assets before the Worker runs;
    // index.html and deep links under /admin come through here (see wrangler.toml [assets]).
    extend: (app) => {
      const assets = bindings.ASSETS as AssetsBinding | undefined
      if (assets) mountConsoleAssets(app, { read: assetsBindingReader(assets) })
    },
  })
}
