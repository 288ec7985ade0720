/** RFC 4226 HOTP / RFC 6238 TOTP (HMAC-SHA1), base32 (RFC 4648) and the otpauth:// URI. */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return bits > 0 ? out + alphabet[(value << (5 - bits)) & 31] : out
}

/** The HOTP value of `counter`, zero-padded to `digits`. */
export async function hotp(
  secret: Uint8Array<ArrayBuffer>,
  counter: number,
  digits = 6,
): Promise<string> {
  const message = new DataView(new ArrayBuffer(8))
  message.setUint32(0, Math.floor(counter / 2 ** 32))
  message.setUint32(4, counter >>> 0)
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-1' }, false, [
    'sign',
  ])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message.buffer))
  const offset = (mac[19] ?? 0) & 15
  const binary = new DataView(mac.buffer).getUint32(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/** The TOTP time step of an instant. */
export const timeStep = (at: Date, periodSeconds: number) =>
  Math.floor(at.getTime() / 1000 / periodSeconds)

/**
 * The step within ±`window` of `step` whose code is `code`, or null. Every candidate is
 * computed and compared, so the time taken does not say which step matched.
 */
export async function matchStep(
  secret: Uint8Array<ArrayBuffer>,
  code: string,
  step: number,
  window: number,
): Promise<number | null> {
  let found: number | null = null
  for (let s = step - window; s <= step + window; s++) {
    const candidate = await hotp(secret, s, code.length)
    let difference = candidate.length ^ code.length
    for (let i = 0; i < code.length; i++) {
      difference |= candidate.charCodeAt(i) ^ code.charCodeAt(i)
    }
    if (difference === 0 && found === null) found = s
  }
  return found
}

/** The key URI authenticator apps read from a QR code (Google Authenticator's format). */
export function otpauthUri(issuer: string, account: string, secret: string, period: number) {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  // encodeURIComponent, not URLSearchParams: apps show a `+` literally where a space was meant.
  const params = `secret=${secret}&issuer=${encodeURIComponent(issuer)}`
  return `otpauth://totp/${label}?${params}&algorithm=SHA1&digits=6&period=${period}`
}
