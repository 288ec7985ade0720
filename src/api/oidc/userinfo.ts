/** `GET`/`POST /userinfo` (OIDC Core §5.3): the claims the session's scope releases. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { coreError } from '../../kernel/errors.ts'
import { access, errorResponse } from '../../kernel/http/api-docs.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { requireAuth } from '../auth.ts'
import { grantedScope, scopedClaims } from '../../modules/oidc/index.ts'

const userinfo = z
  .object({
    sub: z.string(),
    name: z.string().optional().describe('scope `profile`'),
    updated_at: z.number().int().optional().describe('scope `profile`'),
    email: z.string().optional().describe('scope `email`'),
    phone_number: z.string().optional().describe('scope `phone`, E.164'),
  })
  .openapi('UserInfo')

const route = (method: 'get' | 'post', operationId: string) =>
  createRoute({
    method,
    path: '/userinfo',
    operationId,
    security: access.bearer,
    tags: ['OpenID Connect'],
    summary: 'Claims about the signed-in person (OpenID Connect UserInfo)',
    middleware: [requireAuth()] as const,
    responses: {
      200: { description: 'Claims', content: { 'application/json': { schema: userinfo } } },
      401: errorResponse('`unauthorized`: no, an invalid or an ended session’s access token'),
    },
  })

export function mountUserinfo(app: OpenAPIHono<AppEnv>, core: CoreServices): void {
  const handler = async (c: Parameters<Parameters<typeof app.openapi>[1]>[0]) => {
    const principal = c.get('principal')
    const user = await core.identity.users.get(principal.userId)
    if (!user) throw coreError('unauthorized', 'This session has ended: sign in again.')
    const scope = await grantedScope(core.state, principal.sessionId)
    c.header('Cache-Control', 'no-store')
    return c.json({ sub: user.id, ...scopedClaims(user, scope) }, 200)
  }
  app.openapi(route('get', 'oidcUserinfo'), handler)
  app.openapi(route('post', 'oidcUserinfoPost'), handler)
}
