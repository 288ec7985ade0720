import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { exportJWK, generateKeyPair } from 'jose'

/**
 * Local installs need no secrets: on first start an ES256 signing key is generated and kept in
 * the data folder (mode 0600), so tokens survive restarts. Production passes SIGNING_KEYS.
 */
export async function ensureDevSigningKeys(dataDir: string): Promise<string> {
  const file = join(dataDir, 'signing-keys.json')
  if (existsSync(file)) return readFileSync(file, 'utf8')
  mkdirSync(dataDir, { recursive: true })
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  const jwk = await exportJWK(privateKey)
  const kid = `dev-${new Date().toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`
  const keys = JSON.stringify([{ ...jwk, kid, alg: 'ES256', use: 'sig' }])
  writeFileSync(file, keys, { mode: 0o600 })
  return keys
}
