/**
 * The core's public entry: the only module plugins may import. Everything here is
 * web-standard (fetch, WebCrypto), so plugins run unchanged on Workers, Node and Deno.
 */
export { createRoute, z } from '@hono/zod-openapi'
export type { OpenAPIHono } from '@hono/zod-openapi'
export { createPropusk, propuskVersion, type Propusk, type PropuskOptions } from './app.ts'
export {
  loadSettings,
  settingsSchema,
  ConfigError,
  resolveStateStoreKind,
  stringEnvOf,
  type Settings,
} from './config.ts'
export {
  ApiError,
  ErrorRegistry,
  coreError,
  coreErrorCodes,
  type ErrorBody,
  type ErrorCodeDefinition,
  type FieldIssue,
} from './errors.ts'
export { createLogger, type Logger, type LogFields, type LogLevel } from './logger.ts'
export {
  defineClientAppType,
  defineDeliveryProvider,
  defineSignInMethod,
  type ClientAppTypePlugin,
  type DeliveryProviderPlugin,
  type Plugin,
  type PluginContext,
  type PluginKind,
  type SessionPolicy,
  type SignInMethodPlugin,
} from './plugin.ts'
export {
  pluginMigrations,
  routePrefixByKind,
  summarizePlugin,
  type PluginSummary,
} from './plugin-host.ts'
export type { RateLimitRule, RateLimiter } from './rate-limit.ts'
export type { AppEnv, CoreServices } from './services.ts'
export {
  DeliveryError,
  type DeliveryChannel,
  type DeliveryProvider,
  type DeliveryReceipt,
  type DeliveryService,
  type OutboundMessage,
} from './delivery.ts'
export * from './crypto.ts'
export { createRouter, fieldIssues } from './http/validation.ts'
export { respondWithError, toApiError } from './http/error-handler.ts'
export type { SqlDatabase, SqlRow, SqlStatement, SqlValue } from '../storage/sql/port.ts'
export { SqlConstraintError } from '../storage/sql/port.ts'
export type { Migration } from '../storage/sql/migrate.ts'
export type {
  ChallengeOutcome,
  RateLimitDecision,
  StateStore,
  StoredChallenge,
} from '../storage/state/port.ts'
