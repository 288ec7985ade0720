/**
 * The secrets of the code engine, all derived from one server secret (OTP_SECRET, else
 * SIGNING_KEYS): the HMAC key that hashes codes and logins, and the AES-GCM key that seals
 * challenge ids. A sealed id carries the login, so verifying needs no lookup by id and an
 * unknown login gets an id of exactly the same form as a known one.
 */
import { base64UrlDecode, base64UrlEncode, randomBytes, toHex } from '../../kernel/crypto.ts'
import type { Settings } from '../../kernel/config.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export interface OtpKeys {
  /** Hex HMAC-SHA256 of a code bound to its challenge, method and app. */
  codeHash(input: { nonce: string; method: string; appId: string; code: string }): Promise<string>
  /** Stable pseudonym of a login for state-store keys (no phone or e-mail in Redis). */
  loginKey(login: string): Promise<string>
  sealChallengeId(content: ChallengeIdContent): Promise<string>
  /** Null for anything not sealed by this install (or tampered with). */
  openChallengeId(id: string): Promise<ChallengeIdContent | null>
}

export interface ChallengeIdContent {
  method: string
  login: string
  /** Random per challenge: ties the code hash to this challenge only. */
  nonce: string
}

export const challengeIdPattern = /^otp_[A-Za-z0-9_-]{40,600}$/

async function hmacKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
}

async function sign(key: CryptoKey, text: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(text)))
}

/** Without any configured secret (local runs) each process uses a random one. */
let processSecret: string | undefined

export function otpBaseSecret(config: Pick<Settings, 'OTP_SECRET' | 'SIGNING_KEYS'>): {
  secret: string
  source: 'OTP_SECRET' | 'SIGNING_KEYS' | 'random'
} {
  if (config.OTP_SECRET) return { secret: config.OTP_SECRET, source: 'OTP_SECRET' }
  if (config.SIGNING_KEYS)
    return { secret: `signing-keys:${config.SIGNING_KEYS}`, source: 'SIGNING_KEYS' }
  processSecret ??= base64UrlEncode(randomBytes(32))
  return { secret: processSecret, source: 'random' }
}

export async function createOtpKeys(baseSecret: string): Promise<OtpKeys> {
  const root = await hmacKey(encoder.encode(baseSecret))
  // Separate keys per purpose, so a value made for one can never be replayed as another.
  const codeKey = await hmacKey(await sign(root, 'propusk/otp/code-hash/v1'))
  const loginKeyKey = await hmacKey(await sign(root, 'propusk/otp/login-key/v1'))
  const sealKey = await crypto.subtle.importKey(
    'raw',
    await sign(root, 'propusk/otp/challenge-id/v1'),
    { name: 'AES-GCM' },
    false,
    ['encrypt', 'decrypt'],
  )
  return {
    async codeHash({ nonce, method, appId, code }) {
      return toHex(await sign(codeKey, `${nonce}\n${method}\n${appId}\n${code}`))
    },
    async loginKey(login) {
      return toHex(await sign(loginKeyKey, login)).slice(0, 40)
    },
    async sealChallengeId(content) {
      const iv = randomBytes(12)
      const plain = encoder.encode(`1\n${content.method}\n${content.nonce}\n${content.login}`)
      const sealed = new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, sealKey, plain),
      )
      const out = new Uint8Array(iv.length + sealed.length)
      out.set(iv)
      out.set(sealed, iv.length)
      return `otp_${base64UrlEncode(out)}`
    },
    async openChallengeId(id) {
      if (!challengeIdPattern.test(id)) return null
      try {
        const bytes = base64UrlDecode(id.slice(4))
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: bytes.slice(0, 12) },
          sealKey,
          bytes.slice(12),
        )
        const [version, method, nonce, ...rest] = decoder.decode(plain).split('\n')
        if (version !== '1' || !method || !nonce || rest.length === 0) return null
        return { method, nonce, login: rest.join('\n') }
      } catch {
        return null
      }
    },
  }
}
