import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { sha256Hex } from '../../kernel/crypto.ts'
import { coreError } from '../../kernel/errors.ts'
import { fieldIssues } from '../../kernel/http/validation.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { authenticateClient, presentedClient, tokenError } from '../../modules/clients/index.ts'
import {
  verifyAccessToken,
  keysFor,
  findByRefreshToken,
  revokeSession,
} from '../../modules/sessions/index.ts'
import { access } from '../../kernel/http/api-docs.ts'
import { errorResponse, toTokenResponse, tokenResponse } from '../token-schemas.ts'
import { redeemAuthorizationCode } from '../../modules/oidc/index.ts'
import { clientsDepsOf, oidcDepsOf } from '../module-deps.ts'

const codeTokenResponse = tokenResponse
  .extend({
    id_token: z.string().describe('OpenID Connect ID token (ES256), verify with the JWKS'),
    scope: z.string().describe('The granted scope'),
  })
  .openapi('CodeTokenResponse')

const clientFields = {
  client_id: z.string().min(1).max(200).optional().describe('The app; or send HTTP Basic'),
  client_secret: z.string().min(1).max(500).optional().describe('Confidential clients only'),
}

const tokenRequest = z
  .object({
    grant_type: z.string().min(1).max(100).describe('`refresh_token` or `authorization_code`'),
    refresh_token: z.string().min(1).max(500).optional(),
    code: z.string().min(1).max(200).optional().describe('authorization_code: the code'),
    redirect_uri: z.string().min(1).max(2000).optional().describe('authorization_code'),
    code_verifier: z.string().min(1).max(200).optional().describe('authorization_code: PKCE'),
    ...clientFields,
  })
  .openapi('TokenRequest')

const revokeRequest = z
  .object({
    token: z.string().min(1).max(4000).describe('A refresh token or an access token'),
    token_type_hint: z.enum(['refresh_token', 'access_token']).optional(),
    ...clientFields,
  })
  .openapi('RevokeRequest')

/** OAuth clients send forms (RFC 6749); JSON is accepted too. */
const bodyOf = <S extends z.ZodType>(schema: S) => ({
  content: {
    'application/json': { schema },
    'application/x-www-form-urlencoded': { schema },
  },
})

const tokenRoute = createRoute({
  method: 'post',
  path: '/v1/token',
  operationId: 'tokenRefresh',
  security: access.optionalClientBasic,
  tags: ['Tokens'],
  summary: 'Token endpoint: a refresh token or an authorization code for tokens',
  description:
    '`authorization_code` (after /authorize): checks the client, the PKCE verifier and the ' +
    'redirect URI, and answers with an `id_token` too; a code works once, and presenting it ' +
    'again ends the session it opened. `refresh_token`: rotates the refresh token: the one ' +
    'presented is used up. Presented again by the same ' +
    'client within `REFRESH_GRACE_SECONDS` (30 s) of that rotation, while the new token is ' +
    'still unused, it returns the same new refresh token again (a retry after a lost answer). ' +
    'Any other reuse ends the whole session (`invalid_grant`). Confidential clients ' +
    'authenticate with `client_secret` or HTTP Basic.',
  request: { body: bodyOf(tokenRequest) },
  responses: {
    200: {
      description: 'New tokens',
      content: { 'application/json': { schema: tokenResponse.or(codeTokenResponse) } },
    },
    400: errorResponse('`invalid_grant`, `unsupported_grant_type` or `validation_failed`'),
    401: errorResponse('`invalid_client`'),
    403: errorResponse('`app_access_denied` (roles changed) or `app_disabled`'),
    429: errorResponse('`rate_limited`'),
  },
})

const revokeRoute = createRoute({
  method: 'post',
  path: '/v1/token/revoke',
  operationId: 'tokenRevoke',
  security: access.optionalClientBasic,
  tags: ['Tokens'],
  summary: 'Revoke a token: ends its session (RFC 7009)',
  description: 'Always 200 for unknown or already revoked tokens, so it reveals nothing.',
  request: { body: bodyOf(revokeRequest) },
  responses: {
    200: { description: 'Done (or nothing to do)' },
    400: errorResponse('`validation_failed`'),
    401: errorResponse('`invalid_client`'),
  },
})

/** Whichever body the validators saw; an absent body is validated here (both were skipped). */
function readBody<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
  json: unknown,
  form: unknown,
) {
  const isForm = /form/i.test(c.req.header('content-type') ?? '')
  const result = schema.safeParse(isForm ? form : json)
  if (!result.success) {
    const fields = fieldIssues(result.error)
    throw coreError('validation_failed', `Invalid ${fields.map((f) => f.field).join(', ')}.`, {
      fields,
    })
  }
  return result.data as z.output<S>
}

export function mountTokenEndpoint(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  const clients = clientsDepsOf(services)
  const oidc = oidcDepsOf(services)
  app.openapi(tokenRoute, async (c) => {
    await services.limits.consume('tokens', 'tokenPerIp', c.get('clientIp'))
    const body = readBody(c, tokenRequest, c.req.valid('json'), c.req.valid('form'))
    if (body.grant_type === 'authorization_code') {
      const context = { ip: c.get('clientIp'), requestId: c.get('requestId') }
      const auth = c.req.header('authorization')
      c.header('Pragma', 'no-cache')
      return c.json(await redeemAuthorizationCode(oidc, body, auth, context), 200)
    }
    if (body.grant_type !== 'refresh_token') throw tokenError('unsupported_grant_type')
    if (!body.refresh_token) {
      throw coreError('validation_failed', 'Invalid refresh_token.', {
        fields: [{ field: 'refresh_token', message: 'required for grant_type=refresh_token' }],
      })
    }
    // The client is checked inside the refresh: its app is read in the same round trip.
    const client = presentedClient(body, c.req.header('authorization'))
    const tokens = await services.identity.sessions.refresh(body.refresh_token, client, {
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
    })
    c.header('Pragma', 'no-cache')
    return c.json(toTokenResponse(tokens), 200)
  })

  app.openapi(revokeRoute, async (c) => {
    await services.limits.consume('tokens', 'tokenPerIp', c.get('clientIp'))
    const body = readBody(c, revokeRequest, c.req.valid('json'), c.req.valid('form'))
    const client = await authenticateClient(clients, body, c.req.header('authorization'))
    const sessionId = await sessionOfToken(services, body.token, client.id)
    if (sessionId) {
      const now = services.now().toISOString()
      if (await revokeSession(services.sql, sessionId, 'revoked_by_client', now)) {
        await services.identity.audit.record({
          actorType: 'app',
          actorId: client.id,
          action: 'session.revoke',
          targetType: 'session',
          targetId: sessionId,
          result: 'success',
          ip: c.get('clientIp'),
          requestId: c.get('requestId'),
          appId: client.id,
          details: { via: 'token_revocation' },
        })
      }
    }
    return c.body(null, 200)
  })
}

/** The session a token belongs to, if it was issued to this client; null otherwise. */
async function sessionOfToken(
  services: CoreServices,
  token: string,
  clientId: string,
): Promise<string | null> {
  if (token.split('.').length === 3) {
    try {
      const claims = await verifyAccessToken(await keysFor(services), token, {
        issuer: services.config.PUBLIC_URL,
        audience: clientId,
        now: services.now(),
      })
      return claims.sid
    } catch {
      return null
    }
  }
  const presented = await findByRefreshToken(services.sql, await sha256Hex(token))
  return presented?.session.appId === clientId ? presented.session.id : null
}
