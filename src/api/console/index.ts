import type { OpenAPIHono } from '@hono/zod-openapi'
import type { LiveSettings } from '../../kernel/live-settings.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { mountAppTypes } from './app-types.ts'
import { consoleCookieName } from './cookie.ts'
import { mountDeliveries } from './deliveries.ts'
import { mountDeliveryChannels } from './delivery-channels.ts'
import { mountPluginSettings } from './plugin-settings.ts'
import { mountConsoleSession } from './session.ts'
import { mountConsoleCodeSession } from './session-code.ts'
import { mountStats } from './stats.ts'

/**
 * The admin console's own API: its cookie session (/v1/console/*), dashboard numbers, the
 * delivery log, plugin settings and app types. The static files are mounted by each runtime with
 * `mountConsoleAssets`, since only the runtime knows how to read them.
 */
export function mountConsole(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  /** This app's live plugin settings: a save reloads them at once here. */
  options: { pluginSettings: Pick<LiveSettings, 'reload'> },
): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'consoleCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: consoleCookieName,
    description: 'The admin console session (HttpOnly, set by `/v1/console/session`)',
  })
  mountConsoleSession(app, services)
  // After mountConsoleSession, whose middleware guards every /v1/console/* route.
  mountConsoleCodeSession(app, services)
  mountStats(app, services)
  mountDeliveries(app, services)
  mountDeliveryChannels(app, services)
  mountPluginSettings(app, services, options.pluginSettings)
  mountAppTypes(app, services)
}

export {
  assetsBindingReader,
  consoleContentSecurityPolicy,
  mountConsoleAssets,
  type AssetsBinding,
  type ConsoleAssetReader,
  type ConsoleAssetsOptions,
} from './assets.ts'
