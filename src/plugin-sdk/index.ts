/**
 * `propusk/plugin`: the one entry a plugin imports, in this repository exactly as outside it.
 * Every name below is documented and the list stays short (index.test.ts fails above 45):
 * related helpers come grouped (`otp`, `providers`, `cryptoUtils`, …). Everything is
 * web-standard, so a plugin runs unchanged on Workers, Node and Deno. zod is not re-exported:
 * write `import * as z from 'zod'`, the form a bundler can tree-shake.
 */

// Declaring a plugin: each helper keeps the settings type flowing into `routes` and hooks.

/** Declares a sign-in method (password, one-time code, authenticator app, …). */
export { defineSignInMethod } from '../core/plugin.ts'
/** Declares a client app type: its session policy, default methods and redirect-URI rules. */
export { defineClientAppType } from '../core/plugin.ts'
/** Declares a delivery provider that sends SMS, e-mail or calls for the core. */
export { defineDeliveryProvider } from '../core/plugin.ts'
/** What every hook and route gets: settings, services, `attempts`, `log`, `pluginId`. */
export type { PluginContext } from '../core/plugin.ts'
/** A plugin's own failures-only attempt limiters (`ctx.attempts`), keyed under its id. */
export type { PluginAttempts } from '../core/passwords/lockout.ts'
/** A plugin's table changes; ids start with `plugin:<id>/`. */
export type { Migration } from '../storage/sql/migrate.ts'

// Routes: the one OpenAPI router, error body and security declarations the core uses.

/** Declares an OpenAPI route for the plugin's router (`@hono/zod-openapi`). */
export { createRoute } from '@hono/zod-openapi'
/** The router type `routes(router, ctx)` receives. */
export type { OpenAPIHono } from '@hono/zod-openapi'
/** The Hono environment of every Propusk router (`c.get('log')`, `c.get('principal')`, …). */
export type { AppEnv } from '../core/services.ts'
/** A required JSON request body of a zod schema, for `createRoute({ request: { body } })`. */
export { jsonBody } from '../core/http/api-docs.ts'
/** A documented JSON answer of a zod schema, for `createRoute({ responses })`. */
export { jsonResponse } from '../core/http/api-docs.ts'
/** A documented error answer with the one shared error body; name its codes. */
export { errorResponse } from '../core/http/api-docs.ts'
/** The one error-response schema (`{ error: { code, message, … } }`), registered as `Error`. */
export { errorSchema } from '../core/http/api-docs.ts'
/** Who may call a route (`access.public`, `access.bearer`, …), for `createRoute({ security })`. */
export { access } from '../core/http/api-docs.ts'
/** Middleware for authenticated routes: verifies the bearer token and sets `principal`. */
export { requireAuth } from '../core/tokens/auth.ts'
/** Turns a zod error into the field issues of a `validation_failed` answer. */
export { fieldIssues } from '../core/http/validation.ts'

// Errors: stable codes, one body.

/** The error every handler throws; the core turns it into the shared error body. */
export { ApiError } from '../core/errors.ts'
/** Builds an error of a core code (`validation_failed`, `forbidden`, …). */
export { coreError } from '../core/errors.ts'
/** A failed sign-in as the core words it: `invalid_credentials` or `too_many_attempts`. */
export { signInFailed } from '../core/errors.ts'
/** The core-owned sign-in failure codes `signInFailed` takes. */
export type { SignInFailureCode } from '../core/errors.ts'
/** The 429 `rate_limited` answer with its wait (for a limit counted by the caller). */
export { rateLimited } from '../core/rate-limit.ts'
/** A code a plugin declares in `errorCodes` (status, message, optional Russian message). */
export type { ErrorCodeDefinition } from '../core/errors.ts'
/** One bad field of a `validation_failed` answer. */
export type { FieldIssue } from '../core/errors.ts'

// Services a plugin reads through its context.

/** The structured logger (`ctx.log`, `c.get('log')`). */
export type { Logger } from '../core/logger.ts'
/** The SQL port (`ctx.sql`): libSQL, one statement or one batch per call. */
export type { SqlDatabase } from '../storage/sql/port.ts'
/** The state port (`ctx.state`): short-lived keys, counters and challenges. */
export type { StateStore } from '../storage/state/port.ts'
/** An app (client) as the core stores it. */
export type { App } from '../core/identity/types.ts'
/** A person as the core stores them. */
export type { User } from '../core/identity/types.ts'
/** One audit record (`ctx.identity.audit.record`). */
export type { AuditEntry } from '../core/identity/types.ts'

// Delivery: what a provider implements and returns.

/** The provider a delivery plugin's `createProvider` returns. */
export type { DeliveryProvider } from '../core/delivery.ts'
/** One message to send (channel, recipient, text, purpose). */
export type { OutboundMessage } from '../core/delivery.ts'
/** What a provider returns for one message. */
export type { DeliveryReceipt } from '../core/delivery.ts'
/** What a provider gets with each message (logger, request id, time). */
export type { DeliveryContext } from '../core/delivery.ts'
/** A provider's failure: retryable or not, with the vendor's code. */
export { DeliveryError } from '../core/delivery.ts'

// Grouped helpers: one name each.

/** Web Crypto helpers: `sha256Hex`, `hmacSha256`, `randomId`, `randomToken`, base64url, … */
export * as cryptoUtils from './crypto.ts'
/** Delivery-provider helpers: `sendToProvider`, `retrySettings`, `maskRecipient`, SMS length. */
export * as providers from './providers.ts'
/** The one-time-code engine: `mountOtpMethod`, its settings schemas, message types. */
export * as otp from './otp.ts'
/** Password hashing and rules: `passwordHasher`, `assertPasswordPolicy`, … */
export * as passwords from './passwords.ts'
/** Logins: `parseLogin`, `normalizePhone`, `normalizeEmail`, `displayNameSchema`. */
export * as logins from './logins.ts'
/** After the proof: `tokenResponse`, `toTokenResponse`, `presentedClientSecret`, `findAppType`. */
export * as sessions from './sessions.ts'
/** Redirect-URI rules: `isWebRedirectUri`, `isNativeAppRedirectUri`, `isLoopbackHttp`. */
export * as redirectUris from './redirect-uris.ts'
