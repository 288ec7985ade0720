/**
 * R3, R4: an invited person who proved their phone by code (and got a setup token from the
 * method's verify) creates their password here; the account becomes `active` and is signed in.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { assertPasswordPolicy, passwordHasher } from '../../modules/passwords/index.ts'
import { access } from '../../kernel/http/api-docs.ts'
import { errorResponse, toTokenResponse, tokenResponse } from '../token-schemas.ts'
import {
  otpError,
  registerOtpErrors,
  peekSetupToken,
  takeSetupToken,
  hasAppAccess,
} from '../../modules/otp/index.ts'
import { tokenError } from '../../modules/clients/index.ts'
import { activateInvitedWithPassword } from '../../modules/onboarding/index.ts'
import { assertClientSecret } from '../../modules/sessions/index.ts'
import { presentedSecret, signInRequestContext } from '../sign-in-request.ts'
import { signInClientFields } from '../plugin-routes.ts'

const completeRequest = z
  .object({
    setupToken: z.string().min(20).max(200),
    password: z.string().min(1).max(1024),
    ...signInClientFields,
  })
  .openapi('CompleteRegistrationRequest')

const completeRoute = createRoute({
  method: 'post',
  path: '/v1/sign-in/complete-registration',
  operationId: 'signInCompleteRegistration',
  security: access.optionalClientBasic,
  tags: ['Sign-in'],
  summary: 'First sign-in: create the password and sign in',
  description:
    'Takes the setup token that a code verify answered with `password_required` (an invited ' +
    'person, R4). The token works once; a password the policy refuses does not use it up.',
  request: {
    body: { required: true, content: { 'application/json': { schema: completeRequest } } },
  },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: tokenResponse } } },
    400: errorResponse('`setup_token_invalid`, `password_too_short`, `password_too_common`, …'),
    401: errorResponse('`invalid_client`: a confidential app without its valid secret'),
    403: errorResponse('`app_access_denied`'),
  },
})

export function mountCompleteRegistration(app: OpenAPIHono<AppEnv>, core: CoreServices): void {
  registerOtpErrors(core)
  app.openapi(completeRoute, async (c) => {
    const body = c.req.valid('json')
    const request = signInRequestContext(c)
    const clientSecret = presentedSecret(c, body.clientId, body.clientSecret)
    const audit = (result: 'success' | 'failure', userId: string | null, reason?: string) =>
      core.identity.audit.record({
        actorType: userId ? 'user' : 'anonymous',
        actorId: userId,
        action: 'user.complete_registration',
        targetType: userId ? 'user' : null,
        targetId: userId,
        result,
        ip: request.ip,
        requestId: request.requestId,
        appId: body.clientId,
        details: reason ? { reason } : {},
      })
    const invalid = async (userId: string | null, reason: string) => {
      await audit('failure', userId, reason)
      return otpError('setup_token_invalid')
    }

    const grant = await peekSetupToken(core.state, body.setupToken)
    if (!grant || grant.appId !== body.clientId) throw await invalid(grant?.userId ?? null, 'token')
    const [user, registered] = await Promise.all([
      core.identity.users.get(grant.userId),
      core.identity.apps.get(grant.appId),
    ])
    if (!user || user.status !== 'invited') throw await invalid(grant.userId, 'not_invited')
    if (!registered) throw await invalid(user.id, 'gone')
    await assertClientSecret(core, registered, clientSecret)
    // Before anything is written: a person whose roles (no longer) grant this app is not
    // activated through it (they would get an active account and no session).
    if (!(await hasAppAccess(core, user, registered, grant.method))) {
      await audit('failure', user.id, 'app_access_denied')
      throw tokenError('app_access_denied')
    }
    // Checked before the token is used up, so the person can simply choose a better password.
    const password = assertPasswordPolicy(body.password, user)
    const hash = await passwordHasher(core).hash(password)
    if (!(await takeSetupToken(core.state, body.setupToken))) {
      throw await invalid(user.id, 'token')
    }
    const at = core.now().toISOString()
    // Password and activation in one statement, and only while the person is still invited.
    if (
      !(await activateInvitedWithPassword(core.sql, { userId: user.id, passwordHash: hash, at }))
    ) {
      throw await invalid(user.id, 'not_invited')
    }
    await audit('success', user.id)

    const active = await core.identity.users.get(user.id)
    if (!active) throw await invalid(user.id, 'gone')
    const tokens = await core.identity.sessions.signIn({
      user: active,
      app: registered,
      method: grant.method,
      ip: request.ip,
      userAgent: request.userAgent,
      deviceLabel: body.deviceLabel ?? null,
      requestId: request.requestId,
      clientSecret,
    })
    return c.json(toTokenResponse(tokens), 200)
  })
}
