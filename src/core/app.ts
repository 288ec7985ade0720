import { createRoute, z } from '@hono/zod-openapi'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import type { SqlDatabase } from '../storage/sql/port.ts'
import type { StateStore } from '../storage/state/port.ts'
import type { Settings } from './config.ts'
import { ErrorRegistry, coreError } from './errors.ts'
import { createLogger, type Logger } from './logger.ts'
import type { Plugin } from './plugin.ts'
import {
  checkPluginList,
  mountPlugins,
  resolvePluginSettings,
  summarizePlugin,
  type LoadedPlugin,
} from './plugin-host.ts'
import { createRateLimiter } from './rate-limit.ts'
import type { AppEnv, CoreServices } from './services.ts'
import { errorHandler, notFoundHandler } from './http/error-handler.ts'
import { mountHealth } from './http/health.ts'
import { mountOpenApi } from './http/openapi.ts'
import { requestContext, type ClientIpResolver } from './http/request-context.ts'
import { corsAllowlist, securityHeaders } from './http/security.ts'
import { createRouter } from './http/validation.ts'
import { createIdentityServices } from './identity/index.ts'
import { mountTokenRoutes } from './tokens/routes.ts'
import { mountAccountRoutes } from './account/index.ts'
import { mountAdminApi } from './admin/index.ts'
import { mountSignInRoutes } from './sign-in/index.ts'
import { mountConsole } from './console/index.ts'

export const propuskVersion = '0.1.0'

export interface PropuskOptions {
  settings: Settings
  env: Record<string, string | undefined>
  sql: SqlDatabase
  state: StateStore
  plugins: Plugin[]
  log?: Logger
  clientIp?: ClientIpResolver
  /** Extra routers the runtime mounts (e.g. static console assets on Node and Deno). */
  extend?: (app: OpenAPIHono<AppEnv>, services: CoreServices) => void
  now?: () => Date
}

export interface Propusk {
  app: OpenAPIHono<AppEnv>
  services: CoreServices
  plugins: LoadedPlugin[]
  fetch: OpenAPIHono<AppEnv>['fetch']
  /** Runs plugins' start hooks; long-lived servers call it once after migrations. */
  start: () => Promise<void>
}

const pluginList = z.object({
  plugins: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['sign-in-method', 'client-app-type', 'delivery-provider']),
      name: z.string(),
      description: z.string().optional(),
      routePrefix: z.string(),
      settingsSchema: z.record(z.string(), z.unknown()),
    }),
  ),
})

const listPluginsRoute = createRoute({
  method: 'get',
  path: '/v1/plugins',
  tags: ['Plugins'],
  summary: 'Installed plugins and the JSON Schema of their settings',
  responses: {
    200: { description: 'Plugins', content: { 'application/json': { schema: pluginList } } },
  },
})

/** Builds the whole application: the same code serves on Workers, Node and Deno. */
export async function createPropusk(options: PropuskOptions): Promise<Propusk> {
  checkPluginList(options.plugins)
  const log = options.log ?? createLogger({ level: options.settings.LOG_LEVEL })
  const errors = new ErrorRegistry()
  const base = {
    config: options.settings,
    env: options.env,
    sql: options.sql,
    state: options.state,
    log,
    errors,
    limits: createRateLimiter(options.state),
    plugins: options.plugins,
    now: options.now ?? (() => new Date()),
  }
  const resolved = await resolvePluginSettings(
    options.plugins,
    options.settings,
    options.env,
    options.sql,
  )

  const app = createRouter()
  // The services object is completed below (delivery needs the plugins), before any request.
  const services = base as Partial<CoreServices> as CoreServices
  app.onError(errorHandler)
  app.notFound(notFoundHandler)
  app.use('*', requestContext(services, options.clientIp))
  app.use('*', securityHeaders())
  app.use('*', corsAllowlist(options.settings))
  app.use(
    '*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw coreError('payload_too_large', 'The request body is larger than 1 MiB.')
      },
    }),
  )

  const { delivery, loaded, start } = mountPlugins(app, options.plugins, resolved, services)
  services.delivery = delivery
  services.identity = createIdentityServices(services)

  mountHealth(app, services)
  mountTokenRoutes(app, services)
  mountAccountRoutes(app, services)
  mountAdminApi(app, services)
  mountSignInRoutes(app, services)
  mountConsole(app, services)
  app.openapi(listPluginsRoute, (c) =>
    c.json({ plugins: options.plugins.map((plugin) => summarizePlugin(plugin)) }, 200),
  )
  options.extend?.(app, services)
  mountOpenApi(app, services, propuskVersion)

  return { app, services, plugins: loaded, fetch: app.fetch, start }
}
