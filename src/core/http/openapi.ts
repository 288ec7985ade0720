import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../services.ts'
import { docsPage } from './docs-page.ts'

/** `/openapi.json` is generated from the same zod schemas that validate requests. */
export function mountOpenApi(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  version: string,
): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  })
  app.doc31('/openapi.json', () => ({
    openapi: '3.1.0',
    info: {
      title: 'Propusk API',
      version,
      description:
        'Identity for field teams: people, roles, apps, and sign-in by password or one-time code. ' +
        'Errors are `{"error": {"code", "message"}}`; the codes are listed under `x-error-codes`.',
    },
    servers: [{ url: services.config.PUBLIC_URL }],
    'x-error-codes': services.errors.list(),
  }))
  app.get('/docs', (c) => {
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-ancestors 'none'",
    )
    return c.html(docsPage)
  })
}
