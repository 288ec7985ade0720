import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'
import { createPropusk, type Propusk, type PropuskOptions } from '../../app.ts'
import { pluginMigrations } from '../../kernel/host/plugin-host.ts'
import { stateStoreChoice, type Settings } from '../../kernel/config.ts'
import { type Logger } from '../../kernel/logger.ts'
import { type Plugin } from '../../kernel/plugin.ts'
import { checkStartup } from '../../kernel/host/startup.ts'
import { openLibsql } from '../../storage/sql/libsql-node.ts'
import type { SqlDatabase } from '../../kernel/ports/sql.ts'
import { openServerStateStore } from '../../storage/state/open-server.ts'
import type { StateStore } from '../../kernel/ports/state.ts'
import { migrateDatabase } from './migrations-from-disk.ts'
import { mountConsoleAssets } from '../../api/console/index.ts'
import { withLocalDefaults } from './local-defaults.ts'

export { localDatabaseUrl, withLocalDefaults } from './local-defaults.ts'
export { startupFailureMessage } from './startup-failure.ts'

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

/**
 * A connection error of the TCP state store as one structured line, at most once per
 * `intervalMs` (with how many were folded in): during an outage ioredis reports every reconnect
 * attempt, and without a handler it prints each as an "Unhandled error event" stack.
 */
export function throttledStateErrorLog(log: Logger, intervalMs = 30_000): (error: Error) => void {
  let last = -Infinity
  let suppressed = 0
  return (error) => {
    const now = Date.now()
    if (now - last < intervalMs) {
      suppressed++
      return
    }
    last = now
    log.error('state store connection error', {
      dependency: 'state',
      error: error.message,
      ...(suppressed ? { suppressed } : {}),
    })
    suppressed = 0
  }
}

/** The state store the settings select (the same factory Workers use, plus Redis over TCP). */
export function openStateStore(settings: Settings, log?: Logger): StateStore {
  return openServerStateStore(
    stateStoreChoice(settings),
    log ? { onError: throttledStateErrorLog(log) } : {},
  )
}

/** Core migrations from `migrations/`, then each plugin's, applied once each. */
export async function migrate(sql: SqlDatabase, plugins: Plugin[], log?: Logger) {
  const result = await migrateDatabase(sql, pluginMigrations(plugins))
  if (result.applied.length) log?.info('migrations applied', { applied: result.applied })
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
  // Every settings problem (core, plugins, provider secrets) is reported before anything is
  // migrated or served.
  const { settings, log, sql } = await checkStartup({
    env,
    plugins,
    openSql: (s) =>
      openLibsql(s.TURSO_DATABASE_URL as string, s.TURSO_AUTH_TOKEN, {
        timeoutMs: s.SQL_TIMEOUT_MS,
      }),
  })
  let state: StateStore
  try {
    state = openStateStore(settings, log)
  } catch (error) {
    sql.close()
    throw error
  }
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
