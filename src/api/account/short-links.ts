/**
 * The short forms of the invitation and reset links, `/i/{token}` and `/r/{token}`, which SMS
 * messages carry: a Russian SMS is UCS-2, 70 characters a segment, and the long form alone
 * (`/invite?token=` and a token) nearly fills one. They serve the same pages as the long forms,
 * at the same address (no redirect: one round trip less on a phone), so links already sent in
 * the long form keep working beside them.
 */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { accountPages } from '../../modules/onboarding/index.ts'
import { invitePageFor, resetPageFor } from './pages.ts'

function shortRoute(path: string, operationId: string, summary: string) {
  return createRoute({
    method: 'get',
    path: `${path}/{token}`,
    operationId,
    security: [],
    tags: ['Account pages'],
    summary,
    request: {
      params: z.object({ token: z.string().min(1).max(500) }),
      query: z.object({
        lang: z.enum(['ru', 'en']).optional().openapi({ description: 'Overrides Accept-Language' }),
      }),
    },
    responses: {
      200: {
        description: 'The same HTML page as the long form of the link',
        content: { 'text/html': { schema: z.string() } },
      },
      400: errorResponse('`validation_failed`: an unknown `lang` or an overlong `token`'),
    },
  })
}

const invite = shortRoute(
  accountPages.invitation.short,
  'getInvitePageShort',
  'Invitation page at the short link an SMS carries (same page as `/invite?token=`)',
)
const reset = shortRoute(
  accountPages.reset.short,
  'getResetPasswordPageShort',
  'New-password page at the short link an SMS carries (same page as `/reset-password?token=`)',
)

export function mountShortLinks(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  app.openapi(invite, (c) => invitePageFor(c, services, c.req.valid('param').token))
  app.openapi(reset, (c) => resetPageFor(c, services, c.req.valid('param').token))
}
