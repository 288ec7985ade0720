/**
 * R8, R9: the first screen of every app asks for a phone or an e-mail; this tells the app which
 * sign-in methods it may offer for that kind of login, so the person can choose (R9: SMS code or
 * flash call). The answer depends only on the login's form and the app, never on whether an
 * account exists.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { coreError } from '../../kernel/errors.ts'
import { tokenError } from '../../modules/clients/index.ts'
import { normalizePhone, parseLogin, type ParsedLogin } from '../../modules/identity/index.ts'
import type { App } from '../../modules/identity/index.ts'
import type { PluginContext } from '../../kernel/plugin.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { errorResponse } from '../token-schemas.ts'

const startRequest = z
  .object({
    login: z
      .string()
      .min(1)
      .max(320)
      .describe('Phone in any common notation (`8 916 123-45-67`, `+7 (916) …`) or e-mail'),
    clientId: z.string().min(1).max(200),
  })
  .openapi('SignInStartRequest')

const startResponse = z
  .object({
    loginKind: z.enum(['phone', 'email']),
    normalizedLogin: z.string().describe('E.164 phone or lower-case e-mail'),
    methods: z
      .array(z.string())
      .describe('Sign-in method plugin ids this app offers for this login, in the app’s order'),
  })
  .openapi('SignInStartResponse')

const startRoute = createRoute({
  method: 'post',
  path: '/v1/sign-in/start',
  operationId: 'signInStart',
  security: [],
  tags: ['Sign-in'],
  summary: 'Which sign-in methods a login may use in an app',
  description:
    'Parses the login and lists the sign-in methods the app allows that serve its kind (phone ' +
    'or e-mail) and offer themselves for it, without revealing whether an account ' +
    'exists. Answered from the app as this instance read it at most 15 s ago: an admin ' +
    "change to the app's methods reaches every instance within 15 s.",
  request: { body: { required: true, content: { 'application/json': { schema: startRequest } } } },
  responses: {
    200: { description: 'Methods', content: { 'application/json': { schema: startResponse } } },
    400: errorResponse('`validation_failed` (not a phone or e-mail) or `app_not_found`'),
    403: errorResponse('`app_disabled`'),
    429: errorResponse('`rate_limited`'),
  },
})

/**
 * The methods of `app` that can serve this login, in the order the app lists them: a method
 * must serve the login's kind and, when it says so through `offeredAt`, accept this very login
 * (e.g. SMS only to allowed countries). Code methods without the hook answer through the
 * one-time-code engine they mounted.
 */
export async function methodsFor(
  core: CoreServices,
  contexts: ReadonlyMap<string, PluginContext<unknown>>,
  app: App,
  login: ParsedLogin,
) {
  const offered = await Promise.all(
    app.signInMethods.map(async (id) => {
      const plugin = core.plugins.find((p) => p.id === id)
      if (plugin?.kind !== 'sign-in-method' || !plugin.loginKinds.includes(login.kind)) {
        return false
      }
      const ctx = contexts.get(id)
      if (plugin.offeredAt && ctx) return plugin.offeredAt(login, app, ctx)
      const otp = core.otpMethods.get(id)
      return !otp || (otp.loginKind === login.kind && otp.accepts(login.value, app))
    }),
  )
  return app.signInMethods.filter((_, index) => offered[index])
}

/** The rule sign-in start is limited by, per client IP (owner `sign-in`). */
export const signInStartLimits = {
  startPerIp: { limit: 120, windowMs: 60_000, description: 'Sign-in starts per IP per minute' },
}

export function mountSignInStart(
  app: OpenAPIHono<AppEnv>,
  core: CoreServices,
  contexts: ReadonlyMap<string, PluginContext<unknown>>,
): void {
  core.limits.register('sign-in', signInStartLimits)
  app.openapi(startRoute, async (c) => {
    await core.limits.consume('sign-in', 'startPerIp', c.get('clientIp'))
    const body = c.req.valid('json')
    const parsed = parseLogin(body.login)
    if (!parsed) {
      const looksLikeEmail = body.login.includes('@')
      const message = looksLikeEmail
        ? 'Not a valid e-mail address.'
        : normalizePhone(body.login).ok
          ? 'Not a valid login.'
          : 'Enter a mobile phone number (e.g. +7 916 123-45-67) or an e-mail address.'
      throw coreError('validation_failed', message, { fields: [{ field: 'login', message }] })
    }
    // A hint, not an authorization: the app as read up to 15 s ago saves a round trip here.
    const registered = await core.identity.apps.cached(body.clientId)
    if (!registered) throw tokenError('app_not_found')
    if (!registered.enabled) throw tokenError('app_disabled')
    return c.json(
      {
        loginKind: parsed.kind,
        normalizedLogin: parsed.value,
        methods: await methodsFor(core, contexts, registered, parsed),
      },
      200,
    )
  })
}
