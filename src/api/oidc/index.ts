/**
 * The OpenID Connect provider: `/authorize`, the authorization-code grant (token endpoint,
 * tokens/routes/token-endpoint.ts), `/userinfo`, `/end_session`, and the hosted sign-in pages
 * (src/api/hosted) that `/authorize` sends people to. Discovery: tokens/routes/well-known.ts.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { mountHostedPages } from './hosted-routes.ts'
import { mountAuthorize } from './authorize.ts'
import { mountEndSession } from './end-session.ts'
import { mountUserinfo } from './userinfo.ts'

export function mountOidc(app: OpenAPIHono<AppEnv>, core: CoreServices): void {
  core.limits.register('oidc', {
    authorizePerIp: {
      limit: 300,
      windowMs: 60_000,
      description: 'Authorization and logout requests per IP per minute',
    },
    hostedPostPerIp: {
      limit: 120,
      windowMs: 60_000,
      description: 'Hosted sign-in form submissions per IP per minute',
    },
  })
  mountAuthorize(app, core)
  mountUserinfo(app, core)
  mountEndSession(app, core)
  // The pages call the sign-in methods' routes of this same app, in-process.
  mountHostedPages(app, core, (request, env, ctx) => app.fetch(request, env, ctx))
}
