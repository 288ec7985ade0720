import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'
import {
  createLogger,
  createPropusk,
  loadSettings,
  pluginMigrations,
  resolveStateStoreKind,
  type Plugin,
  type Propusk,
  type PropuskOptions,
  type Settings,
} from '../../core/index.ts'
import { openLibsql } from '../../storage/sql/libsql-node.ts'
import { applyMigrations } from '../../storage/sql/migrate.ts'
import type { SqlDatabase } from '../../storage/sql/port.ts'
import { createMemoryStateStore } from '../../storage/state/memory.ts'
import { createRedisStateStore } from '../../storage/state/redis-tcp.ts'
import { createUpstashStateStore } from '../../storage/state/upstash.ts'
import type { StateStore } from '../../storage/state/port.ts'
import { loadMigrationsFromDir } from '../node/migrations-from-disk.ts'
import { ensureDevSigningKeys } from './dev-keys.ts'
import { mountConsoleAssets } from '../../core/console/index.ts'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

/** The built admin console (`npm run build:console`), served at /admin by Node and Deno. */
const consoleDir = resolve(repoRoot, 'dist/console/admin')

function readConsoleAsset(path: string): Promise<Uint8Array | null> {
  const file = resolve(consoleDir, path)
  // The reader is given relative paths; refuse anything that resolves outside the folder.
  if (!file.startsWith(`${consoleDir}/`)) return Promise.resolve(null)
  return readFile(file).then(
    (bytes) => new Uint8Array(bytes),
    () => null,
  )
}

/** Fills in the embedded defaults of a local install: a libSQL file and dev signing keys. */
export async function withLocalDefaults(
  env: Record<string, string | undefined>,
): Promise<Record<string, string | undefined>> {
  const out = { ...env }
  const dataDir = resolve(out.DATA_DIR ?? './data')
  if (!out.TURSO_DATABASE_URL) {
    mkdirSync(dataDir, { recursive: true })
    out.TURSO_DATABASE_URL = `file:${resolve(dataDir, 'propusk.db')}`
  }
  // Links printed at start (first administrator) must reach this server when only PORT is set.
  if (!out.PUBLIC_URL && out.PROPUSK_MODE !== 'production' && /^\d+$/.test(out.PORT ?? '')) {
    out.PUBLIC_URL = `http://localhost:${out.PORT}`
  }
  if (!out.SIGNING_KEYS && out.PROPUSK_MODE !== 'production') {
    out.SIGNING_KEYS = await ensureDevSigningKeys(dataDir)
  }
  return out
}

export function openStateStore(settings: Settings): StateStore {
  const prefix = settings.STATE_KEY_PREFIX
  switch (resolveStateStoreKind(settings)) {
    case 'upstash':
      return createUpstashStateStore({
        url: settings.UPSTASH_REDIS_REST_URL as string,
        token: settings.UPSTASH_REDIS_REST_TOKEN as string,
        prefix,
      })
    case 'redis':
      return createRedisStateStore({ url: settings.REDIS_URL as string, prefix })
    default:
      return createMemoryStateStore({ prefix })
  }
}

/** Core migrations from `migrations/`, then each plugin's, applied once each. */
export async function migrate(sql: SqlDatabase, plugins: Plugin[], log = createLogger()) {
  const core = await loadMigrationsFromDir(resolve(repoRoot, 'migrations'), 'core')
  const result = await applyMigrations(sql, [...core, ...pluginMigrations(plugins)])
  if (result.applied.length) log.info('migrations applied', { applied: result.applied })
  return result
}

export interface ServerBoot {
  propusk: Propusk
  settings: Settings
  close(): Promise<void>
}

/** Everything a long-lived server (Node or Deno) does before it listens. */
export async function bootServer(
  rawEnv: Record<string, string | undefined>,
  plugins: Plugin[],
  options: Pick<PropuskOptions, 'clientIp' | 'extend'> = {},
): Promise<ServerBoot> {
  const env = await withLocalDefaults(rawEnv)
  const settings = loadSettings(env)
  const log = createLogger({ level: settings.LOG_LEVEL })
  const sql = await openLibsql(settings.TURSO_DATABASE_URL as string, settings.TURSO_AUTH_TOKEN)
  const state = openStateStore(settings)
  try {
    await migrate(sql, plugins, log)
    const propusk = await createPropusk({
      settings,
      env,
      sql,
      state,
      plugins,
      log,
      ...options,
      extend: (app, services) => {
        mountConsoleAssets(app, { read: readConsoleAsset })
        options.extend?.(app, services)
      },
    })
    await propusk.start()
    return {
      propusk,
      settings,
      async close() {
        await state.close()
        sql.close()
      },
    }
  } catch (error) {
    await state.close()
    sql.close()
    throw error
  }
}
