/**
 * TOTP secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the server secret of
 * the one-time codes (OTP_SECRET, else SIGNING_KEYS). The user id is the associated data, so a
 * sealed secret copied into another person's row does not open.
 */
import { cryptoUtils } from 'propusk/plugin'

const encoder = new TextEncoder()
const bytes = (text: string) => new Uint8Array(cryptoUtils.base64UrlDecode(text))

export type SecretVault = Awaited<ReturnType<typeof createSecretVault>>

export async function createSecretVault(serverSecret: string) {
  const base = await crypto.subtle.importKey('raw', encoder.encode(serverSecret), 'HKDF', false, [
    'deriveKey',
  ])
  const info = encoder.encode('propusk/totp/secret-at-rest/v1')
  const key = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
  const params = (iv: Uint8Array<ArrayBuffer>, userId: string) => ({
    name: 'AES-GCM',
    iv,
    additionalData: encoder.encode(userId),
  })
  return {
    async seal(userId: string, secret: Uint8Array<ArrayBuffer>): Promise<string> {
      const iv = cryptoUtils.randomBytes(12)
      const sealed = await crypto.subtle.encrypt(params(iv, userId), key, secret)
      return `v1.${cryptoUtils.base64UrlEncode(iv)}.${cryptoUtils.base64UrlEncode(new Uint8Array(sealed))}`
    },
    /** Null when sealed for someone else, tampered with, or under another server secret. */
    async open(userId: string, sealed: string): Promise<Uint8Array<ArrayBuffer> | null> {
      const [version, iv, data] = sealed.split('.')
      if (version !== 'v1' || !iv || !data) return null
      return crypto.subtle.decrypt(params(bytes(iv), userId), key, bytes(data)).then(
        (plain) => new Uint8Array(plain),
        () => null,
      )
    },
  }
}
