import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, TypedResponse } from 'hono'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { plainAnswer } from '../../kernel/http/answer-headers.ts'
import { keysFor, type KeySet } from '../../modules/sessions/index.ts'
import { supportedScopes } from '../../modules/oidc/index.ts'

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
    authorization_endpoint: z.string(),
    jwks_uri: z.string(),
    token_endpoint: z.string(),
    revocation_endpoint: z.string(),
    userinfo_endpoint: z.string(),
    end_session_endpoint: z.string(),
    scopes_supported: z.array(z.string()),
    grant_types_supported: z.array(z.string()),
    response_types_supported: z.array(z.string()),
    response_modes_supported: z.array(z.string()),
    subject_types_supported: z.array(z.string()),
    code_challenge_methods_supported: z.array(z.string()),
    id_token_signing_alg_values_supported: z.array(z.string()),
    prompt_values_supported: z.array(z.string()),
    ui_locales_supported: z.array(z.string()),
    authorization_response_iss_parameter_supported: z.boolean(),
    claims_parameter_supported: z.boolean(),
    request_parameter_supported: z.boolean(),
    request_uri_parameter_supported: z.boolean(),
    token_endpoint_auth_methods_supported: z.array(z.string()),
    revocation_endpoint_auth_methods_supported: z.array(z.string()),
    access_token_signing_alg_values_supported: z
      .array(z.string())
      .describe('Algorithms of the published keys (current and retired): what access tokens use'),
    claims_supported: z.array(z.string()).describe('Claims of the ID and access tokens'),
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
  summary: 'OpenID Connect discovery metadata',
  description:
    'OpenID Provider metadata (OIDC Discovery 1.0, RFC 8414): the authorization code flow with ' +
    'PKCE S256 and the hosted sign-in pages; apps that sign in through the JSON API use the ' +
    'sign-in method endpoints (`sign_in_methods_supported`) and the same token endpoint.',
  responses: {
    200: { description: 'Metadata', content: { 'application/json': { schema: discovery } } },
  },
})

export function mountWellKnown(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  // PUBLIC_URL may carry a path prefix (behind a proxy): append, do not resolve.
  const url = (path: string) => services.config.PUBLIC_URL.replace(/\/+$/, '') + path

  // Both documents are fixed for a key set (and this app's settings): serialized once per key
  // set, never across one, so an answer always shows the keys this process signs with.
  const jwksBodies = new WeakMap<KeySet, string>()
  const discoveryBodies = new WeakMap<KeySet, string>()
  const cached = (bodies: WeakMap<KeySet, string>, keys: KeySet, build: () => unknown) => {
    let body = bodies.get(keys)
    if (body === undefined) {
      body = JSON.stringify(build())
      bodies.set(keys, body)
    }
    return body
  }
  // A plain answer: on Node no `Headers` object is built for these small public documents. The
  // body is the route's document serialized, so it answers as the route's typed JSON.
  const answer = <T>(c: Context<AppEnv>, body: string): TypedResponse<T, 200, 'json'> =>
    plainAnswer(c, body, 200, {
      'content-type': 'application/json',
      'cache-control': 'public, max-age=300',
    }) as unknown as TypedResponse<T, 200, 'json'>

  app.openapi(jwksRoute, async (c) => {
    const keys = await keysFor(services)
    return answer(
      c,
      cached(jwksBodies, keys, () => ({ keys: keys.publicJwks })),
    )
  })

  app.openapi(discoveryRoute, async (c) => {
    const keys = await keysFor(services)
    return answer(
      c,
      cached(discoveryBodies, keys, () => discoveryDocument(keys)),
    )
  })

  function discoveryDocument(keys: KeySet): z.input<typeof discovery> {
    const algs = [...new Set(keys.publicJwks.map((key) => String(key.alg)))]
    return {
      issuer: services.config.PUBLIC_URL,
      authorization_endpoint: url('/authorize'),
      jwks_uri: url('/.well-known/jwks.json'),
      token_endpoint: url('/v1/token'),
      revocation_endpoint: url('/v1/token/revoke'),
      userinfo_endpoint: url('/userinfo'),
      end_session_endpoint: url('/end_session'),
      scopes_supported: supportedScopes,
      grant_types_supported: ['authorization_code', 'refresh_token'],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      subject_types_supported: ['public'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: algs,
      prompt_values_supported: ['none', 'login'],
      ui_locales_supported: ['ru', 'en'],
      authorization_response_iss_parameter_supported: true,
      claims_parameter_supported: false,
      request_parameter_supported: false,
      request_uri_parameter_supported: false,
      token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
      revocation_endpoint_auth_methods_supported: [
        'none',
        'client_secret_post',
        'client_secret_basic',
      ],
      access_token_signing_alg_values_supported: algs,
      // Exactly the claims `signAccessToken`, `signIdToken` and `/userinfo` write.
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
        'nonce',
        'auth_time',
        'amr',
        'azp',
        'at_hash',
        'name',
        'updated_at',
        'email',
        'phone_number',
      ],
      // Methods an app can offer: the first-administrator link (no login kinds) is not one.
      sign_in_methods_supported: services.plugins
        .filter((plugin) => plugin.kind === 'sign-in-method' && plugin.loginKinds.length > 0)
        .map((plugin) => ({ id: plugin.id, endpoint: url(`/v1/auth/${plugin.id}`) })),
      app_types_supported: services.plugins
        .filter((plugin) => plugin.kind === 'client-app-type')
        .map((plugin) => plugin.id),
    }
  }
}
