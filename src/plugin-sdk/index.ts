/**
 * `propusk/plugin`: the one entry a plugin imports, in this repository exactly as outside it.
 * Every name below is documented and the list stays short (index.test.ts fails above 45):
 * related helpers come grouped (`otp`, `providers`, `cryptoUtils`, …). Everything is
 * web-standard, so a plugin runs unchanged on Workers, Node and Deno. zod is not re-exported:
 * write `import * as z from 'zod'`, the form a bundler can tree-shake.
 */

// Declaring a plugin: each helper keeps the settings type flowing into `routes` and hooks.

/** Declares a sign-in method (password, one-time code, authenticator app, …). */
export { defineSignInMethod } from '../kernel/plugin.ts'
/** Declares a client app type: its session policy, default methods and redirect-URI rules. */
export { defineClientAppType } from '../kernel/plugin.ts'
/** Declares a delivery provider that sends SMS, e-mail or calls for the core. */
export { defineDeliveryProvider } from '../kernel/plugin.ts'
/** What every hook and route gets: settings, services, `attempts`, `log`, `pluginId`. */
export type { PluginContext } from '../kernel/plugin.ts'
/** A plugin's own failures-only attempt limiters (`ctx.attempts`), keyed under its id. */
export type { PluginAttempts } from '../kernel/attempts.ts'
/** A plugin's table changes; ids start with `plugin:<id>/`. */
export type { Migration } from '../kernel/migrate.ts'

// Routes: the one OpenAPI router, error body and security declarations the core uses.

/** Declares an OpenAPI route for the plugin's router (`@hono/zod-openapi`). */
export { createRoute } from '@hono/zod-openapi'
/** The router type `routes(router, ctx)` receives. */
export type { OpenAPIHono } from '@hono/zod-openapi'
/** The Hono environment of every Propusk router (`c.get('log')`, `c.get('principal')`, …). */
export type { AppEnv } from '../kernel/services.ts'
/** A required JSON request body of a zod schema, for `createRoute({ request: { body } })`. */
export { jsonBody } from '../kernel/http/api-docs.ts'
/** A documented JSON answer of a zod schema, for `createRoute({ responses })`. */
export { jsonResponse } from '../kernel/http/api-docs.ts'
/** A documented error answer with the one shared error body; name its codes. */
export { errorResponse } from '../kernel/http/api-docs.ts'
/** The one error-response schema (`{ error: { code, message, … } }`), registered as `Error`. */
export { errorSchema } from '../kernel/http/api-docs.ts'
/** Who may call a route (`access.public`, `access.bearer`, …), for `createRoute({ security })`. */
export { access } from '../kernel/http/api-docs.ts'
/** Middleware for authenticated routes: verifies the bearer token and sets `principal`. */
export { requireAuth } from '../api/auth.ts'
/** Turns a zod error into the field issues of a `validation_failed` answer. */
export { fieldIssues } from '../kernel/http/validation.ts'
/** Declares a JSON POST route: body, answer, error codes; signed-in unless `auth` says otherwise. */
export { postRoute } from '../api/plugin-routes.ts'
/** Records an audit entry of this request, with its IP, request id and signed-in actor filled in. */
export { recordAudit } from '../api/plugin-routes.ts'

// Errors: stable codes, one body.

/** The error every handler throws; the core turns it into the shared error body. */
export { ApiError } from '../kernel/errors.ts'
/** Builds an error of a core code (`validation_failed`, `forbidden`, …). */
export { coreError } from '../kernel/errors.ts'
/** A failed sign-in as the core words it: `invalid_credentials` or `too_many_attempts`. */
export { signInFailed } from '../kernel/errors.ts'
/** The core-owned sign-in failure codes `signInFailed` takes. */
export type { SignInFailureCode } from '../kernel/errors.ts'
/** The 429 `rate_limited` answer with its wait (for a limit counted by the caller). */
export { rateLimited } from '../kernel/rate-limit.ts'
/** A code a plugin declares in `errorCodes` (status, message, optional Russian message). */
export type { ErrorCodeDefinition } from '../kernel/errors.ts'
/** One bad field of a `validation_failed` answer. */
export type { FieldIssue } from '../kernel/errors.ts'

// Services a plugin reads through its context.

/** The structured logger (`ctx.log`, `c.get('log')`). */
export type { Logger } from '../kernel/logger.ts'
/** The SQL port (`ctx.sql`): libSQL, one statement or one batch per call. */
export type { SqlDatabase } from '../kernel/ports/sql.ts'
/** The state port (`ctx.state`): short-lived keys, counters and challenges. */
export type { StateStore } from '../kernel/ports/state.ts'
/** An app (client) as the core stores it. */
export type { App } from '../modules/identity/index.ts'
/** A person as the core stores them. */
export type { User } from '../modules/identity/index.ts'
/** One audit record (`ctx.identity.audit.record`). */
export type { AuditEntry } from '../modules/identity/index.ts'

// Delivery: what a provider implements and returns.

/** The provider a delivery plugin's `createProvider` returns. */
export type { DeliveryProvider } from '../kernel/delivery.ts'
/** One message to send (channel, recipient, text, purpose). */
export type { OutboundMessage } from '../kernel/delivery.ts'
/** What a provider returns for one message. */
export type { DeliveryReceipt } from '../kernel/delivery.ts'
/** What a provider gets with each message (logger, request id, time). */
export type { DeliveryContext } from '../kernel/delivery.ts'
/** A provider's failure: retryable or not, with the vendor's code. */
export { DeliveryError } from '../kernel/delivery.ts'

// Grouped helpers: one name each.

/** Web Crypto helpers: `sha256Hex`, `randomToken`, base64url, `secretBox`, `hotp`, `matchTotp`, … */
export * as cryptoUtils from './crypto.ts'
/** Delivery-provider helpers: `sendToProvider`, `retrySettings`, `maskRecipient`, SMS length. */
export * as providers from './providers.ts'
/** The one-time-code engine: `mountOtpMethod`, its settings schemas, message types. */
export * as otp from './otp.ts'
/** Password hashing and rules: `passwordHasher`, `assertPasswordPolicy`, … */
export * as passwords from './passwords.ts'
/** Logins: `parseLogin`, `normalizePhone`, `normalizeEmail`, `displayNameSchema`. */
export * as logins from './logins.ts'
/** Signing the proven person in: `signInProven`, `tokenResponse`, `presentedClientSecret`, … */
export * as sessions from './sessions.ts'
/** Redirect-URI rules: `isWebRedirectUri`, `isNativeAppRedirectUri`, `isLoopbackHttp`. */
export * as redirectUris from './redirect-uris.ts'
