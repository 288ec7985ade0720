/**
 * Secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from a server secret, one key
 * per `purpose`, so a value sealed for one use never opens for another. The caller names what a
 * sealed value belongs to (`associated`, e.g. a user id): copied into another row, it does not
 * open. Stored as `v1.<iv>.<ciphertext>` (base64url), so a later format can sit beside it.
 */
import { base64UrlDecode, base64UrlEncode, randomBytes } from './crypto.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)
const bytes = (text: string) => new Uint8Array(base64UrlDecode(text))

export interface SecretBox {
  seal(data: Uint8Array<ArrayBuffer>, associated: string): Promise<string>
  /** Null when sealed for something else, tampered with, or under another server secret. */
  open(sealed: string, associated: string): Promise<Uint8Array<ArrayBuffer> | null>
}

/** Seals and opens small secrets under `serverSecret`, for one `purpose` (the HKDF info). */
export function secretBox(serverSecret: string, purpose: string): SecretBox {
  let derived: Promise<CryptoKey> | undefined
  const key = () =>
    (derived ??= (async () => {
      const root = await crypto.subtle.importKey('raw', utf8(serverSecret), 'HKDF', false, [
        'deriveKey',
      ])
      const hkdf = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(purpose) }
      const aes = { name: 'AES-GCM', length: 256 }
      return crypto.subtle.deriveKey(hkdf, root, aes, false, ['encrypt', 'decrypt'])
    })())
  const gcm = (iv: Uint8Array<ArrayBuffer>, associated: string) =>
    ({ name: 'AES-GCM', iv, additionalData: utf8(associated) }) as const
  return {
    async seal(data, associated) {
      const iv = randomBytes(12)
      const sealed = await crypto.subtle.encrypt(gcm(iv, associated), await key(), data)
      return `v1.${base64UrlEncode(iv)}.${base64UrlEncode(new Uint8Array(sealed))}`
    },
    async open(sealed, associated) {
      const [version, iv, data, extra] = sealed.split('.')
      if (version !== 'v1' || !iv || !data || extra !== undefined) return null
      try {
        const opened = await crypto.subtle.decrypt(
          gcm(bytes(iv), associated),
          await key(),
          bytes(data),
        )
        return new Uint8Array(opened)
      } catch {
        return null
      }
    },
  }
}
