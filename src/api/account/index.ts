/**
 * What people reach from links Propusk sends: the invitation, password reset and
 * first-administrator pages, and the endpoints those pages post to.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { accountRateLimits, mountAccountApi } from './api.ts'
import { accountErrorCodes } from '../../modules/onboarding/index.ts'
import { mountAccountPages } from './pages.ts'
import { mountShortLinks } from './short-links.ts'

export function mountAccountRoutes(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  services.errors.register('account', accountErrorCodes)
  services.limits.register('account', accountRateLimits)
  mountAccountApi(app, services)
  mountAccountPages(app, services)
  mountShortLinks(app, services)
}
