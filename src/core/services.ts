import type { SqlDatabase } from '../storage/sql/port.ts'
import type { StateStore } from '../storage/state/port.ts'
import type { Settings } from './config.ts'
import type { DeliveryService } from './delivery.ts'
import type { ErrorRegistry } from './errors.ts'
import type { Logger } from './logger.ts'
import type { RateLimiter } from './rate-limit.ts'
import type { Plugin } from './plugin.ts'
import type { IdentityServices, Principal } from './identity/services.ts'
import type { SessionAuthState } from './tokens/auth-state.ts'
import type { OtpMethodRegistry } from './otp/registry.ts'

/** Everything the core hands to route handlers and plugins. Built once per process/isolate. */
export interface CoreServices {
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
  /**
   * People, apps, sessions, audit. Like `delivery`: available while handling requests (and in
   * `onStart`), throws when read during mounting.
   */
  readonly identity: IdentityServices
  /** Every loaded plugin (e.g. to find a client app type's session policy). */
  plugins: readonly Plugin[]
  /** This app's one-time-code methods, filled as they mount (read by the sign-in start). */
  otpMethods: OtpMethodRegistry
  now(): Date
}

/** Hono env of every Propusk router. */
export interface AppEnv {
  Variables: {
    requestId: string
    /** Logger bound to this request's id. */
    log: Logger
    services: CoreServices
    clientIp: string
    /** Set by the auth middleware once a bearer token is verified. */
    principal: Principal
    /** Set with `principal`: the session, user, app and roles read for it (one statement). */
    auth: SessionAuthState
  }
}
