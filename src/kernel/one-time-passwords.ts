/**
 * RFC 4226 HOTP and RFC 6238 TOTP (HMAC-SHA1, as every authenticator app computes them), and
 * RFC 4648 base32, the form those apps take a secret in. For plugins through `cryptoUtils`.
 */
import { randomBytes, timingSafeEqual } from './crypto.ts'

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** Base32 without padding, as `otpauth://` URIs carry a secret. */
export function base32Encode(bytes: Uint8Array): string {
  let [out, bits, value] = ['', 0, 0]
  for (const byte of bytes) {
    value = (value << 8) | byte
    for (bits += 8; bits >= 5; bits -= 5) out += alphabet[(value >>> (bits - 5)) & 31]
  }
  return bits > 0 ? out + alphabet[(value << (5 - bits)) & 31] : out
}

/** Base32 back to bytes, ignoring case, spaces and padding; null on any other character. */
export function base32Decode(text: string): Uint8Array<ArrayBuffer> | null {
  const out: number[] = []
  let [bits, value] = [0, 0]
  for (const char of text.toUpperCase().replace(/[\s=]/g, '')) {
    const index = alphabet.indexOf(char)
    if (index < 0) return null
    value = ((value << 5) | index) & 0xffff
    bits += 5
    if (bits >= 8) out.push((value >>> (bits -= 8)) & 0xff)
  }
  return new Uint8Array(out)
}

/**
 * The `otpauth://totp/…` URI an authenticator app scans (as a QR code) to add `secret` for
 * `account` under `issuer`: SHA-1, 6 digits, 30 s, what `matchTotp` checks by default.
 */
export function otpauthUri(issuer: string, account: string, secret: Uint8Array): string {
  const [name, label] = [encodeURIComponent(issuer), encodeURIComponent(account)]
  // encodeURIComponent, not URLSearchParams: apps show a `+` literally where a space was meant.
  const query = `secret=${base32Encode(secret)}&issuer=${name}&algorithm=SHA1&digits=6&period=30`
  return `otpauth://totp/${name}:${label}?${query}`
}

/** The RFC 6238 time step of `at` (30-second periods since the epoch). */
export const totpStep = (at: Date, periodSeconds = 30): number =>
  Math.floor(at.getTime() / (periodSeconds * 1000))

/** The HOTP value of `counter` under `secret`, zero-padded to `digits`. */
export async function hotp(secret: Uint8Array<ArrayBuffer>, counter: number, digits = 6) {
  const message = new DataView(new ArrayBuffer(8))
  message.setUint32(0, Math.floor(counter / 2 ** 32))
  message.setUint32(4, counter >>> 0)
  const hmac = { name: 'HMAC', hash: 'SHA-1' }
  const key = await crypto.subtle.importKey('raw', secret, hmac, false, ['sign'])
  const mac = new DataView(await crypto.subtle.sign('HMAC', key, message.buffer))
  const binary = mac.getUint32(mac.getUint8(19) & 15) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/**
 * The step within ±`window` of `at`'s whose `digits`-long code is `code`, or null (clocks
 * drift, people type slowly). Without a secret a throwaway one is tried: the same work, so the time an answer
 * takes does not tell whether a person has an authenticator.
 */
export async function matchTotp(
  secret: Uint8Array<ArrayBuffer> | null,
  code: string,
  at: Date,
  { window = 1, digits = 6 }: { window?: number; digits?: number } = {},
): Promise<number | null> {
  const now = totpStep(at)
  const steps = Array.from({ length: 2 * window + 1 }, (_, i) => now - window + i)
  const key = secret ?? randomBytes(20)
  const codes = await Promise.all(steps.map((step) => hotp(key, step, digits)))
  const hit = codes.map((candidate) => timingSafeEqual(candidate, code)).indexOf(true)
  return secret ? (steps[hit] ?? null) : null
}
