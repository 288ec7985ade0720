/**
 * The console's sign-in through the hosted pages: the browser comes back to `/admin/` with an
 * authorization code, and the console hands it here instead of to `/token`, so that the refresh
 * token lands in the same HttpOnly cookie as any other console session and never reaches
 * JavaScript. The code is redeemed by the token endpoint's own rules (single use, redirect URI,
 * PKCE verifier), as the public client `admin-console`.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import { redeemAuthorizationCode } from '../../modules/oidc/index.ts'
import { oidcDepsOf } from '../module-deps.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { consoleClientId } from './cookie.ts'
import { consoleHeader, consoleSessionSchema, establish } from './session.ts'

const codeRoute = createRoute({
  method: 'post',
  path: '/v1/console/session/code',
  operationId: 'consoleSignInWithCode',
  security: [],
  tags: ['Admin console'],
  summary: 'Sign in to the admin console with an authorization code from the hosted pages',
  description:
    'Redeems a code that `/authorize` gave `admin-console` (PKCE S256 required, single use, the ' +
    'same redirect URI), as `POST /token` would, then keeps the refresh token in the console ' +
    'cookie (HttpOnly, SameSite=Strict, `/v1/console`) and answers only the access token.',
  request: {
    headers: consoleHeader,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            code: z.string().min(1).max(512),
            redirectUri: z
              .string()
              .max(2048)
              .openapi({ example: 'https://id.example.com/admin/' })
              .describe('The redirect_uri the authorization request named'),
            codeVerifier: z.string().max(128).describe('The PKCE verifier of that request'),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Signed in',
      content: { 'application/json': { schema: consoleSessionSchema } },
    },
    400: errorResponse(
      '`invalid_grant`: the code is unknown, expired, used, or the verifier does not match',
    ),
    401: errorResponse('`invalid_client`: the console app is missing or disabled'),
    403: errorResponse('`forbidden`: the `X-Propusk-Console` header is missing'),
  },
})

export function mountConsoleCodeSession(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  const oidc = oidcDepsOf(services)
  app.openapi(codeRoute, async (c) => {
    const { code, redirectUri, codeVerifier } = c.req.valid('json')
    const tokens = await redeemAuthorizationCode(
      oidc,
      { client_id: consoleClientId, code, redirect_uri: redirectUri, code_verifier: codeVerifier },
      undefined,
      { ip: c.get('clientIp'), requestId: c.get('requestId') },
    )
    return establish(c, services, {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      sessionId: tokens.session_id,
      expiresIn: tokens.expires_in,
      tokenType: 'Bearer',
    })
  })
}
