import type { OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import type { SqlDatabase } from '../storage/sql/port.ts'
import type { Migration } from '../storage/sql/migrate.ts'
import { ConfigError, formatZodIssues, type Settings } from './config.ts'
import type { DeliveryChannel, DeliveryProvider, DeliveryService } from './delivery.ts'
import { createDeliveryService } from './delivery/service.ts'
import type { Plugin, PluginContext } from './plugin.ts'
import type { AppEnv, CoreServices } from './services.ts'
import { createRouter } from './http/validation.ts'

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
    routePrefix: `${routePrefixByKind[plugin.kind]}/${plugin.id}`,
    settingsSchema: z.toJSONSchema(plugin.settings, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>,
  }
}

async function readStoredSettings(sql: SqlDatabase): Promise<Map<string, unknown>> {
  const { rows } = await sql.execute('SELECT plugin_id, settings FROM plugin_settings')
  return new Map(
    rows.map((row) => [String(row.plugin_id), JSON.parse(String(row.settings)) as unknown]),
  )
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
 * reports every bad field of every plugin at once.
 */
export async function resolvePluginSettings(
  plugins: Plugin[],
  settings: Settings,
  env: Record<string, string | undefined>,
  sql: SqlDatabase,
): Promise<Map<string, unknown>> {
  const stored = await readStoredSettings(sql)
  const problems: string[] = []
  const resolved = new Map<string, unknown>()
  for (const id of Object.keys(settings.PLUGIN_SETTINGS)) {
    if (!plugins.some((p) => p.id === id))
      problems.push(`PLUGIN_SETTINGS: no plugin has the id "${id}"`)
  }
  for (const plugin of plugins) {
    const candidate = mergeObjects(
      plugin.settingsFromEnv?.(env),
      stored.get(plugin.id),
      settings.PLUGIN_SETTINGS[plugin.id],
    )
    const result = plugin.settings.safeParse(candidate)
    if (result.success) resolved.set(plugin.id, result.data)
    else problems.push(...formatZodIssues(result.error, `plugin ${plugin.id}: settings.`))
  }
  if (problems.length) throw new ConfigError(problems)
  return resolved
}

/**
 * Starts the plugins: registers their error codes and rate limits, builds delivery providers
 * and mounts each plugin's routes on its own sub-router.
 */
export function mountPlugins(
  app: OpenAPIHono<AppEnv>,
  plugins: Plugin[],
  resolved: Map<string, unknown>,
  /** Completed by the caller (delivery, identity) before the first request. */
  services: CoreServices,
): { delivery: DeliveryService; loaded: LoadedPlugin[]; start: () => Promise<void> } {
  const contexts = new Map<string, PluginContext<unknown>>()
  const providers = new Map<string, { channels: DeliveryChannel[]; provider: DeliveryProvider }>()
  for (const plugin of plugins) {
    if (plugin.errorCodes) services.errors.register(`plugin ${plugin.id}`, plugin.errorCodes)
    if (plugin.rateLimits) services.limits.register(plugin.id, plugin.rateLimits)
    // Inherits from `services`, so `delivery` and `identity`, attached after mounting, show through.
    const ctx = Object.assign(Object.create(services) as CoreServices, {
      log: services.log.child({ plugin: plugin.id }),
      pluginId: plugin.id,
      settings: resolved.get(plugin.id),
    }) as PluginContext<unknown>
    contexts.set(plugin.id, ctx)
    if (plugin.kind === 'delivery-provider') {
      providers.set(plugin.id, { channels: plugin.channels, provider: plugin.createProvider(ctx) })
    }
  }
  const delivery = createDeliveryService({
    providers,
    settings: services.config,
    sql: services.sql,
    log: services.log.child({ component: 'delivery' }),
    now: services.now,
  })
  const loaded: LoadedPlugin[] = []
  for (const plugin of plugins) {
    const prefix = `${routePrefixByKind[plugin.kind]}/${plugin.id}`
    if (plugin.routes) {
      const router = createRouter()
      plugin.routes(router, contexts.get(plugin.id) as PluginContext<unknown>)
      app.route(prefix, router)
    }
    loaded.push({ plugin, settings: resolved.get(plugin.id), prefix })
  }
  const start = async () => {
    for (const plugin of plugins) {
      await plugin.onStart?.(contexts.get(plugin.id) as PluginContext<unknown>)
    }
  }
  return { delivery, loaded, start }
}
