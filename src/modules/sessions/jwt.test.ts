import { describe, expect, it } from 'vitest'
import { exportJWK, generateKeyPair } from 'jose'
import { signAccessToken, verifyAccessToken } from './jwt.ts'
import { createKeyLoader, type KeySet } from './keys.ts'

const issuer = 'https://id.example'
const silent = { warn: () => {} }

async function keySet(kid: string): Promise<KeySet> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' }
  return createKeyLoader(JSON.stringify([jwk]), silent)()
}

async function token(keys: KeySet, now: Date, lifetimeMs = 60_000) {
  return signAccessToken(keys, {
    issuer,
    clientId: 'web-app',
    userId: 'usr_1',
    sessionId: 'ses_1',
    appType: 'customer-web',
    roleIds: ['role_customer'],
    userKind: 'customer',
    now,
    expiresAt: new Date(now.getTime() + lifetimeMs),
  })
}

// verifyAccessToken keeps the tokens it verified; these pin that a kept token is refused
// whenever a full verification would refuse it.
describe('verifyAccessToken, a token verified before', () => {
  it('is refused once it expires, to the second', async () => {
    const keys = await keySet('k-expiry')
    const issued = new Date('2026-01-01T00:00:00Z')
    const jwt = await token(keys, issued)
    await expect(verifyAccessToken(keys, jwt, { issuer, now: issued })).resolves.toMatchObject({
      sub: 'usr_1',
      sid: 'ses_1',
    })
    const lastSecond = new Date(issued.getTime() + 59_999)
    await expect(verifyAccessToken(keys, jwt, { issuer, now: lastSecond })).resolves.toBeTruthy()
    const expiry = new Date(issued.getTime() + 60_000)
    await expect(verifyAccessToken(keys, jwt, { issuer, now: expiry })).rejects.toThrow(
      'ERR_JWT_EXPIRED',
    )
  })

  it('is verified afresh, and refused, by a key set without its key', async () => {
    const old = await keySet('k-old')
    const now = new Date()
    const jwt = await token(old, now)
    await expect(verifyAccessToken(old, jwt, { issuer, now })).resolves.toBeTruthy()
    const rotated = await keySet('k-new')
    await expect(verifyAccessToken(rotated, jwt, { issuer, now })).rejects.toThrow(
      'unknown kid or alg',
    )
  })

  it('does not vouch for another issuer or audience', async () => {
    const keys = await keySet('k-aud')
    const now = new Date()
    const jwt = await token(keys, now)
    await expect(
      verifyAccessToken(keys, jwt, { issuer, audience: 'web-app', now }),
    ).resolves.toBeTruthy()
    await expect(
      verifyAccessToken(keys, jwt, { issuer, audience: 'other-app', now }),
    ).rejects.toThrow()
    await expect(
      verifyAccessToken(keys, jwt, { issuer: 'https://evil.example', now }),
    ).rejects.toThrow()
  })

  it('does not vouch for a token that differs from it, however little', async () => {
    const keys = await keySet('k-tamper')
    const now = new Date()
    const jwt = await token(keys, now)
    await expect(verifyAccessToken(keys, jwt, { issuer, now })).resolves.toBeTruthy()
    const [header, , signature] = jwt.split('.')
    const payload = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()),
        sub: 'usr_2',
      }),
    ).toString('base64url')
    await expect(
      verifyAccessToken(keys, `${header}.${payload}.${signature}`, { issuer, now }),
    ).rejects.toThrow()
    const flipped = jwt.slice(0, -2) + (jwt.at(-2) === 'A' ? 'B' : 'A') + jwt.at(-1)
    await expect(verifyAccessToken(keys, flipped, { issuer, now })).rejects.toThrow()
  })
})
