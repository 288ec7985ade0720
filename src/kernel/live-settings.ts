import type { Logger } from './logger.ts'

/**
 * Plugin settings as they are now, without a restart. Each isolate keeps the resolved settings
 * in memory and reads `plugin_settings` again (one SELECT) at most every `liveSettingsTtlMs`:
 * the first read of a plugin's settings after that starts a refresh in the background and is
 * answered from memory, so no request waits on it. The isolate that saves settings reloads at
 * once (`reload`), so the admin who saved sees them applied; the others within the TTL plus one
 * request. A refresh that fails (the database is down) or a stored value that no longer
 * validates keeps the settings in use, so a bad row never takes a working plugin down.
 */
export const liveSettingsTtlMs = 5_000
/** A refresh still unsettled after this long (its isolate's request ended) is started again. */
const stuckAfterMs = 4 * liveSettingsTtlMs

export interface LiveSettings {
  /** The plugin's current settings; starts a background refresh when they are older than the TTL. */
  current(pluginId: string): unknown
  /** Reads the stored settings now (after a save), resolving once the new values are in use. */
  reload(): Promise<void>
}

interface Options {
  /** Every plugin's settings as stored now, resolved; a plugin whose settings fail is absent. */
  load: (() => Promise<Map<string, unknown>>) | null
  plugins: Array<{ id: string }>
  log: Logger
  now: () => number
  /** Resolved at startup: used until the first refresh. */
  initial: Map<string, unknown>
}

export function createLiveSettings(options: Options): LiveSettings {
  const settings = new Map(options.initial)
  let readAt = options.now()
  let refreshing: { since: number; done: Promise<void> } | null = null

  async function read(): Promise<void> {
    if (!options.load) return
    const resolved = await options.load()
    for (const { id } of options.plugins) {
      const next = resolved.get(id)
      const before = settings.get(id)
      if (next === undefined) {
        if (before !== undefined) {
          options.log.warn('stored plugin settings do not validate; kept the ones in use', {
            plugin: id,
          })
        }
        continue
      }
      // Same values keep the same object, so a provider is rebuilt only when they change.
      if (JSON.stringify(next) !== JSON.stringify(before)) settings.set(id, next)
    }
    readAt = options.now()
  }

  function refresh(): Promise<void> {
    const now = options.now()
    if (refreshing && now - refreshing.since < stuckAfterMs) return refreshing.done
    const done = read()
      .catch((error: unknown) => {
        options.log.warn('plugin settings refresh failed; kept the ones in use', {
          error: error instanceof Error ? error.message : String(error),
        })
        readAt = options.now()
      })
      .finally(() => {
        if (refreshing?.done === done) refreshing = null
      })
    refreshing = { since: now, done }
    return done
  }

  return {
    current(pluginId) {
      if (options.load && options.now() - readAt >= liveSettingsTtlMs) void refresh()
      return settings.get(pluginId)
    },
    async reload() {
      if (refreshing) await refreshing.done
      await refresh()
    },
  }
}
