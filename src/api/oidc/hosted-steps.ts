/**
 * What each hosted form does. Every proof goes through the sign-in method's own JSON route
 * (in-process), with a deferred-client ticket in place of the client secret: the app session
 * is opened by `sessions.signIn` exactly as in direct sign-in, and the client authenticates
 * later at the token endpoint (oidc/client-ticket.ts).
 */
import type { Context } from 'hono'
import type { AppEnv } from '../../kernel/services.ts'
import {
  verifyAccessToken,
  keysFor,
  dropClientTicket,
  mintClientTicket,
} from '../../modules/sessions/index.ts'
import { errorRedirect, finishAuthorization } from './finish.ts'
import type { PendingRequest } from '../../modules/oidc/index.ts'
import type { TokenSet } from '../../modules/identity/index.ts'
import { callRoute, errorOf, type JsonAnswer } from './hosted-in-process.ts'

type Fetch = Parameters<typeof callRoute>[0]

/** The next page: the same request at its (updated) step, or away to the client. */
export type StepOutcome = { next: 'page' } | { next: 'redirect'; to: string }

export interface StepInput {
  fetchApp: Fetch
  c: Context<AppEnv>
  request: PendingRequest
  form: Record<string, string>
}

const page: StepOutcome = { next: 'page' }

function notice(request: PendingRequest, answer: JsonAnswer | string) {
  if (typeof answer === 'string') {
    request.notice = answer
    return page
  }
  const error = errorOf(answer)
  request.notice = error.code
  if (error.seconds !== undefined) request.noticeSeconds = error.seconds
  if (error.message) request.noticeMessage = error.message
  return page
}

async function withTicket(
  input: StepInput,
  path: string,
  body: Record<string, unknown>,
): Promise<JsonAnswer> {
  const core = input.c.get('services')
  const ticket = await mintClientTicket(core.state, input.request.clientId)
  try {
    const payload = { ...body, clientId: input.request.clientId, clientSecret: ticket }
    return await callRoute(input.fetchApp, input.c, path, payload)
  } finally {
    await dropClientTicket(core.state, ticket)
  }
}

/** After a proof: a code for the client, or `access_denied` when the roles do not grant the app (R7). */
async function signedIn(
  input: StepInput,
  answer: JsonAnswer,
  method: string,
): Promise<StepOutcome> {
  const { c, request } = input
  const core = c.get('services')
  if (errorOf(answer).code === 'app_access_denied') {
    const to = errorRedirect(
      core,
      request,
      'access_denied',
      'Your roles do not grant access to this app.',
    )
    return { next: 'redirect', to }
  }
  if (answer.status !== 200) return notice(request, answer)
  const body = answer.body as {
    access_token: string
    refresh_token: string
    session_id: string
    expires_in: number
  }
  const claims = await verifyAccessToken(await keysFor(core), body.access_token, {
    issuer: core.config.PUBLIC_URL,
    audience: request.clientId,
    now: core.now(),
  })
  const tokens: TokenSet = {
    accessToken: body.access_token,
    tokenType: 'Bearer',
    expiresIn: body.expires_in,
    refreshToken: body.refresh_token,
    sessionId: body.session_id,
  }
  return {
    next: 'redirect',
    to: await finishAuthorization(c, request, { userId: claims.sub, method, tokens }),
  }
}

async function sendCode(input: StepInput, method: string): Promise<StepOutcome> {
  const { request } = input
  const answer = await callRoute(input.fetchApp, input.c, `/v1/auth/${method}/send`, {
    login: request.login,
    clientId: request.clientId,
  })
  if (answer.status !== 200) return notice(request, answer)
  const sent = answer.body as {
    challengeId: string
    codeLength: number
    sentTo: string
    resendAfterSeconds: number
  }
  Object.assign(request, {
    step: 'code',
    method,
    challengeId: sent.challengeId,
    codeLength: sent.codeLength,
    sentTo: sent.sentTo,
    resendAt: Date.now() + sent.resendAfterSeconds * 1000,
  })
  return page
}

function choose(input: StepInput, method: string): Promise<StepOutcome> | StepOutcome {
  const { request } = input
  if (!(request.methods ?? []).includes(method))
    return notice(request, 'sign_in_method_not_allowed')
  if (method === 'password') {
    request.step = 'password'
    request.method = 'password'
    return page
  }
  return sendCode(input, method)
}

export async function runStep(action: string, input: StepInput): Promise<StepOutcome> {
  const { request, form } = input
  switch (action) {
    case 'restart':
      request.step = 'login'
      return page
    case 'login': {
      const answer = await callRoute(input.fetchApp, input.c, '/v1/sign-in/start', {
        login: form.login ?? '',
        clientId: request.clientId,
      })
      if (answer.status !== 200) {
        const code = errorOf(answer).code
        return notice(request, code === 'validation_failed' ? 'login_invalid' : answer)
      }
      const started = answer.body as { normalizedLogin: string; methods: string[] }
      request.login = started.normalizedLogin
      request.methods = started.methods
      if (started.methods.length === 0) return notice(request, 'no_methods')
      if (started.methods.length === 1) return choose(input, started.methods[0] as string)
      request.step = 'methods'
      return page
    }
    case 'method':
      return choose(input, form.method ?? '')
    case 'resend':
      return request.method ? sendCode(input, request.method) : page
    case 'password': {
      const answer = await withTicket(input, '/v1/auth/password/sign-in', {
        login: request.login,
        password: form.password ?? '',
      })
      return signedIn(input, answer, 'password')
    }
    case 'code': {
      const method = request.method ?? ''
      const answer = await withTicket(input, `/v1/auth/${method}/verify`, {
        challengeId: request.challengeId,
        code: (form.code ?? '').trim(),
      })
      if (answer.status === 200 && answer.body.status === 'password_required') {
        request.step = 'register'
        request.setupToken = String(answer.body.setupToken)
        return page
      }
      return signedIn(input, answer, method)
    }
    case 'register': {
      if ((form.password ?? '') !== (form.confirm ?? '')) return notice(request, 'mismatch')
      const answer = await withTicket(input, '/v1/sign-in/complete-registration', {
        setupToken: request.setupToken,
        password: form.password ?? '',
      })
      if (errorOf(answer).code === 'setup_token_invalid') request.step = 'login'
      return signedIn(input, answer, request.method ?? 'sms-otp')
    }
    default:
      return page
  }
}
