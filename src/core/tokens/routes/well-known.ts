import { createRoute, z } from '@hono/zod-openapi'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv, CoreServices } from '../../services.ts'
import { keysFor } from '../keys.ts'

const jwk = z.looseObject({
  kty: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.string(),
  crv: z.string(),
  x: z.string(),
  y: z.string().optional(),
})

const jwksRoute = createRoute({
  method: 'get',
  path: '/.well-known/jwks.json',
  operationId: 'getJwks',
  security: [],
  tags: ['Tokens'],
  summary: 'Public keys that verify access tokens',
  description:
    'The current signing key first, then retired keys that stay published until the tokens ' +
    'they signed have expired. Cacheable for 5 minutes.',
  responses: {
    200: {
      description: 'JSON Web Key Set (RFC 7517)',
      content: { 'application/json': { schema: z.object({ keys: z.array(jwk) }).openapi('Jwks') } },
    },
  },
})

const discovery = z
  .object({
    issuer: z.string(),
    jwks_uri: z.string(),
    token_endpoint: z.string(),
    revocation_endpoint: z.string(),
    userinfo_endpoint: z.string(),
    grant_types_supported: z.array(z.string()),
    response_types_supported: z.array(z.string()),
    subject_types_supported: z.array(z.string()),
    token_endpoint_auth_methods_supported: z.array(z.string()),
    revocation_endpoint_auth_methods_supported: z.array(z.string()),
    access_token_signing_alg_values_supported: z
      .array(z.string())
      .describe('Algorithms of the published keys (current and retired): what access tokens use'),
    claims_supported: z.array(z.string()).describe('Claims of the access tokens'),
    sign_in_methods_supported: z
      .array(z.object({ id: z.string(), endpoint: z.string() }))
      .describe('Propusk extension: installed sign-in method plugins and their route prefixes'),
    app_types_supported: z.array(z.string()).describe('Propusk extension: client app types'),
  })
  .openapi('DiscoveryMetadata')

const discoveryRoute = createRoute({
  method: 'get',
  path: '/.well-known/openid-configuration',
  operationId: 'getOpenIdConfiguration',
  security: [],
  tags: ['Tokens'],
  summary: 'OIDC-style discovery metadata',
  description:
    'Issuer, JWKS and token endpoints. Sign-in itself happens at each sign-in method plugin ' +
    '(`sign_in_methods_supported`); the token endpoint serves refresh grants.',
  responses: {
    200: { description: 'Metadata', content: { 'application/json': { schema: discovery } } },
  },
})

export function mountWellKnown(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  // PUBLIC_URL may carry a path prefix (behind a proxy): append, do not resolve.
  const url = (path: string) => services.config.PUBLIC_URL.replace(/\/+$/, '') + path

  app.openapi(jwksRoute, async (c) => {
    const keys = await keysFor(services)
    c.header('Cache-Control', 'public, max-age=300')
    return c.json({ keys: keys.publicJwks as Array<z.output<typeof jwk>> }, 200)
  })

  app.openapi(discoveryRoute, async (c) => {
    const keys = await keysFor(services)
    const algs = [...new Set(keys.publicJwks.map((key) => String(key.alg)))]
    c.header('Cache-Control', 'public, max-age=300')
    return c.json(
      {
        issuer: services.config.PUBLIC_URL,
        jwks_uri: url('/.well-known/jwks.json'),
        token_endpoint: url('/v1/token'),
        revocation_endpoint: url('/v1/token/revoke'),
        userinfo_endpoint: url('/v1/me'),
        grant_types_supported: ['refresh_token'],
        // No authorization endpoint: sign-in happens at each method's own endpoints.
        response_types_supported: [],
        subject_types_supported: ['public'],
        token_endpoint_auth_methods_supported: [
          'none',
          'client_secret_post',
          'client_secret_basic',
        ],
        revocation_endpoint_auth_methods_supported: [
          'none',
          'client_secret_post',
          'client_secret_basic',
        ],
        access_token_signing_alg_values_supported: algs,
        // Only what is true: no ID tokens are issued (no id_token_* fields), and these are
        // exactly the claims `signAccessToken` writes.
        claims_supported: [
          'iss',
          'aud',
          'sub',
          'sid',
          'client_id',
          'app_type',
          'roles',
          'kind',
          'iat',
          'exp',
          'jti',
        ],
        // Methods an app can offer: the first-administrator link (no login kinds) is not one.
        sign_in_methods_supported: services.plugins
          .filter((plugin) => plugin.kind === 'sign-in-method' && plugin.loginKinds.length > 0)
          .map((plugin) => ({ id: plugin.id, endpoint: url(`/v1/auth/${plugin.id}`) })),
        app_types_supported: services.plugins
          .filter((plugin) => plugin.kind === 'client-app-type')
          .map((plugin) => plugin.id),
      },
      200,
    )
  })
}
