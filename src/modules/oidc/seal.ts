/**
 * Seals a code's tokens with a key derived from the code itself (AES-256-GCM): the state store
 * holds them for up to 60 s, and whoever can read it (a Redis snapshot, a shared Upstash
 * database) finds neither the code, which is stored as its hash, nor usable tokens.
 */
import { base64UrlDecode, base64UrlEncode, randomBytes, sha256 } from '../../kernel/crypto.ts'

async function keyOf(code: string): Promise<CryptoKey> {
  const raw = await sha256(`propusk-code-seal:${code}`)
  return crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ])
}

export async function seal(code: string, text: string): Promise<string> {
  const iv = randomBytes(12)
  const data = new TextEncoder().encode(text)
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyOf(code), data)
  const out = new Uint8Array(12 + sealed.byteLength)
  out.set(iv)
  out.set(new Uint8Array(sealed), 12)
  return base64UrlEncode(out)
}

/** The sealed text, or null when it was not sealed with this code (or was tampered with). */
export async function unseal(code: string, sealed: string): Promise<string | null> {
  try {
    const bytes = base64UrlDecode(sealed)
    const iv = bytes.slice(0, 12)
    const data = bytes.slice(12)
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await keyOf(code), data)
    return new TextDecoder().decode(plain)
  } catch {
    return null
  }
}
