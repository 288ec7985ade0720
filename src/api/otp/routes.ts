/**
 * The two endpoints every one-time-code method has, `POST /send` and `POST /verify`, mounted
 * under the method plugin's prefix (e.g. /v1/auth/sms-otp/send).
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../../kernel/services.ts'
import type { OtpDeps, AnyOtpSettings } from '../../modules/otp/index.ts'
import { access } from '../../kernel/http/api-docs.ts'
import { errorResponse, toTokenResponse, tokenResponse } from '../token-schemas.ts'
import { createOtpEngine, type OtpEngine, type OtpMethod } from '../../modules/otp/index.ts'
import { presentedSecret, signInRequestContext } from '../sign-in-request.ts'
import { signInClientFields } from '../plugin-routes.ts'

const sendRequest = z
  .object({
    login: z
      .string()
      .min(1)
      .max(320)
      .describe('Phone (any common notation, e.g. `8 916 123-45-67`) or e-mail'),
    clientId: z.string().min(1).max(200).describe('The app'),
  })
  .openapi('OtpSendRequest')

const sendResponse = z
  .object({
    challengeId: z.string().describe('Send it back with the code'),
    method: z.string(),
    channel: z.enum(['sms', 'email', 'call']),
    codeLength: z.number().int(),
    expiresInSeconds: z.number().int(),
    resendAfterSeconds: z.number().int().describe('R5: a new code may be requested after this'),
    sentTo: z.string().describe('The login, masked'),
  })
  .openapi('OtpSendResponse')

const verifyRequest = z
  .object({
    challengeId: z.string().min(1).max(700),
    code: z
      .string()
      .trim()
      .regex(/^\d{4,10}$/, 'digits only')
      .describe('The code (flash call: the last digits of the calling number)'),
    ...signInClientFields,
  })
  .openapi('OtpVerifyRequest')

const signedIn = tokenResponse.extend({ status: z.literal('signed_in') }).openapi('OtpSignedIn')
const passwordRequired = z
  .object({
    status: z.literal('password_required'),
    setupToken: z.string().describe('For POST /v1/sign-in/complete-registration; single use'),
    expiresIn: z.number().int().describe('Seconds the setup token stays valid'),
  })
  .openapi('OtpPasswordRequired')

/** `sms-otp` → `smsOtp`: the prefix of the method's operationIds (`smsOtpSend`). */
const operationPrefix = (id: string) =>
  id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())

function sendRoute(id: string, extra: Record<number, string>) {
  return createRoute({
    method: 'post',
    path: '/send',
    operationId: `${operationPrefix(id)}Send`,
    security: [],
    tags: ['One-time codes'],
    summary: `Send a sign-in code (${id})`,
    description:
      'Answers the same for registered and unknown logins; only registered, reachable ' +
      'accounts get a message.',
    request: { body: { required: true, content: { 'application/json': { schema: sendRequest } } } },
    responses: {
      200: { description: 'Code sent', content: { 'application/json': { schema: sendResponse } } },
      400: errorResponse('`validation_failed`, `login_kind_not_supported`, `app_not_found`, …'),
      403: errorResponse('`app_disabled`, `sign_in_method_not_allowed`'),
      429: errorResponse(
        '`resend_too_soon`, `rate_limited` or `otp_locked` (see retryAfterSeconds)',
      ),
      503: errorResponse('`otp_delivery_unavailable` (the provider) or `dependency_unavailable`'),
      ...Object.fromEntries(
        Object.entries(extra).map(([status, text]) => [status, errorResponse(text)]),
      ),
    },
  })
}

function verifyRoute(id: string) {
  return createRoute({
    method: 'post',
    path: '/verify',
    operationId: `${operationPrefix(id)}Verify`,
    security: access.optionalClientBasic,
    tags: ['One-time codes'],
    summary: `Check a sign-in code (${id})`,
    description:
      'A right code signs an active person in; an invited person (first sign-in, R4) gets a ' +
      'setup token to create a password with.',
    request: {
      body: { required: true, content: { 'application/json': { schema: verifyRequest } } },
    },
    responses: {
      200: {
        description: 'Signed in, or a password must be created first',
        content: { 'application/json': { schema: z.union([signedIn, passwordRequired]) } },
      },
      400: errorResponse(
        '`code_invalid` (attemptsLeft), `code_attempts_exhausted`, `code_expired`',
      ),
      401: errorResponse('`invalid_client`: a confidential app without its valid secret'),
      403: errorResponse('`app_access_denied`, `account_blocked`, …'),
      429: errorResponse('`otp_locked` or `rate_limited`'),
    },
  })
}

/**
 * Mounts a method's routes and makes it known to the sign-in start. `errors` describes the extra
 * answers of this method's send, by status, for the OpenAPI document (e.g. 502 `call_failed`).
 */
export function mountOtpMethod<S extends AnyOtpSettings>(
  router: OpenAPIHono<AppEnv>,
  core: OtpDeps,
  method: OtpMethod<S>,
  errors: Record<number, string> = {},
): OtpEngine<S> {
  const engine = createOtpEngine(core, method)
  core.otpMethods.register({
    id: method.id,
    loginKind: method.loginKind,
    accepts(login, app) {
      try {
        method.assertAccepts?.(login, engine.settingsFor(app))
        return true
      } catch {
        return false
      }
    },
  })
  router.openapi(sendRoute(method.id, errors), async (c) =>
    c.json(await engine.send(c.req.valid('json'), signInRequestContext(c)), 200),
  )
  router.openapi(verifyRoute(method.id), async (c) => {
    const body = c.req.valid('json')
    const clientSecret = presentedSecret(c, body.clientId, body.clientSecret)
    const result = await engine.verify({ ...body, clientSecret }, signInRequestContext(c))
    if (result.status === 'password_required') return c.json(result, 200)
    return c.json({ status: 'signed_in' as const, ...toTokenResponse(result.tokens) }, 200)
  })
  return engine
}
