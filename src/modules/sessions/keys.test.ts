import { afterEach, describe, expect, it } from 'vitest'
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { ConfigError, loadSettings } from '../../kernel/config.ts'
import { createPropusk } from '../../app.ts'
import { base64UrlEncode } from '../../kernel/crypto.ts'
import { verifyAccessToken } from './jwt.ts'
import { keysFor } from './keys.ts'
import { insertUser, signIn, startPropusk, withToken } from '../../../testing/fixtures/tokens.ts'
import { plugins } from '../../plugins.ts'

const opened: TestPropusk[] = []
afterEach(async () => {
  for (const propusk of opened.splice(0)) await propusk.close()
})

async function privateKey(alg: 'ES256' | 'EdDSA', kid: string) {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}),
  })
  return { ...(await exportJWK(privateKey)), kid, alg }
}

async function start(signingKeys?: unknown[]) {
  const propusk = await startPropusk(
    signingKeys ? { env: { SIGNING_KEYS: JSON.stringify(signingKeys) } } : {},
  )
  opened.push(propusk)
  return propusk
}

/** A second app instance on the same database and state: a deploy with other SIGNING_KEYS. */
async function redeploy(propusk: TestPropusk, signingKeys: unknown[]) {
  const env = { TURSO_DATABASE_URL: propusk.dbUrl, SIGNING_KEYS: JSON.stringify(signingKeys) }
  return createPropusk({
    settings: loadSettings(env),
    env,
    sql: propusk.services.sql,
    state: propusk.services.state,
    plugins,
    log: propusk.services.log,
  })
}

describe('signing keys', () => {
  it('rotation: the new key signs, the retired one stays published and its tokens verify', async () => {
    const oldKey = await privateKey('ES256', 'k-2026-01')
    const newKey = await privateKey('EdDSA', 'k-2026-03')
    const before = await start([oldKey])
    const user = await insertUser(before, { roles: ['role_customer'] })
    const oldToken = (await signIn(before, user, 'web-app')).accessToken
    expect(decodeProtectedHeader(oldToken).kid).toBe('k-2026-01')

    const rotated = await redeploy(before, [newKey, oldKey])
    const jwks = await (await rotated.app.request('/.well-known/jwks.json')).json()
    expect(jwks.keys.map((k: { kid: string }) => k.kid)).toEqual(['k-2026-03', 'k-2026-01'])
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' })
    expect(JSON.stringify(jwks)).not.toContain('"d"')
    expect(
      (await rotated.app.request('/v1/me', { headers: { Authorization: `Bearer ${oldToken}` } }))
        .status,
    ).toBe(200)
    const app = await rotated.services.identity.apps.get('web-app')
    const fresh = await rotated.services.identity.sessions.signIn({
      user,
      app: app!,
      method: 'password',
      ip: null,
      userAgent: null,
    })
    expect(decodeProtectedHeader(fresh.accessToken)).toMatchObject({
      kid: 'k-2026-03',
      alg: 'EdDSA',
    })
    expect(
      (
        await rotated.app.request('/v1/me', {
          headers: { Authorization: `Bearer ${fresh.accessToken}` },
        })
      ).status,
    ).toBe(200)

    // Once the retired key is removed, its tokens stop verifying.
    const retired = await redeploy(before, [newKey])
    expect(
      (await retired.app.request('/v1/me', { headers: { Authorization: `Bearer ${oldToken}` } }))
        .status,
    ).toBe(401)
  })

  it('pins algorithms: HS256 (keyed with the public key), alg "none" and foreign keys are refused', async () => {
    const key = await privateKey('ES256', 'k1')
    const propusk = await start([key])
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const genuine = (await signIn(propusk, user, 'web-app')).accessToken
    expect((await withToken(propusk, '/v1/me', genuine)).status).toBe(200)
    const claims = decodeJwt(genuine)

    const hmacSecret = new TextEncoder().encode(
      JSON.stringify({ kty: key.kty, crv: key.crv, x: key.x, y: key.y }),
    )
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'k1', typ: 'at+jwt' })
      .sign(hmacSecret)
    const encode = (value: unknown) =>
      base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)))
    const none = `${encode({ alg: 'none', kid: 'k1', typ: 'at+jwt' })}.${encode(claims)}.`
    // Same kid, someone else's key.
    const { privateKey: strangerKey } = await generateKeyPair('ES256')
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .sign(strangerKey)
    const tampered = genuine.replace(
      /\.([^.]+)\./,
      (_, payload: string) =>
        `.${encode({ ...decodeJwt(genuine), roles: ['role_administrator'] })}.`,
    )
    expect(payload(tampered)).not.toBe(payload(genuine))

    for (const token of [hs256, none, forged, tampered]) {
      expect((await withToken(propusk, '/v1/me', token)).status).toBe(401)
      await expect(
        verifyAccessToken(await keysFor(propusk.services), token, {
          issuer: 'http://localhost:8787',
          now: new Date(),
        }),
      ).rejects.toThrow()
    }
  })

  it('checks issuer and audience', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'] })
    const token = (await signIn(propusk, user, 'web-app')).accessToken
    const keys = await keysFor(propusk.services)
    const now = new Date()
    await expect(
      verifyAccessToken(keys, token, { issuer: 'http://localhost:8787', audience: 'web-app', now }),
    ).resolves.toBeTruthy()
    await expect(
      verifyAccessToken(keys, token, {
        issuer: 'http://localhost:8787',
        audience: 'customer-app',
        now,
      }),
    ).rejects.toThrow()
    await expect(
      verifyAccessToken(keys, token, { issuer: 'https://evil.example', now }),
    ).rejects.toThrow()
  })

  it('refuses malformed SIGNING_KEYS at startup', async () => {
    const publicOnly = await privateKey('ES256', 'k1')
    delete (publicOnly as { d?: string }).d
    const es = await privateKey('ES256', 'k1')
    for (const value of [
      'not json',
      '[]',
      JSON.stringify([publicOnly]),
      JSON.stringify([es, es]),
      JSON.stringify([{ ...es, alg: 'HS256' }]),
    ]) {
      await expect(startPropusk({ env: { SIGNING_KEYS: value } })).rejects.toBeInstanceOf(
        ConfigError,
      )
    }
  })

  it('without SIGNING_KEYS signs with an ephemeral key and warns', async () => {
    const propusk = await start()
    const jwks = await (await propusk.app.request('/.well-known/jwks.json')).json()
    expect(jwks.keys[0].kid).toMatch(/^ephemeral-/)
    const warnings = propusk.logs.filter((line) => line.includes('SIGNING_KEYS is not set'))
    expect(warnings).toHaveLength(1)
    await propusk.app.request('/.well-known/jwks.json')
    expect(propusk.logs.filter((line) => line.includes('SIGNING_KEYS is not set'))).toHaveLength(1)
  })
})

function payload(token: string) {
  return token.split('.')[1]
}
