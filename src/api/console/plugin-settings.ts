import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { coreError, type FieldIssue } from '../../kernel/errors.ts'
import type { Plugin } from '../../kernel/plugin.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import { requireAuth } from '../auth.ts'
import type { LiveSettings } from '../../kernel/live-settings.ts'
import { fieldIssues } from '../../kernel/http/validation.ts'
import { readPluginSettings, savePluginSettings } from '../../kernel/settings-store.ts'

/**
 * Plugin settings edited in the console, stored in `plugin_settings` (one JSON document per
 * plugin). The precedence is the plugin host's: schema defaults ← env ← stored ←
 * PLUGIN_SETTINGS. A save applies without a restart: at once in the isolate that saved it, and
 * within `liveSettingsTtlMs` (5 s) everywhere else (src/kernel/live-settings.ts).
 */

/** Settings that look like credentials are never sent back to the browser. */
export const secretKey = /(secret|token|password|passwd|apikey|api_key|privatekey|authkey)$/i

const settingsView = z
  .object({
    pluginId: z.string(),
    values: z.record(z.string(), z.unknown()).describe('Stored values, secrets left out'),
    secretsSet: z.array(z.string()).describe('Secret settings that have a stored value'),
    fromEnv: z.array(z.string()).describe('Settings that env/secrets provide'),
    lockedByEnv: z.array(z.string()).describe('Settings PLUGIN_SETTINGS overrides: edits lose'),
    updatedAt: z.string().nullable(),
    restartRequired: z
      .boolean()
      .describe('Always false: saved settings apply without a restart (kept for old clients)'),
  })
  .openapi('PluginSettings')

const params = z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{1,48}$/) })

const getRoute = createRoute({
  method: 'get',
  path: '/v1/admin/plugins/{id}/settings',
  operationId: 'adminGetPluginSettings',
  tags: ['Admin console'],
  summary: 'A plugin’s stored settings (the form’s current values)',
  security: [{ bearerAuth: [] }],
  middleware: [requireAuth({ appTypes: ['admin-console'], permission: 'settings:read' })] as const,
  request: { params },
  responses: {
    200: { description: 'Settings', content: { 'application/json': { schema: settingsView } } },
    400: errorResponse('`validation_failed`: not a plugin id'),
    401: errorResponse('`unauthorized`: no or bad access token'),
    403: errorResponse('`forbidden`: not an admin-console token with settings:read'),
    404: errorResponse('`not_found`: no such plugin'),
  },
})

const putRoute = createRoute({
  method: 'put',
  path: '/v1/admin/plugins/{id}/settings',
  operationId: 'adminUpdatePluginSettings',
  tags: ['Admin console'],
  summary: 'Replace a plugin’s stored settings, validated by the plugin’s own schema',
  description:
    'Keys left out fall back to env and defaults; a `null` removes a stored value; an empty or ' +
    'missing secret keeps the stored one. Applies at once in this server and within 5 s in others.',
  security: [{ bearerAuth: [] }],
  middleware: [requireAuth({ appTypes: ['admin-console'], permission: 'settings:write' })] as const,
  request: {
    params,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ values: z.record(z.string(), z.unknown()) }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: settingsView } } },
    400: errorResponse('`validation_failed` with one entry per bad field'),
    401: errorResponse('`unauthorized`: no or bad access token'),
    403: errorResponse('`forbidden`: not an admin-console token with settings:write'),
    404: errorResponse('`not_found`: no such plugin'),
  },
})

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

export function mountPluginSettings(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  live: Pick<LiveSettings, 'reload'>,
): void {
  const findPlugin = (id: string): Plugin => {
    const plugin = services.plugins.find((p) => p.id === id)
    if (!plugin) throw coreError('not_found', `No plugin has the id "${id}".`)
    return plugin
  }

  const readStored = async (id: string) => {
    const row = await readPluginSettings(services.sql, id)
    return {
      values: row ? asObject(JSON.parse(row.settings)) : {},
      updatedAt: row ? row.updatedAt : null,
    }
  }

  const view = (plugin: Plugin, stored: Record<string, unknown>, updatedAt: string | null) => {
    const values: Record<string, unknown> = {}
    const secretsSet: string[] = []
    for (const [key, value] of Object.entries(stored)) {
      if (secretKey.test(key)) secretsSet.push(key)
      else values[key] = value
    }
    return {
      pluginId: plugin.id,
      values,
      secretsSet,
      fromEnv: Object.keys(asObject(plugin.settingsFromEnv?.(services.env))),
      lockedByEnv: Object.keys(asObject(services.config.PLUGIN_SETTINGS[plugin.id])),
      updatedAt,
      restartRequired: false,
    }
  }

  app.openapi(getRoute, async (c) => {
    const plugin = findPlugin(c.req.valid('param').id)
    const stored = await readStored(plugin.id)
    return c.json(view(plugin, stored.values, stored.updatedAt), 200)
  })

  app.openapi(putRoute, async (c) => {
    const plugin = findPlugin(c.req.valid('param').id)
    const { values } = c.req.valid('json')
    const stored = await readStored(plugin.id)
    const next: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(values)) {
      if (value === null) continue
      if (secretKey.test(key) && (value === '' || value === undefined)) continue
      next[key] = value
    }
    for (const key of Object.keys(stored.values)) {
      if (secretKey.test(key) && !(key in next) && values[key] !== null) {
        next[key] = stored.values[key]
      }
    }
    const candidate = {
      ...asObject(plugin.settingsFromEnv?.(services.env)),
      ...next,
      ...asObject(services.config.PLUGIN_SETTINGS[plugin.id]),
    }
    const result = plugin.settings.safeParse(candidate)
    const fields: FieldIssue[] = result.success
      ? []
      : fieldIssues(result.error).map((issue) =>
          issue.field === '(body)' ? { ...issue, field: '(settings)' } : issue,
        )
    const known = result.success ? asObject(result.data) : null
    if (known) {
      for (const key of Object.keys(next)) {
        if (!(key in known))
          fields.push({
            field: key,
            code: 'unknown_setting',
            message: 'This plugin has no such setting.',
          })
      }
    }
    if (fields.length) {
      throw coreError('validation_failed', `Invalid ${fields.map((f) => f.field).join(', ')}.`, {
        fields,
      })
    }
    const principal = c.get('principal')
    const now = services.now().toISOString()
    await savePluginSettings(services.sql, plugin.id, JSON.stringify(next), now)
    await live.reload()
    await services.identity.audit.record({
      actorType: 'user',
      actorId: principal.userId,
      action: 'plugin.settings.update',
      targetType: 'plugin',
      targetId: plugin.id,
      result: 'success',
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
      appId: principal.appId,
      // Which keys changed, never their values (some are credentials).
      details: { keys: Object.keys(next) },
    })
    return c.json(view(plugin, next, now), 200)
  })
}
