import type { SqlDatabase } from './ports/sql.ts'
import type { StateStore } from './ports/state.ts'
import type { Settings } from './config.ts'
import type { DeliveryService } from './delivery.ts'
import type { ErrorRegistry } from './errors.ts'
import type { Logger } from './logger.ts'
import type { RateLimiter } from './rate-limit.ts'
import type { Plugin } from './plugin.ts'

/** The services the kernel itself defines; `CoreServices` is these plus what modules add. */
export interface KernelServices {
  config: Settings
  /** String-valued env and secrets, for plugins that read their own (API keys). */
  env: Record<string, string | undefined>
  sql: SqlDatabase
  state: StateStore
  log: Logger
  errors: ErrorRegistry
  limits: RateLimiter
  /**
   * Sends SMS, e-mail and calls through the configured providers. Available while handling
   * requests (and in `onStart`); reading it while plugins mount — in `routes()` or
   * `createProvider()` themselves — throws, because it is built from the providers.
   */
  readonly delivery: DeliveryService
  /** Every loaded plugin (e.g. to find a client app type's session policy). */
  plugins: readonly Plugin[]
  now(): Date
}

/**
 * Everything the core hands to route handlers and plugins. Built once per process/isolate, where
 * the app is composed (src/app.ts). Modules add what they own by augmenting this interface
 * (identity adds `identity`, otp adds `otpMethods`), so the kernel names no module.
 */
export interface CoreServices extends KernelServices {}

/**
 * What a request carries through the middleware chain. The sessions and identity modules add
 * `auth` and `principal` (set by the auth middleware) by augmenting this interface.
 */
export interface RequestVariables {
  requestId: string
  /** Logger bound to this request's id. */
  log: Logger
  services: CoreServices
  clientIp: string
}

/** Hono env of every Propusk router. */
export interface AppEnv {
  Variables: RequestVariables
}
