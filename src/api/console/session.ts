import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ApiError, coreError } from '../../kernel/errors.ts'
import { sha256Hex } from '../../kernel/crypto.ts'
import { access, errorResponse } from '../../kernel/http/api-docs.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import type { TokenSet } from '../../modules/identity/index.ts'
import { findByRefreshToken } from '../../modules/sessions/index.ts'
import {
  clearRefreshCookie,
  consoleClientId,
  readRefreshCookie,
  requireConsoleHeader,
  subjectOf,
  writeRefreshCookie,
} from './cookie.ts'

export const consoleSessionSchema = z
  .object({
    accessToken: z.string().describe('Short-lived JWT for the admin API; keep it in memory only'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    sessionId: z.string(),
    user: z.object({
      id: z.string(),
      displayName: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    permissions: z.array(z.string()),
    mode: z
      .enum(['development', 'production'])
      .describe('PROPUSK_MODE: development installs get local tools (Outbox, try sign-in)'),
  })
  .openapi('ConsoleSession')

export const consoleHeader = z.object({
  'x-propusk-console': z.literal('1').openapi({ description: 'CSRF guard: always `1`' }),
})

const startRoute = createRoute({
  method: 'post',
  path: '/v1/console/session',
  operationId: 'consoleSignIn',
  security: [],
  tags: ['Admin console'],
  summary: 'Sign in to the admin console through any sign-in method',
  description:
    'Forwards `payload` to `POST /v1/auth/{via}` as the `admin-console` app. When that answer ' +
    'carries tokens, the refresh token goes into an HttpOnly, SameSite=Strict cookie scoped to ' +
    '`/v1/console` and only the access token is returned. Any other answer (an error, a next ' +
    'step) is passed through unchanged.',
  request: {
    headers: consoleHeader,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            via: z
              .string()
              .regex(/^[a-z][a-z0-9-]*(\/[a-z0-9-]+)+$/)
              .openapi({ example: 'password/sign-in' }),
            payload: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Signed in (or the sign-in method answered with a next step)',
      content: { 'application/json': { schema: consoleSessionSchema } },
    },
    400: errorResponse('Bad input, or `via` is not a sign-in method'),
    401: errorResponse('Wrong credentials'),
    403: errorResponse('Missing CSRF header, or no access to the admin console'),
  },
})

const refreshRoute = createRoute({
  method: 'post',
  path: '/v1/console/refresh',
  operationId: 'consoleRefresh',
  security: access.consoleCookie,
  tags: ['Admin console'],
  summary: 'A new access token from the console session cookie (rotates the cookie)',
  request: { headers: consoleHeader },
  responses: {
    200: {
      description: 'Still signed in',
      content: { 'application/json': { schema: consoleSessionSchema } },
    },
    400: errorResponse('`invalid_grant`: the session ended'),
    401: errorResponse('`console_signed_out`: no session cookie'),
    403: errorResponse('`forbidden`: the `X-Propusk-Console` header is missing'),
  },
})

const logoutRoute = createRoute({
  method: 'post',
  path: '/v1/console/logout',
  operationId: 'consoleLogout',
  security: access.optionalConsoleCookie,
  tags: ['Admin console'],
  summary: 'Sign out of the console: ends the session and clears the cookie',
  request: { headers: consoleHeader },
  responses: {
    204: { description: 'Signed out (also when there was no session)' },
    403: errorResponse(
      '`forbidden`: the `X-Propusk-Console` header is missing or the origin is not this server',
    ),
  },
})

function pickTokens(body: Record<string, unknown>): TokenSet | null {
  const access = body.access_token ?? body.accessToken
  const refresh = body.refresh_token ?? body.refreshToken
  const session = body.session_id ?? body.sessionId
  const expires = body.expires_in ?? body.expiresIn
  if (typeof access !== 'string' || typeof refresh !== 'string') return null
  return {
    accessToken: access,
    refreshToken: refresh,
    sessionId: typeof session === 'string' ? session : '',
    expiresIn: typeof expires === 'number' ? expires : 0,
    tokenType: 'Bearer',
  }
}

/** Sets the cookie and answers with the access token, the admin and their permissions. */
export async function establish(c: Context<AppEnv>, services: CoreServices, tokens: TokenSet) {
  const presented = await findByRefreshToken(services.sql, await sha256Hex(tokens.refreshToken))
  const expiresAt = presented ? Date.parse(presented.session.expiresAt) : Date.now()
  writeRefreshCookie(c, tokens.refreshToken, (expiresAt - services.now().getTime()) / 1000)
  const userId = presented?.session.userId ?? subjectOf(tokens.accessToken)
  const [user, roles] = userId
    ? await Promise.all([
        services.identity.users.get(userId),
        services.identity.users.roles(userId),
      ])
    : [null, []]
  if (!user) throw coreError('unauthorized', 'This session has ended.')
  return c.json(
    {
      accessToken: tokens.accessToken,
      expiresIn: tokens.expiresIn,
      sessionId: presented?.session.id ?? tokens.sessionId,
      user: { id: user.id, displayName: user.displayName, email: user.email, phone: user.phone },
      permissions: [...new Set(roles.flatMap((role) => role.permissions))],
      mode: services.config.PROPUSK_MODE,
    },
    200,
  )
}

/** Headers that make the inner request look like the outer one (IP, agent, request id). */
function forwardedHeaders(c: Context<AppEnv>): Headers {
  const headers = new Headers({ 'content-type': 'application/json' })
  for (const name of ['user-agent', 'accept-language']) {
    const value = c.req.header(name)
    if (value) headers.set(name, value)
  }
  headers.set('x-request-id', c.get('requestId'))
  // Workers read the client IP from cf-connecting-ip; Node and Deno from the socket, which the
  // inner request shares through `c.env`. Either way the audited IP stays the admin's.
  const ip = c.get('clientIp')
  if (ip && ip !== 'unknown') headers.set('cf-connecting-ip', ip)
  return headers
}

/**
 * The payload forwarded to the sign-in route. JSON.parse accepts nesting that JSON.stringify
 * cannot serialise again (it recurses and overflows the stack), so such a payload is refused as
 * bad input instead of becoming a 500.
 */
function innerBody(payload: Record<string, unknown>): string {
  try {
    return JSON.stringify({ ...payload, clientId: consoleClientId })
  } catch {
    throw coreError('bad_request', 'The sign-in payload is nested too deeply.')
  }
}

export function mountConsoleSession(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  const signInMethods = () =>
    new Set(services.plugins.filter((p) => p.kind === 'sign-in-method').map((p) => p.id))

  app.use('/v1/console/*', requireConsoleHeader())

  app.openapi(startRoute, async (c) => {
    const { via, payload } = c.req.valid('json')
    const pluginId = via.split('/')[0] as string
    if (!signInMethods().has(pluginId)) {
      throw coreError('bad_request', `"${pluginId}" is not an installed sign-in method.`)
    }
    const inner = new Request(new URL(`/v1/auth/${via}`, c.req.url), {
      method: 'POST',
      headers: forwardedHeaders(c),
      body: innerBody(payload),
    })
    const answer = await app.fetch(inner, c.env)
    const text = await answer.text()
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = null
    }
    const tokens =
      answer.ok && body && typeof body === 'object'
        ? pickTokens(body as Record<string, unknown>)
        : null
    if (tokens) return establish(c, services, tokens)
    // Errors and next steps (e.g. "create a password first") reach the console unchanged.
    return new Response(text, {
      status: answer.status,
      headers: { 'content-type': answer.headers.get('content-type') ?? 'application/json' },
    }) as never
  })

  app.openapi(refreshRoute, async (c) => {
    const token = readRefreshCookie(c)
    if (!token) throw coreError('unauthorized', 'Not signed in to the console.')
    try {
      const client = { id: consoleClientId, secret: undefined }
      const tokens = await services.identity.sessions.refresh(token, client, {
        ip: c.get('clientIp'),
        requestId: c.get('requestId'),
      })
      return await establish(c, services, tokens)
    } catch (error) {
      // A dead session must not be retried on every page load.
      if (error instanceof ApiError && error.status < 500) clearRefreshCookie(c)
      throw error
    }
  })

  app.openapi(logoutRoute, async (c) => {
    const token = readRefreshCookie(c)
    clearRefreshCookie(c)
    if (token) {
      const presented = await findByRefreshToken(services.sql, await sha256Hex(token))
      if (presented && !presented.session.revokedAt && !presented.usedAt) {
        const { session } = presented
        await services.identity.sessions.revoke(session.id, 'logout')
        await services.identity.audit.record({
          actorType: 'user',
          actorId: session.userId,
          action: 'sign_out',
          targetType: 'session',
          targetId: session.id,
          result: 'success',
          ip: c.get('clientIp'),
          requestId: c.get('requestId'),
          appId: session.appId,
        })
      }
    }
    return c.body(null, 204)
  })
}
