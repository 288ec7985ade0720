import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { generateSigningKeysJson } from './signing-keys.ts'

/**
 * Local installs need no secrets: on first start an ES256 signing key is generated and kept in
 * the data folder (mode 0600), so tokens survive restarts. Production passes SIGNING_KEYS.
 */
export async function ensureDevSigningKeys(dataDir: string): Promise<string> {
  const file = join(dataDir, 'signing-keys.json')
  if (existsSync(file)) return readFileSync(file, 'utf8')
  mkdirSync(dataDir, { recursive: true })
  const keys = await generateSigningKeysJson('dev')
  writeFileSync(file, keys, { mode: 0o600 })
  return keys
}
