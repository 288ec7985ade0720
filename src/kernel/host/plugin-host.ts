import type { OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { SqlDatabase } from '../ports/sql.ts'
import type { Migration } from '../migrate.ts'
import { ConfigError, formatZodIssues } from '../config.ts'
import {
  chosenProviderProblems,
  type DeliveryProvider,
  type RegisteredProvider,
} from '../delivery.ts'
import { createLiveSettings, type LiveSettings } from '../live-settings.ts'
import type { Logger } from '../logger.ts'
import type { Plugin, PluginContext } from '../plugin.ts'
import { createPluginAttempts } from '../attempts.ts'
import type { AppEnv, CoreServices } from '../services.ts'
import { createRouter } from '../http/validation.ts'
import { listPluginSettings } from '../settings-store.ts'

/** Where each kind of plugin's routes live. */
export const routePrefixByKind: Record<Plugin['kind'], string> = {
  'sign-in-method': '/v1/auth',
  'client-app-type': '/v1/app-types',
  'delivery-provider': '/v1/providers',
}

export interface LoadedPlugin {
  plugin: Plugin
  settings: unknown
  prefix: string
}

export interface PluginSummary {
  id: string
  kind: Plugin['kind']
  name: string
  description?: string
  localized?: Record<string, { name: string; description?: string }>
  routePrefix: string
  settingsSchema: Record<string, unknown>
}

/** Checks ids, kinds and that plugins declare nothing twice; throws on programming errors. */
export function checkPluginList(plugins: Plugin[]): void {
  const seen = new Set<string>()
  for (const plugin of plugins) {
    if (!/^[a-z][a-z0-9-]{1,48}$/.test(plugin.id)) {
      throw new Error(`Plugin id "${plugin.id}" must be lower-case letters, digits and dashes`)
    }
    if (seen.has(plugin.id)) throw new Error(`Two plugins have the id "${plugin.id}"`)
    seen.add(plugin.id)
    for (const migration of plugin.migrations ?? []) {
      if (!migration.id.startsWith(`plugin:${plugin.id}/`)) {
        throw new Error(`Plugin ${plugin.id}: migration ids must start with "plugin:${plugin.id}/"`)
      }
    }
  }
}

/** Every plugin migration, in plugin order, for `npm run migrate` and startup. */
export function pluginMigrations(plugins: Plugin[]): Migration[] {
  return plugins.flatMap((plugin) => plugin.migrations ?? [])
}

export function summarizePlugin(plugin: Plugin): PluginSummary {
  return {
    id: plugin.id,
    kind: plugin.kind,
    name: plugin.name,
    ...(plugin.description ? { description: plugin.description } : {}),
    ...(plugin.localized ? { localized: plugin.localized } : {}),
    routePrefix: `${routePrefixByKind[plugin.kind]}/${plugin.id}`,
    settingsSchema: z.toJSONSchema(plugin.settings, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>,
  }
}

/**
 * Settings saved from the console, by plugin. Before the first migration (a fresh database) the
 * table does not exist yet: nothing is stored. A row that is not a JSON object is a problem
 * naming its plugin, not a crash.
 */
export async function readStoredPluginSettings(
  sql: SqlDatabase,
): Promise<{ stored: Map<string, unknown>; problems: string[] }> {
  let rows: Array<{ pluginId: string; settings: string }>
  try {
    rows = await listPluginSettings(sql)
  } catch (error) {
    if (error instanceof Error && /no such table: plugin_settings/.test(error.message)) {
      return { stored: new Map(), problems: [] }
    }
    throw error
  }
  const stored = new Map<string, unknown>()
  const problems: string[] = []
  for (const { pluginId: id, settings } of rows) {
    try {
      const value: unknown = JSON.parse(settings)
      if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new Error('not an object')
      stored.set(id, value)
    } catch {
      problems.push(
        `plugin ${id}: its stored settings (table plugin_settings) are not a JSON object; save them again from the console or fix the row`,
      )
    }
  }
  return { stored, problems }
}

function mergeObjects(...layers: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const layer of layers) {
    if (layer && typeof layer === 'object' && !Array.isArray(layer)) Object.assign(out, layer)
  }
  return out
}

/**
 * Validates every plugin's settings (schema defaults ← env ← stored ← PLUGIN_SETTINGS) and
 * returns every bad field of every plugin at once.
 */
export function resolvePluginSettings(
  plugins: Plugin[],
  overrides: Record<string, unknown>,
  env: Record<string, string | undefined>,
  stored: Map<string, unknown>,
): { resolved: Map<string, unknown>; problems: string[] } {
  const problems: string[] = []
  const resolved = new Map<string, unknown>()
  for (const id of Object.keys(overrides)) {
    if (!plugins.some((p) => p.id === id))
      problems.push(`PLUGIN_SETTINGS: no plugin has the id "${id}"`)
  }
  for (const plugin of plugins) {
    const candidate = mergeObjects(
      plugin.settingsFromEnv?.(env),
      stored.get(plugin.id),
      overrides[plugin.id],
    )
    const result = plugin.settings.safeParse(candidate)
    if (!result.success) {
      problems.push(...formatZodIssues(result.error, `plugin ${plugin.id}: settings.`))
      continue
    }
    resolved.set(plugin.id, result.data)
    const own = validatePlugin(plugin, result.data, env)
    problems.push(...own.map((problem) => `plugin ${plugin.id}: ${problem}`))
  }
  return { resolved, problems }
}

/** A plugin's own `validate` hook; a hook that throws is reported as a problem, not a crash. */
function validatePlugin(
  plugin: Plugin,
  settings: unknown,
  env: Record<string, string | undefined>,
): readonly string[] {
  if (!plugin.validate) return []
  try {
    // The settings were parsed by this plugin's own schema just above.
    const validate = plugin.validate as (s: unknown, e: typeof env) => readonly string[] | undefined
    return validate(settings, env) ?? []
  } catch (error) {
    return [error instanceof ConfigError ? error.problems.join('; ') : String(error)]
  }
}

export interface PreparedPlugins {
  resolved: Map<string, unknown>
  contexts: Map<string, PluginContext<unknown>>
  providers: Map<string, RegisteredProvider>
  /** Bad plugin settings, providers selected without their secrets, unknown DELIVERY_* ids. */
  problems: string[]
  /** The settings as they are now; the app hands it to the console, which reloads it on a save. */
  live: LiveSettings
}

/**
 * Everything about plugins that can stop startup, collected rather than thrown one at a time:
 * reads stored settings (when `sql` is given), validates each plugin's settings, builds each
 * delivery provider (a provider selected without its secrets throws ConfigError from
 * `createProvider`) and checks the DELIVERY_* choices. Pure apart from the one SELECT.
 */
export async function preparePlugins(
  plugins: Plugin[],
  /** The context plugins see: `config`, `env`, `log` and the rest of the core services. */
  services: CoreServices,
  sql: SqlDatabase | undefined,
): Promise<PreparedPlugins> {
  const read = sql ? await readStoredPluginSettings(sql) : { stored: new Map(), problems: [] }
  const { resolved, problems } = resolvePluginSettings(
    plugins,
    services.config.PLUGIN_SETTINGS,
    services.env,
    read.stored,
  )
  problems.unshift(...read.problems)
  const load = sql
    ? async () =>
        resolvePluginSettings(
          plugins,
          services.config.PLUGIN_SETTINGS,
          services.env,
          (await readStoredPluginSettings(sql)).stored,
        ).resolved
    : null
  const live = createLiveSettings({
    load,
    plugins,
    log: services.log.child({ component: 'plugin-settings' }),
    now: () => services.now().getTime(),
    initial: resolved,
  })
  const contexts = new Map<string, PluginContext<unknown>>()
  const providers = new Map<string, RegisteredProvider>()
  for (const plugin of plugins) {
    // Inherits from `services`, so `delivery` and `identity` (getters) resolve once attached.
    const ctx = Object.assign(Object.create(services) as CoreServices, {
      log: services.log.child({ plugin: plugin.id }),
      pluginId: plugin.id,
      attempts: createPluginAttempts(services.state, plugin.id),
    }) as PluginContext<unknown>
    // Read at use, so a setting saved in the console applies without a restart.
    Object.defineProperty(ctx, 'settings', { get: () => live.current(plugin.id), enumerable: true })
    contexts.set(plugin.id, ctx)
    if (plugin.kind !== 'delivery-provider') continue
    const channels = plugin.channels
    if (!resolved.has(plugin.id)) {
      // Its settings are already reported; it still counts as installed for DELIVERY_* checks.
      providers.set(plugin.id, { channels, provider: notBuilt(plugin.id) })
      continue
    }
    try {
      const provider = rebuiltOnChange(plugin.id, () => plugin.createProvider(ctx), live, ctx.log)
      providers.set(plugin.id, { channels, provider })
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      problems.push(...error.problems)
      providers.set(plugin.id, { channels, provider: notBuilt(plugin.id) })
    }
  }
  problems.push(...chosenProviderProblems(services.config, providers))
  return { resolved, contexts, providers, problems, live }
}

/**
 * A provider built from its settings (credentials, sender), built again when they change, so a
 * key saved in the console is used from the next message on. Settings the provider cannot be
 * built from keep the last working one.
 */
function rebuiltOnChange(
  id: string,
  build: () => DeliveryProvider,
  live: LiveSettings,
  log: Logger,
): DeliveryProvider {
  let builtFrom = live.current(id)
  let provider = build()
  return {
    send(message, context) {
      const settings = live.current(id)
      if (settings !== builtFrom) {
        builtFrom = settings
        try {
          provider = build()
        } catch (error) {
          log.warn('new provider settings are unusable; kept the provider in use', {
            error: error instanceof ConfigError ? error.problems.join('; ') : String(error),
          })
        }
      }
      return provider.send(message, context)
    },
  }
}

function notBuilt(id: string): DeliveryProvider {
  return {
    send: () => Promise.reject(new Error(`delivery provider ${id} was not built (bad settings)`)),
  }
}

/**
 * Starts the plugins: registers their error codes and rate limits and mounts each plugin's
 * routes on its own sub-router. `prepared` must have no problems. The delivery service is built
 * by the app from `prepared.providers`: the host only builds what plugins declare.
 */
export function mountPlugins(
  app: OpenAPIHono<AppEnv>,
  plugins: Plugin[],
  prepared: PreparedPlugins,
  services: CoreServices,
): { loaded: LoadedPlugin[]; start: () => Promise<void> } {
  for (const plugin of plugins) {
    if (plugin.errorCodes) services.errors.register(`plugin ${plugin.id}`, plugin.errorCodes)
    if (plugin.rateLimits) services.limits.register(plugin.id, plugin.rateLimits)
  }
  const contextOf = (plugin: Plugin) => prepared.contexts.get(plugin.id) as PluginContext<unknown>
  const loaded: LoadedPlugin[] = []
  for (const plugin of plugins) {
    const prefix = `${routePrefixByKind[plugin.kind]}/${plugin.id}`
    if (plugin.routes) {
      const router = createRouter()
      plugin.routes(router, contextOf(plugin))
      app.route(prefix, router)
    }
    loaded.push({ plugin, settings: prepared.resolved.get(plugin.id), prefix })
  }
  const start = async () => {
    for (const plugin of plugins) await plugin.onStart?.(contextOf(plugin))
  }
  return { loaded, start }
}
