import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { SqlDatabase } from './kernel/ports/sql.ts'
import type { StateStore } from './kernel/ports/state.ts'
import { withSqlDeadline, withStateDeadline } from './kernel/ports/deadline.ts'
import { ConfigError, type Settings } from './kernel/config.ts'
import { ErrorRegistry } from './kernel/errors.ts'
import { createLogger, type Logger } from './kernel/logger.ts'
import type { Plugin } from './kernel/plugin.ts'
import type { DeliveryService } from './kernel/delivery.ts'
import type { IdentityServices } from './modules/identity/index.ts'
import {
  checkPluginList,
  mountPlugins,
  preparePlugins,
  summarizePlugin,
  type LoadedPlugin,
} from './kernel/host/plugin-host.ts'
import { createRateLimiter } from './kernel/rate-limit.ts'
import { createOtpMethodRegistry } from './modules/otp/index.ts'
import { createDeliveryService } from './modules/delivery/index.ts'
import type { AppEnv, CoreServices } from './kernel/services.ts'
import { errorHandler, methodAwareNotFound } from './kernel/http/error-handler.ts'
import { mountHealth } from './kernel/http/health.ts'
import { mountOpenApi } from './kernel/http/openapi.ts'
import { requestContext, type ClientIpResolver } from './kernel/http/request-context.ts'
import { corsAllowlist, requestBodyLimit, securityHeaders } from './kernel/http/security.ts'
import { createRouter } from './kernel/http/validation.ts'
import { createUserDirectory, createAppRegistry, createAuditLog } from './modules/identity/index.ts'
import { createInvitationService, createPasswordResetService } from './modules/onboarding/index.ts'
import type { LinkSendDeps } from './modules/onboarding/index.ts'
import { createSessionService, type SessionsDeps } from './modules/sessions/index.ts'
import { mountTokenRoutes } from './api/token/index.ts'
import { mountAccountRoutes } from './api/account/index.ts'
import { mountAdminApi } from './api/admin/index.ts'
import { mountSignInRoutes } from './api/sign-in/index.ts'
import { mountConsole } from './api/console/index.ts'
import { mountOidc } from './api/oidc/index.ts'

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

/** A plugin's name and description in other languages than English, by language code. */
const localizedNames = z
  .record(z.string(), z.object({ name: z.string(), description: z.string().optional() }))
  .describe('Name and description by language code, e.g. `ru`')

const pluginList = z.object({
  plugins: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['sign-in-method', 'client-app-type', 'delivery-provider']),
      name: z.string(),
      description: z.string().optional(),
      localized: localizedNames.optional(),
      routePrefix: z.string(),
      settingsSchema: z.record(z.string(), z.unknown()),
    }),
  ),
})

const listPluginsRoute = createRoute({
  method: 'get',
  path: '/v1/plugins',
  operationId: 'listPlugins',
  security: [],
  tags: ['Plugins'],
  summary: 'Installed plugins and the JSON Schema of their settings',
  responses: {
    200: { description: 'Plugins', content: { 'application/json': { schema: pluginList } } },
  },
})

/**
 * `delivery` and `identity` are built after the plugins mount (delivery needs the providers,
 * identity needs delivery): reading them earlier — in a plugin's `routes()` or
 * `createProvider()` body rather than in a request handler — throws this clear error instead
 * of handing out `undefined`.
 */
function lateService<T>(name: string): { get: () => T; set: (value: T) => void } {
  let value: T | undefined
  return {
    get() {
      if (value === undefined) {
        throw new Error(
          `services.${name} is available only while handling requests, not while plugins mount ` +
            'routes or create providers: read it inside the handler',
        )
      }
      return value
    },
    set: (next) => void (value = next),
  }
}

/** Builds the whole application: the same code serves on Workers, Node and Deno. */
export async function createPropusk(options: PropuskOptions): Promise<Propusk> {
  checkPluginList(options.plugins)
  const log = options.log ?? createLogger({ level: options.settings.LOG_LEVEL })
  const delivery = lateService<DeliveryService>('delivery')
  const identity = lateService<IdentityServices>('identity')
  // Everything the app does with storage (requests, health, start hooks) runs under the
  // deadlines; migrations ran before, on the bare ports, and are not cut short by them.
  const sql = withSqlDeadline(options.sql, options.settings.SQL_TIMEOUT_MS)
  const state = withStateDeadline(options.state, options.settings.STATE_TIMEOUT_MS)
  const services: CoreServices = {
    config: options.settings,
    env: options.env,
    sql,
    state,
    log,
    errors: new ErrorRegistry(),
    limits: createRateLimiter(state),
    plugins: options.plugins,
    // Per app, never per module: two apps in one process must not see each other's methods.
    otpMethods: createOtpMethodRegistry(),
    now: options.now ?? (() => new Date()),
    get delivery() {
      return delivery.get()
    },
    get identity() {
      return identity.get()
    },
  }
  const prepared = await preparePlugins(options.plugins, services, sql)
  if (prepared.problems.length) throw new ConfigError(prepared.problems)

  const app = createRouter()
  app.onError(errorHandler)
  app.notFound(methodAwareNotFound(() => app.routes))
  app.use('*', requestContext(services, options.clientIp))
  app.use('*', securityHeaders())
  // Without CORS_ORIGINS the allowlist changes no answer (no origin is allowed, nothing varies
  // by origin): not a step in every request's chain then.
  if (options.settings.CORS_ORIGINS.length > 0) app.use('*', corsAllowlist(options.settings))
  app.use('*', requestBodyLimit(1024 * 1024))

  const mounted = mountPlugins(app, options.plugins, prepared, services)
  // Built here from the providers the host built: the host knows plugins, not the delivery log.
  delivery.set(
    createDeliveryService({
      providers: prepared.providers,
      settings: services.config,
      sql: services.sql,
      log: services.log.child({ component: 'delivery' }),
      now: services.now,
    }),
  )
  identity.set(createIdentityServices(services))

  mountHealth(app, services)
  mountTokenRoutes(app, services)
  mountAccountRoutes(app, services)
  mountAdminApi(app, services)
  mountSignInRoutes(app, services, prepared.contexts)
  mountOidc(app, services)
  mountConsole(app, services, { pluginSettings: prepared.live })
  app.openapi(listPluginsRoute, (c) =>
    c.json({ plugins: options.plugins.map((plugin) => summarizePlugin(plugin)) }, 200),
  )
  options.extend?.(app, services)
  mountOpenApi(app, services, propuskVersion)

  return { app, services, plugins: mounted.loaded, fetch: app.fetch, start: mounted.start }
}

/**
 * Builds the identity services. Each factory declares the slice of the core services it reads.
 * The session service and the link-sending services get the registry, directory and audit log
 * built here; only blocking in the repositories still reads `core.identity` when called (it
 * needs the session service, built after them), which is set before any request.
 */
export function createIdentityServices(core: CoreServices): IdentityServices {
  const users = createUserDirectory(core)
  const apps = createAppRegistry(core)
  const audit = createAuditLog(core)
  const links: LinkSendDeps = {
    sql: core.sql,
    now: () => core.now(),
    config: core.config,
    log: core.log,
    get delivery() {
      return core.delivery
    },
    identity: { users, audit },
  }
  const sessions: SessionsDeps = {
    config: core.config,
    log: core.log,
    sql: core.sql,
    state: core.state,
    now: () => core.now(),
    errors: core.errors,
    plugins: core.plugins,
    identity: { apps, audit },
  }
  return {
    users,
    apps,
    audit,
    sessions: createSessionService(sessions),
    invitations: createInvitationService(links),
    passwordResets: createPasswordResetService(links),
  }
}
