/**
 * `npm run keys:generate`: prints SIGNING_KEYS with one fresh ES256 private key, ready for
 * `npx wrangler secret put SIGNING_KEYS` (or an env file). Nothing is written to disk.
 *
 * Rotation: put the new key FIRST in the array and keep the previous keys after it. The first
 * key signs new tokens; the others stay published in the JWKS until their tokens have expired.
 */
import { generateSigningKeysJson } from '../server/signing-keys.ts'

const kidPrefix = process.argv[2] ?? 'propusk'
if (!/^[A-Za-z0-9._-]{1,40}$/.test(kidPrefix)) {
  console.error('Usage: npm run keys:generate [-- <kid prefix: letters, digits, . _ ->]')
  process.exit(1)
}
process.stdout.write(`${await generateSigningKeysJson(kidPrefix)}\n`)
