import type { OpenAPIHono } from '@hono/zod-openapi'
import { randomToken } from '../crypto.ts'
import type { AppEnv, CoreServices } from '../services.ts'
import { docsPage } from './docs-page.ts'

/** `/openapi.json` is generated from the same zod schemas that validate requests. */
export function mountOpenApi(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  version: string,
): void {
  // The names `access` in api-docs.ts refers to.
  const schemes = app.openAPIRegistry
  schemes.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'An access token from a sign-in, `/v1/token` or `/v1/console/session`',
  })
  schemes.registerComponent('securitySchemes', 'clientBasic', {
    type: 'http',
    scheme: 'basic',
    description: 'A confidential app: `client_id:client_secret` (RFC 6749 §2.3.1)',
  })
  // Built on the first request (every route and plugin is mounted by then) and kept: generating
  // it walks every schema, 100+ ms of CPU and tens of MB of garbage, which a public endpoint
  // should not cost on each call. Nothing in it changes while the app runs.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined
  app.get('/openapi.json', (c) => {
    document ??= app.getOpenAPI31Document({
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
    })
    return c.json(document)
  })
  app.get('/docs', (c) => {
    // A fresh nonce per response: only the page's own inline script and style may run.
    const nonce = randomToken(18)
    c.header(
      'Content-Security-Policy',
      `default-src 'self'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; ` +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    )
    return c.html(docsPage(nonce))
  })
}
