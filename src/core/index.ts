/**
 * The core's entry for the runtimes, tools and tests. Plugins do not import it: they import the
 * SDK by package name, `propusk/plugin` (src/plugin-sdk), a short documented subset. Everything
 * here is web-standard (fetch, WebCrypto), so it runs unchanged on Workers, Node and Deno.
 * zod is not re-exported: plugins write `import * as z from 'zod'`, the one form a bundler can
 * tree-shake (a `z` binding passed around as a value keeps all of zod, 64 locales included).
 */
export { createRoute } from '@hono/zod-openapi'
export type { OpenAPIHono } from '@hono/zod-openapi'
export { createPropusk, propuskVersion, type Propusk, type PropuskOptions } from './app.ts'
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
} from './config.ts'
export { checkStartup, type StartupCheck, type StartupCheckOptions } from './startup.ts'
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
export { rateLimited } from './rate-limit.ts'
export type { AppEnv, CoreServices } from './services.ts'
export {
  DeliveryError,
  type DeliveryChannel,
  type DeliveryContext,
  type DeliveryProvider,
  type DeliveryReceipt,
  type DeliveryService,
  type DeliveryStatusUpdate,
  type OutboundMessage,
} from './delivery.ts'
export { maskRecipient } from './delivery/mask.ts'
export {
  smsLength,
  smsPayloadBytes,
  SMS_SEGMENT_BYTES,
  type SmsLength,
} from './delivery/sms-length.ts'
export { recipientLocale } from './account/locale.ts'
export * from './crypto.ts'
export { createRouter, fieldIssues } from './http/validation.ts'
export { access, errorResponse, errorSchema } from './http/api-docs.ts'
export { respondWithError, toApiError } from './http/error-handler.ts'
export type { SqlDatabase, SqlRow, SqlStatement, SqlValue } from '../storage/sql/port.ts'
export { DependencyError, SqlConstraintError } from '../storage/sql/port.ts'
export type { Migration } from '../storage/sql/migrate.ts'
export type {
  ChallengeOutcome,
  RateLimitDecision,
  StateStore,
  StoredChallenge,
} from '../storage/state/port.ts'

// Tokens and sessions: for plugins that open sessions or check access tokens.
export { requireAuth, type RequireAuthOptions } from './tokens/auth.ts'
export { tokenErrorCodes, type TokenErrorCode } from './tokens/errors.ts'
export { verifyAccessToken, InvalidAccessToken, type AccessTokenClaims } from './tokens/jwt.ts'
export { keysFor, signingAlgorithms, type KeySet, type SigningKey } from './tokens/keys.ts'
export { findAppType, resolveSessionPolicy } from './tokens/policy.ts'
export { isLoopbackHttp, isNativeAppRedirectUri, isWebRedirectUri } from './tokens/redirect-uris.ts'
export { tokenResponse, toTokenResponse } from './tokens/routes/schemas.ts'
export type { RedirectUriContext } from './plugin.ts'

// Passwords and logins: hashing, rules and lockouts shared by every password-like method.
export * from './passwords/index.ts'
export {
  normalizeEmail,
  normalizePhone,
  parseLogin,
  type ParsedLogin,
} from './identity/normalize.ts'
export type { App, Role, Session, TokenSet, User, UserKind, UserStatus } from './identity/types.ts'

// One-time codes: the one engine behind sms-otp, flash-call and email-otp, so limits stay alike.
export * from './otp/index.ts'

// People, roles and apps: what plugins read about the person signing in.
export type { EmailResult, PhoneLineType, PhoneResult } from './identity/normalize.ts'
export {
  createForwardingRepository,
  type ForwardingRule,
} from './identity/repositories/forwarding.ts'
export { identityErrorCodes } from './identity/repositories/errors.ts'

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
} from './delivery/provider-http.ts'

// --- issue 3 review fixes (P/M/T follow-up) ---
export { presentedClientSecret } from './tokens/client-auth.ts'
export { runInBackground, backgroundTasksSettled } from './http/background.ts'
export { displayNameSchema, hasControlCharacters } from './identity/display-name.ts'
export type { AuditEntry } from './identity/types.ts'
