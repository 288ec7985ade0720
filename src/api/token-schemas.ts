import * as z from 'zod'
import { access } from '../kernel/http/api-docs.ts'

export { errorResponse } from '../kernel/http/api-docs.ts'

/** OAuth 2.0 token response (RFC 6749 §5.1) plus the session id. */
export const tokenResponse = z
  .object({
    access_token: z.string().describe('JWT (ES256/EdDSA), verify against /.well-known/jwks.json'),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().describe('Seconds until the access token expires'),
    refresh_token: z.string().describe('Opaque, single use: each refresh returns a new one'),
    session_id: z.string(),
  })
  .openapi('TokenResponse')

export function toTokenResponse(tokens: {
  accessToken: string
  expiresIn: number
  refreshToken: string
  sessionId: string
}): z.output<typeof tokenResponse> {
  return {
    access_token: tokens.accessToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
    session_id: tokens.sessionId,
  }
}

export const sessionSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    method: z.string(),
    deviceLabel: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string(),
    expiresAt: z.string(),
    idleExpiresAt: z.string(),
    current: z.boolean().describe('Whether this is the session of the calling token'),
  })
  .openapi('MySession')

export const bearerSecurity = access.bearer
