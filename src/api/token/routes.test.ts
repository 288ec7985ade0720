import { afterEach, describe, expect, it } from 'vitest'
import { serve } from '@hono/node-server'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import {
  apiSecret,
  auditRows,
  insertUser,
  refresh,
  signIn,
  startPropusk,
  withToken,
} from '../../../testing/fixtures/tokens.ts'

let running: TestPropusk | undefined
let server: ReturnType<typeof serve> | undefined
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
  await running?.close()
  running = undefined
})

async function start(env: Record<string, string> = {}) {
  running = await startPropusk({ env })
  return running
}

function listen(propusk: TestPropusk): Promise<string> {
  return new Promise((resolve) => {
    server = serve(
      { fetch: propusk.app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: { port: number }) => resolve(`http://127.0.0.1:${info.port}`),
    )
  })
}

describe('JWKS and discovery', () => {
  it('tokens verify with jose.createRemoteJWKSet against the JWKS served over HTTP', async () => {
    const propusk = await start()
    const base = await listen(propusk)
    const user = await insertUser(propusk, { roles: ['role_field_employee'] })
    const tokens = await signIn(propusk, user, 'engineer-app')

    const discovery = await (await fetch(`${base}/.well-known/openid-configuration`)).json()
    expect(discovery).toMatchObject({
      issuer: 'http://localhost:8787',
      jwks_uri: 'http://localhost:8787/.well-known/jwks.json',
      token_endpoint: 'http://localhost:8787/v1/token',
      revocation_endpoint: 'http://localhost:8787/v1/token/revoke',
      authorization_endpoint: 'http://localhost:8787/authorize',
      end_session_endpoint: 'http://localhost:8787/end_session',
      grant_types_supported: ['authorization_code', 'refresh_token'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      access_token_signing_alg_values_supported: ['ES256'],
      id_token_signing_alg_values_supported: ['ES256'],
      authorization_response_iss_parameter_supported: true,
    })
    // Only methods an app can offer: not the first-administrator link.
    const methods = (discovery.sign_in_methods_supported as Array<{ id: string }>).map((m) => m.id)
    expect(methods).toEqual(
      expect.arrayContaining(['password', 'sms-otp', 'flash-call', 'email-otp']),
    )
    expect(methods).not.toContain('setup-link')
    expect(discovery.app_types_supported).toEqual(
      expect.arrayContaining([
        'web',
        'admin-console',
        'api-only',
        'customer-mobile',
        'engineer-mobile',
        'equipment-passport',
      ]),
    )

    const jwksResponse = await fetch(`${base}/.well-known/jwks.json`)
    expect(jwksResponse.headers.get('cache-control')).toBe('public, max-age=300')
    const jwks = await jwksResponse.json()
    expect(jwks.keys).toHaveLength(1)
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' })
    expect(jwks.keys[0].d).toBeUndefined()

    const remote = createRemoteJWKSet(new URL(`${base}/.well-known/jwks.json`))
    const { payload } = await jwtVerify(tokens.accessToken, remote, {
      issuer: discovery.issuer,
      audience: 'engineer-app',
      algorithms: ['ES256', 'EdDSA'],
    })
    expect(payload).toMatchObject({
      sub: user.id,
      app_type: 'engineer-mobile',
      roles: ['role_field_employee'],
    })
    // Every access token claim is listed; the rest are the ID token's and /userinfo's.
    const idTokenClaims = ['nonce', 'auth_time', 'amr', 'azp', 'at_hash']
    const userinfoClaims = ['name', 'updated_at', 'email', 'phone_number']
    expect([...discovery.claims_supported].sort()).toEqual(
      [...new Set([...Object.keys(payload), ...idTokenClaims, ...userinfoClaims])].sort(),
    )
  })
})

describe('POST /v1/token', () => {
  it('accepts OAuth form bodies as well as JSON', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const tokens = await signIn(propusk, user, 'customer-app')
    const response = await propusk.app.request('/v1/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
        client_id: 'customer-app',
      }).toString(),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(Object.keys(await response.json()).sort()).toEqual(
      ['access_token', 'expires_in', 'refresh_token', 'session_id', 'token_type'].sort(),
    )
  })

  it('answers unsupported_grant_type, validation_failed and invalid_client', async () => {
    const propusk = await start()
    const post = (body: Record<string, string>) =>
      propusk.app.request('/v1/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    const code = async (r: Response) => [r.status, (await r.json()).error.code]
    expect(await code(await post({ grant_type: 'password', client_id: 'web-app' }))).toEqual([
      400,
      'unsupported_grant_type',
    ])
    expect(await code(await post({ grant_type: 'refresh_token', client_id: 'web-app' }))).toEqual([
      400,
      'validation_failed',
    ])
    expect(await code(await post({ client_id: 'web-app' }))).toEqual([400, 'validation_failed'])
    expect(
      await code(
        await post({ grant_type: 'refresh_token', refresh_token: 'x', client_id: 'nope' }),
      ),
    ).toEqual([401, 'invalid_client'])
    expect(await code(await post({ grant_type: 'refresh_token', refresh_token: 'x' }))).toEqual([
      401,
      'invalid_client',
    ])
    expect(
      await code(
        await post({ grant_type: 'refresh_token', refresh_token: 'unknown', client_id: 'web-app' }),
      ),
    ).toEqual([400, 'invalid_grant'])
    const empty = await propusk.app.request('/v1/token', { method: 'POST' })
    expect(empty.status).toBe(400)
  })

  it('a confidential client must send its secret (body or HTTP Basic)', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_field_employee'] })
    const tokens = await signIn(propusk, user, 'api-client', 'password', apiSecret)
    const missing = await refresh(propusk, tokens.refreshToken, 'api-client')
    expect([missing.status, (await missing.json()).error.code]).toEqual([401, 'invalid_client'])
    const wrong = await refresh(propusk, tokens.refreshToken, 'api-client', {
      client_secret: 'wrong-secret',
    })
    expect([wrong.status, (await wrong.json()).error.code]).toEqual([401, 'invalid_client'])
    // The failed attempts did not use the token up.
    const right = await refresh(propusk, tokens.refreshToken, 'api-client', {
      client_secret: apiSecret,
    })
    expect(right.status).toBe(200)
    const next = (await right.json()).refresh_token
    const basic = await propusk.app.request('/v1/token', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${btoa(`api-client:${apiSecret}`)}`,
      },
      body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(next)}`,
    })
    expect(basic.status).toBe(200)
  })
})

describe('POST /v1/token/revoke', () => {
  it('ends the session of a refresh or access token; unknown tokens answer 200 too', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const a = await signIn(propusk, user, 'web-app')
    const b = await signIn(propusk, user, 'web-app')
    const revoke = (body: Record<string, string>) =>
      propusk.app.request('/v1/token/revoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body).toString(),
      })
    expect((await revoke({ token: 'no-such-token', client_id: 'web-app' })).status).toBe(200)
    // Another client cannot revoke it.
    expect((await revoke({ token: a.refreshToken, client_id: 'customer-app' })).status).toBe(200)
    expect((await withToken(propusk, '/v1/me', a.accessToken)).status).toBe(200)
    expect((await revoke({ token: a.refreshToken, client_id: 'web-app' })).status).toBe(200)
    expect((await withToken(propusk, '/v1/me', a.accessToken)).status).toBe(401)
    expect(
      (
        await revoke({
          token: b.accessToken,
          client_id: 'web-app',
          token_type_hint: 'access_token',
        })
      ).status,
    ).toBe(200)
    expect((await refresh(propusk, b.refreshToken, 'web-app')).status).toBe(400)
    expect(await auditRows(propusk, 'session.revoke')).toHaveLength(2)
  })
})
