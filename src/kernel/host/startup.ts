import type { SqlDatabase } from '../ports/sql.ts'
import type { StateStore } from '../ports/state.ts'
import { ConfigError, checkSettings, type Settings } from '../config.ts'
import { ErrorRegistry } from '../errors.ts'
import { createLogger, type Logger } from '../logger.ts'
import type { Plugin } from '../plugin.ts'
import { checkPluginList, preparePlugins } from './plugin-host.ts'
import type { RateLimiter } from '../rate-limit.ts'
import type { CoreServices, KernelServices } from '../services.ts'

export interface StartupCheckOptions {
  env: Record<string, string | undefined>
  plugins: Plugin[]
  /** What only this runtime refuses (e.g. Workers: no `file:` database, no TCP Redis). */
  runtimeProblems?: (settings: Settings) => string[]
  /** Opens the SQL database; called only when its URL passed every check. */
  openSql: (settings: Settings) => Promise<SqlDatabase>
}

export interface StartupCheck {
  settings: Settings
  log: Logger
  /** Open; the caller closes it (or hands it to the app). Nothing has been migrated yet. */
  sql: SqlDatabase
}

function unavailableError(name: string): Error {
  return new Error(`services.${name} is not available while startup settings are checked`)
}

/** Services a provider may capture while being built (but not use): any call rejects. */
function notYetOpen<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: () => () => Promise.reject(unavailableError(name)),
  })
}

/** Like the app itself: `delivery` may not even be read while mounting. */
function unavailable(name: string): never {
  throw unavailableError(name)
}

/**
 * The check runs without the modules: what they add to CoreServices by augmentation
 * (`identity`, `otpMethods`, …) is not built, and reading it throws the clear error above rather
 * than handing a plugin `undefined`. The kernel cannot name those fields, hence the proxy.
 */
function withoutModuleServices(kernel: KernelServices): CoreServices {
  return new Proxy(kernel, {
    get(target, name, receiver) {
      // `then` is probed by `await` and promise checks: the services are no promise.
      if (typeof name === 'string' && name !== 'then' && !(name in target)) unavailable(name)
      return Reflect.get(target, name, receiver)
    },
  }) as CoreServices
}

/**
 * Everything that can refuse startup, collected into ONE ConfigError before anything is
 * migrated or served: each core setting and the rules between settings, the runtime's own
 * checks, every plugin's settings (stored ones included, when the database opens) and the
 * secrets of the selected delivery providers. When settings are bad, the later checks still run
 * on the best-effort values (defaults for the bad fields), so one message lists everything.
 */
export async function checkStartup(options: StartupCheckOptions): Promise<StartupCheck> {
  checkPluginList(options.plugins)
  const core = checkSettings(options.env)
  const settings = core.bestEffort
  const problems = [...core.problems, ...(options.runtimeProblems?.(settings) ?? [])]
  const log = createLogger({ level: settings.LOG_LEVEL })
  const urlIsBad = problems.some((p) => p.startsWith('TURSO_DATABASE_URL:'))

  let sql: SqlDatabase | undefined
  if (!urlIsBad && settings.TURSO_DATABASE_URL) {
    try {
      sql = await options.openSql(settings)
    } catch (error) {
      // Not a settings problem by itself; but if settings are bad anyway, report all of it.
      if (problems.length === 0) throw error
      problems.push(
        `TURSO_DATABASE_URL: the database could not be opened (${messageOf(error)}); stored plugin settings were not checked`,
      )
    }
  }

  const services = withoutModuleServices({
    config: settings,
    env: options.env,
    log,
    errors: new ErrorRegistry(),
    plugins: options.plugins,
    now: () => new Date(),
    sql: sql ?? notYetOpen<SqlDatabase>('sql'),
    state: notYetOpen<StateStore>('state'),
    limits: notYetOpen<RateLimiter>('limits'),
    get delivery(): never {
      return unavailable('delivery')
    },
  })
  try {
    problems.push(...(await preparePlugins(options.plugins, services, sql)).problems)
  } catch (error) {
    if (problems.length === 0) {
      sql?.close()
      throw error
    }
    problems.push(`plugin settings could not be checked: ${messageOf(error)}`)
  }
  if (problems.length || !sql || !core.settings) {
    sql?.close()
    throw new ConfigError(problems.length ? problems : ['TURSO_DATABASE_URL: is required'])
  }
  return { settings: core.settings, log, sql }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
