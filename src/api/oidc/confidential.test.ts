/**
 * A confidential client in the code flow: an app type that keeps a secret AND takes redirect
 * URIs (no built-in type does both; a plugin may). The code alone, or with a wrong secret, is
 * refused without being spent; client_secret_basic and client_secret_post both redeem it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import * as z from 'zod'
import { isWebRedirectUri } from '../../modules/clients/redirect-uris.ts'
import { defineClientAppType } from '../../kernel/plugin.ts'
import { createRedisStateStore } from '../../storage/state/redis-tcp.ts'
import { plugins } from '../../plugins.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { adminToken } from '../../../test/support/admin.ts'
import { pluginSettings } from '../../../test/support/otp.ts'
import { createOidcFixture, type OidcFixture } from '../../../test/support/oidc-fixtures.ts'
import {
  authorizationUrl,
  codeGrant,
  discover,
  FormBrowser,
  oauth,
  pathOf,
  signInOnHostedPages,
  type OidcTarget,
  type RpClient,
} from '../../../test/support/oidc-rp.ts'

const serverWebApp = defineClientAppType({
  id: 'server-web',
  kind: 'client-app-type',
  name: 'Server-side web app',
  description: 'A web app whose server keeps a client secret.',
  clientKind: 'confidential',
  sessionPolicy: {
    accessTokenTtlSeconds: 600,
    refreshTokenAbsoluteTtlSeconds: 86400,
    refreshTokenIdleTtlSeconds: 3600,
  },
  defaultSignInMethods: ['password'],
  isRedirectUriAllowed: isWebRedirectUri,
  settings: z.object({}),
})

const issuer = 'https://id.example.com'
const redirectUri = 'https://server-app.example.com/cb'
let propusk: TestPropusk
let target: OidcTarget
let fixture: OidcFixture
let rp: RpClient
let secret = ''

beforeAll(async () => {
  propusk = await createTestPropusk({
    env: { ...pluginSettings(), PUBLIC_URL: issuer },
    plugins: [...plugins, serverWebApp],
    state: createRedisStateStore({
      url: inject('redisUrl'),
      prefix: `oidc:${crypto.randomUUID()}:`,
    }),
  })
  target = { issuer, fetch: async (path, init) => propusk.app.request(path, init) }
  fixture = await createOidcFixture((statements) => propusk.services.sql.batch(statements))
  const created = await propusk.app.request('/v1/admin/apps', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await adminToken(propusk)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      id: 'server-app',
      type: 'server-web',
      name: 'Server app',
      redirectUris: [redirectUri],
    }),
  })
  expect(created.status).toBe(201)
  secret = ((await created.json()) as { clientSecret: string }).clientSecret
  await propusk.services.sql.execute({
    sql: `UPDATE roles SET app_types = '["web","server-web"]'
          WHERE id = (SELECT role_id FROM user_roles WHERE user_id = ?)`,
    args: [fixture.person.id],
  })
  rp = await discover(target, 'server-app', redirectUri)
})

afterAll(async () => propusk?.close())

async function callback() {
  const browser = new FormBrowser(target)
  const authorization = await authorizationUrl(rp)
  const start = await browser.request(pathOf(authorization.url))
  const back = await signInOnHostedPages(browser, start, {
    kind: 'password',
    login: fixture.person.email,
    password: fixture.person.password,
  })
  const params = oauth.validateAuthResponse(rp.as, rp.client, new URL(back), authorization.state)
  return { params, authorization }
}

describe('a confidential client at the token endpoint', () => {
  it('is refused without its secret or with a wrong one, and the code survives', async () => {
    const { params, authorization } = await callback()
    const none = await codeGrant(rp, target, params, authorization.verifier)
    expect(none.status).toBe(401)
    const wrong = await codeGrant(
      { ...rp, auth: oauth.ClientSecretPost('not-the-secret') },
      target,
      params,
      authorization.verifier,
    )
    expect(wrong.status).toBe(401)
    const right = await codeGrant(
      { ...rp, auth: oauth.ClientSecretBasic(secret) },
      target,
      params,
      authorization.verifier,
    )
    expect(right.status).toBe(200)
  })

  it('redeems with client_secret_post too', async () => {
    const { params, authorization } = await callback()
    const client = { ...rp, auth: oauth.ClientSecretPost(secret) }
    const tokens = await oauth.processAuthorizationCodeResponse(
      rp.as,
      rp.client,
      await codeGrant(client, target, params, authorization.verifier),
      { expectedNonce: authorization.nonce },
    )
    expect(tokens.id_token).toBeTruthy()
  })
})
