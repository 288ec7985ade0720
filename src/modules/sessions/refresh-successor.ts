import { base64UrlEncode, randomToken } from '../../kernel/crypto.ts'

/**
 * The refresh token that replaces a presented one: HMAC-SHA256 of the old token under a key
 * derived from SIGNING_KEYS, URL-safe like a random token (43 characters, 256 bits).
 *
 * Why derived rather than random: a client whose refresh answer was lost retries with the old
 * token, and inside the grace window it must get the SAME successor back. Deriving it means the
 * server can hand it out again without keeping it anywhere: the database still holds only
 * SHA-256 hashes of refresh tokens, so a copy of it reveals no usable token, and no column or
 * migration is needed. Recomputing a successor takes the old token AND the key; the key comes from
 * SIGNING_KEYS because whoever holds that can already mint access tokens, so it adds no new
 * secret to guard. The chain stays unpredictable: the first token of a family is random.
 *
 * When SIGNING_KEYS changes (key rotation) successors derive differently: a retry of a refresh
 * made before the change then finds no matching successor and is handled as reuse. That costs at
 * most one sign-in for a client that lost an answer during the few seconds around a deploy.
 */

// Without SIGNING_KEYS (tests, a bare createPropusk) access tokens use a per-process key too.
let processSecret: string | undefined

const keys = new Map<string, Promise<CryptoKey>>()

function successorKey(signingKeys: string | undefined): Promise<CryptoKey> {
  const secret = signingKeys ? `signing-keys:${signingKeys}` : (processSecret ??= randomToken())
  let key = keys.get(secret)
  if (!key) {
    key = (async () => {
      const encoder = new TextEncoder()
      const root = await crypto.subtle.importKey(
        'raw',
        encoder.encode(secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      )
      // A key for this purpose only, so its output never equals another derived secret's.
      const derived = await crypto.subtle.sign(
        'HMAC',
        root,
        encoder.encode('propusk/refresh/successor/v1'),
      )
      return crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ])
    })()
    keys.set(secret, key)
  }
  return key
}

export async function successorOf(
  refreshToken: string,
  signingKeys: string | undefined,
): Promise<string> {
  const key = await successorKey(signingKeys)
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(refreshToken))
  return base64UrlEncode(new Uint8Array(mac))
}
