/**
 * Secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from the one-time codes' server
 * secret (OTP_SECRET, else SIGNING_KEYS). The user id is the associated data, so a sealed secret
 * copied into another person's row does not open. Stored as `v1.<iv>.<ciphertext>` (base64url).
 */
import { cryptoUtils, otp } from 'propusk/plugin'

const { base64UrlDecode, base64UrlEncode } = cryptoUtils
const utf8 = (text: string) => new TextEncoder().encode(text)
const bytes = (text: string) => new Uint8Array(base64UrlDecode(text))

export function secretVault(config: Parameters<typeof otp.otpBaseSecret>[0]) {
  let derived: Promise<CryptoKey> | undefined
  const key = async () => {
    const base = utf8(otp.otpBaseSecret(config).secret)
    const root = await crypto.subtle.importKey('raw', base, 'HKDF', false, ['deriveKey'])
    const info = utf8('propusk/totp/secret-at-rest/v1')
    const hkdf = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info }
    return crypto.subtle.deriveKey(hkdf, root, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ])
  }
  const gcm = (iv: Uint8Array<ArrayBuffer>, userId: string) =>
    ({ name: 'AES-GCM', iv, additionalData: utf8(userId) }) as const
  return {
    async seal(userId: string, secret: Uint8Array<ArrayBuffer>): Promise<string> {
      const iv = cryptoUtils.randomBytes(12)
      const sealed = await crypto.subtle.encrypt(gcm(iv, userId), await (derived ??= key()), secret)
      return `v1.${base64UrlEncode(iv)}.${base64UrlEncode(new Uint8Array(sealed))}`
    },
    /** Null when sealed for someone else, tampered with, or under another server secret. */
    async open(userId: string, sealed: string): Promise<Uint8Array<ArrayBuffer> | null> {
      const [version, iv, data] = sealed.split('.')
      if (version !== 'v1' || !iv || !data) return null
      const plain = crypto.subtle.decrypt(
        gcm(bytes(iv), userId),
        await (derived ??= key()),
        bytes(data),
      )
      return plain.then((opened) => new Uint8Array(opened)).catch(() => null)
    },
  }
}
