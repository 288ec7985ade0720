/**
 * The core's entry for the runtimes, tools and tests. Plugins do not import it: they import the
 * SDK by package name, `propusk/plugin` (src/plugin-sdk), a short documented subset. Everything
 * here is web-standard (fetch, WebCrypto), so it runs unchanged on Workers, Node and Deno.
 * zod is not re-exported: plugins write `import * as z from 'zod'`, the one form a bundler can
 * tree-shake (a `z` binding passed around as a value keeps all of zod, 64 locales included).
 * The app itself (`createPropusk`) is not here: callers import src/app.ts, the composition root,
 * which sits above this folder; re-exporting it would make the SDK folder import its importer.
 */
export { createRoute } from '@hono/zod-openapi'
export type { OpenAPIHono } from '@hono/zod-openapi'
export {
  checkSettings,
  crossFieldProblems,
  loadSettings,
  settingsSchema,
  ConfigError,
  resolveStateStoreKind,
  stateStoreChoice,
  stringEnvOf,
  type Settings,
  type SettingsCheck,
} from '../kernel/config.ts'
export {
  checkStartup,
  type StartupCheck,
  type StartupCheckOptions,
} from '../kernel/host/startup.ts'
export {
  ApiError,
  ErrorRegistry,
  coreError,
  coreErrorCodes,
  type ErrorBody,
  type ErrorCodeDefinition,
  type FieldIssue,
} from '../kernel/errors.ts'
export { createLogger, type Logger, type LogFields, type LogLevel } from '../kernel/logger.ts'
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
} from '../kernel/plugin.ts'
export {
  pluginMigrations,
  routePrefixByKind,
  summarizePlugin,
  type PluginSummary,
} from '../kernel/host/plugin-host.ts'
export type { RateLimitRule, RateLimiter } from '../kernel/rate-limit.ts'
export { rateLimited } from '../kernel/rate-limit.ts'
export type { AppEnv, CoreServices } from '../kernel/services.ts'
export {
  DeliveryError,
  type DeliveryChannel,
  type DeliveryContext,
  type DeliveryProvider,
  type DeliveryReceipt,
  type DeliveryService,
  type DeliveryStatusUpdate,
  type OutboundMessage,
} from '../kernel/delivery.ts'
export { maskRecipient } from '../modules/delivery/index.ts'
export {
  smsLength,
  smsPayloadBytes,
  SMS_SEGMENT_BYTES,
  type SmsLength,
} from '../modules/delivery/index.ts'
export { recipientLocale } from '../modules/identity/index.ts'
export * from '../kernel/crypto.ts'
export { createRouter, fieldIssues } from '../kernel/http/validation.ts'
export { access, errorResponse, errorSchema } from '../kernel/http/api-docs.ts'
export { respondWithError, toApiError } from '../kernel/http/error-handler.ts'
export type { SqlDatabase, SqlRow, SqlStatement, SqlValue } from '../kernel/ports/sql.ts'
export { DependencyError, SqlConstraintError } from '../kernel/ports/sql.ts'
export type { Migration } from '../kernel/migrate.ts'
export type {
  ChallengeOutcome,
  RateLimitDecision,
  StateStore,
  StoredChallenge,
} from '../kernel/ports/state.ts'

// Tokens and sessions: for plugins that open sessions or check access tokens.
export { requireAuth, type RequireAuthOptions } from '../api/auth.ts'
export { tokenErrorCodes, type TokenErrorCode } from '../modules/clients/index.ts'
export {
  verifyAccessToken,
  InvalidAccessToken,
  type AccessTokenClaims,
} from '../modules/sessions/index.ts'
export {
  keysFor,
  signingAlgorithms,
  type KeySet,
  type SigningKey,
} from '../modules/sessions/index.ts'
export { findAppType, resolveSessionPolicy } from '../modules/clients/index.ts'
export {
  isLoopbackHttp,
  isNativeAppRedirectUri,
  isWebRedirectUri,
} from '../modules/clients/index.ts'
export { tokenResponse, toTokenResponse } from '../api/token-schemas.ts'
export type { RedirectUriContext } from '../kernel/plugin.ts'

// Passwords and logins: hashing, rules and lockouts shared by every password-like method.
export * from '../modules/passwords/index.ts'
export {
  normalizeEmail,
  normalizePhone,
  parseLogin,
  type ParsedLogin,
} from '../modules/identity/index.ts'
export type {
  App,
  Role,
  Session,
  TokenSet,
  User,
  UserKind,
  UserStatus,
} from '../modules/identity/index.ts'

// One-time codes: the one engine behind sms-otp, flash-call and email-otp, so limits stay alike.
export * from '../modules/otp/index.ts'

// People, roles and apps: what plugins read about the person signing in.
export type { EmailResult, PhoneLineType, PhoneResult } from '../modules/identity/index.ts'
export { createForwardingRepository, type ForwardingRule } from '../modules/identity/index.ts'
export { identityErrorCodes } from '../modules/identity/index.ts'

// --- delivery provider plumbing (provider plugins refactor) ---
export {
  channelsSelecting,
  presentEnv,
  providerFetch,
  ProviderNetworkError,
  readJsonBody,
  requireWhenSelected,
  retrySettings,
  sendToProvider,
  type ProviderFetchOptions,
  type ProviderOutcome,
  type ProviderRetrySettings,
  type ProviderSendOptions,
} from '../modules/delivery/index.ts'

// --- issue 3 review fixes (P/M/T follow-up) ---
export { presentedClientSecret } from '../modules/clients/index.ts'
export { runInBackground, backgroundTasksSettled } from '../kernel/http/background.ts'
export { displayNameSchema, hasControlCharacters } from '../modules/identity/index.ts'
export type { AuditEntry } from '../modules/identity/index.ts'
