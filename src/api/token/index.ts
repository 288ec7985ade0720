import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { registerTokenErrors } from '../../modules/clients/index.ts'
import { mountMeRoutes } from './me.ts'
import { mountTokenEndpoint } from './token-endpoint.ts'
import { mountWellKnown } from './well-known.ts'

/**
 * JWKS and discovery, the token and revocation endpoints, and the signed-in user's own
 * routes (`/v1/me`, sessions, logout).
 */
export function mountTokenRoutes(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  registerTokenErrors(services)
  services.limits.register('tokens', {
    tokenPerIp: {
      limit: 300,
      windowMs: 60_000,
      description: 'Token and revocation requests per IP per minute',
    },
  })
  mountWellKnown(app, services)
  mountTokenEndpoint(app, services)
  mountMeRoutes(app, services)
}
