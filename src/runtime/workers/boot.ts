import {
  ConfigError,
  createLogger,
  createPropusk,
  loadSettings,
  resolveStateStoreKind,
  stringEnvOf,
  type Propusk,
} from '../../core/index.ts'
import { plugins } from '../../plugins.ts'
import { openLibsql } from '../../storage/sql/libsql-web.ts'
import { createMemoryStateStore } from '../../storage/state/memory.ts'
import { createUpstashStateStore } from '../../storage/state/upstash.ts'
import { generateSigningKeysJson } from '../server/signing-keys.ts'
import { assetsBindingReader, mountConsoleAssets, type AssetsBinding } from '../../core/console/index.ts'

/**
 * Builds the app for one Worker isolate from its vars and secrets. Only web-standard clients are
 * imported here (`@libsql/client/web`, `@upstash/redis`): the bundle needs no nodejs_compat.
 * Migrations are not run here: `npm run migrate` applies them before a deploy.
 */
export async function bootWorker(bindings: Record<string, unknown>): Promise<Propusk> {
  const env = stringEnvOf(bindings)
  const settings = loadSettings(env)
  const log = createLogger({ level: settings.LOG_LEVEL })
  const problems: string[] = []
  const url = settings.TURSO_DATABASE_URL
  if (!url || url.startsWith('file:') || url === ':memory:') {
    problems.push(
      'TURSO_DATABASE_URL: a Worker needs a libsql://, https:// or http:// database URL',
    )
  }
  const stateKind = resolveStateStoreKind(settings)
  if (stateKind === 'redis') {
    problems.push(
      'STATE_STORE: Workers cannot open TCP Redis; set UPSTASH_REDIS_REST_URL and _TOKEN',
    )
  }
  if (problems.length) throw new ConfigError(problems)

  if (!settings.SIGNING_KEYS) {
    // Development only (production requires the secret): no disk to keep a key on, so each
    // isolate signs with its own fresh key. Tokens do not survive a restart of `wrangler dev`.
    log.warn('SIGNING_KEYS is not set: using a temporary key for this isolate (development only)')
    env.SIGNING_KEYS = await generateSigningKeysJson('ephemeral')
    settings.SIGNING_KEYS = env.SIGNING_KEYS
  }

  const sql = await openLibsql(url as string, settings.TURSO_AUTH_TOKEN)
  const state =
    stateKind === 'upstash'
      ? createUpstashStateStore({
          url: settings.UPSTASH_REDIS_REST_URL as string,
          token: settings.UPSTASH_REDIS_REST_TOKEN as string,
          prefix: settings.STATE_KEY_PREFIX,
        })
      : // Development only (config refuses memory state in production): per isolate, not shared.
        createMemoryStateStore({ prefix: settings.STATE_KEY_PREFIX })
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
