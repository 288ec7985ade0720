import { exportJWK, generateKeyPair, type JWK } from 'jose'

/**
 * A fresh ES256 private JWK in the shape SIGNING_KEYS expects (`kid`, `alg`, `use` set).
 * Web-standard (WebCrypto through jose), so any runtime and the tests can call it.
 */
export async function generateSigningKey(kidPrefix: string, now = new Date()): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  const jwk = await exportJWK(privateKey)
  const kid = `${kidPrefix}-${now.toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`
  return { ...jwk, kid, alg: 'ES256', use: 'sig' }
}

/** SIGNING_KEYS with one fresh key: the JSON text to store as the secret. */
export async function generateSigningKeysJson(kidPrefix: string): Promise<string> {
  return JSON.stringify([await generateSigningKey(kidPrefix)])
}
