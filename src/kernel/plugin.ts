import type { OpenAPIHono } from '@hono/zod-openapi'
import type { z } from 'zod'
import type { Migration } from './migrate.ts'
import type { CoreServices, AppEnv } from './services.ts'
import type { ErrorCodeDefinition } from './errors.ts'
import type { RateLimitRule } from './rate-limit.ts'
import type { DeliveryChannel, DeliveryProvider } from './delivery.ts'
import type { App, ParsedLogin } from './types.ts'
import type { PluginAttempts } from './attempts.ts'

export type PluginKind = 'sign-in-method' | 'client-app-type' | 'delivery-provider'

/**
 * What a plugin gets at startup: its validated settings and the core's services. `delivery` and
 * `identity` are for request handlers (and `onStart`): `routes()` and `createProvider()` run
 * before they exist, so reading them there throws a clear error. `log` is the plugin's logger
 * without a request id: inside a handler prefer `c.get('log')`, which carries it.
 */
export interface PluginContext<Settings> extends CoreServices {
  pluginId: string
  settings: Settings
  /** Failures-only attempt limiters (growing lockouts) whose keys are this plugin's own. */
  attempts: PluginAttempts
}

interface PluginBase<Schema extends z.ZodType> {
  /** Lower-case, dash-separated, unique: also its route prefix and settings key. */
  id: string
  name: string
  description?: string
  /** The name and description in other languages, by language code (`ru`), for the console. */
  localized?: Record<string, { name: string; description?: string }>
  /** Settings with defaults (so `{}` is valid); exported as JSON Schema for the console. */
  settings: Schema
  /** Settings taken from env/secrets (e.g. API keys), merged under stored settings. */
  settingsFromEnv?(env: Record<string, string | undefined>): Record<string, unknown>
  /**
   * Checks the resolved settings together with env/secrets at startup, beyond what the schema
   * can say (e.g. "a secret is required when this option is on"). Each returned problem joins
   * the one startup `ConfigError`, prefixed with the plugin id; nothing returned = fine.
   */
  validate?(
    settings: z.output<Schema>,
    env: Record<string, string | undefined>,
  ): readonly string[] | undefined
  migrations?: Migration[]
  rateLimits?: Record<string, RateLimitRule>
  errorCodes?: Record<string, ErrorCodeDefinition>
  /** Adds routes to the plugin's own router, mounted under its prefix. */
  routes?(router: OpenAPIHono<AppEnv>, ctx: PluginContext<z.output<Schema>>): void
  /** Runs once when a long-lived server starts (Node, Deno), after migrations. */
  onStart?(ctx: PluginContext<z.output<Schema>>): Promise<void>
}

export interface SignInMethodPlugin<S extends z.ZodType = z.ZodType> extends PluginBase<S> {
  kind: 'sign-in-method'
  /** Which logins the method can serve. */
  loginKinds: Array<'phone' | 'email'>
  /**
   * Whether `/v1/sign-in/start` offers this method for a login of one of its `loginKinds` in an
   * app that lists it (e.g. only to phones of allowed countries, only to people who enrolled).
   * Without it the method is offered for every such login. It must not reveal whether an
   * account exists to someone who does not control the login.
   */
  offeredAt?(
    login: ParsedLogin,
    app: App,
    ctx: PluginContext<z.output<S>>,
  ): boolean | Promise<boolean>
}

export interface SessionPolicy {
  accessTokenTtlSeconds: number
  refreshTokenAbsoluteTtlSeconds: number
  refreshTokenIdleTtlSeconds: number
}

export interface RedirectUriContext {
  mode: 'development' | 'production'
}

export interface ClientAppTypePlugin<S extends z.ZodType = z.ZodType> extends PluginBase<S> {
  kind: 'client-app-type'
  clientKind: 'public' | 'confidential'
  sessionPolicy: SessionPolicy
  defaultSignInMethods: string[]
  /**
   * Whether a redirect URI may be registered for an app of this type. Callers pass the mode
   * (PROPUSK_MODE) so types can allow e.g. http://localhost in development only; without it a
   * type should apply its production rules.
   */
  isRedirectUriAllowed?(uri: URL, context?: RedirectUriContext): boolean
}

export interface DeliveryProviderPlugin<S extends z.ZodType = z.ZodType> extends PluginBase<S> {
  kind: 'delivery-provider'
  channels: DeliveryChannel[]
  createProvider(ctx: PluginContext<z.output<S>>): DeliveryProvider
}

export type Plugin = SignInMethodPlugin | ClientAppTypePlugin | DeliveryProviderPlugin

// Identity helpers: they keep a plugin's settings type flowing into `routes` and `createProvider`.
export const defineSignInMethod = <S extends z.ZodType>(p: SignInMethodPlugin<S>) => p
export const defineClientAppType = <S extends z.ZodType>(p: ClientAppTypePlugin<S>) => p
export const defineDeliveryProvider = <S extends z.ZodType>(p: DeliveryProviderPlugin<S>) => p
