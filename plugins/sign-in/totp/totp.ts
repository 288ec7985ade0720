/** RFC 4226 HOTP and RFC 6238 TOTP (HMAC-SHA1, 30 s steps), and base32 (RFC 4648) for the app. */
import { cryptoUtils } from 'propusk/plugin'

export const timeStep = (at: Date) => Math.floor(at.getTime() / 30_000)

export function base32Encode(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let [out, bits, value] = ['', 0, 0]
  for (const byte of bytes) {
    value = (value << 8) | byte
    for (bits += 8; bits >= 5; bits -= 5) out += alphabet[(value >>> (bits - 5)) & 31]
  }
  return bits > 0 ? out + alphabet[(value << (5 - bits)) & 31] : out
}

/** The HOTP value of `counter`, zero-padded to `digits`. */
export async function hotp(secret: Uint8Array<ArrayBuffer>, counter: number, digits = 6) {
  const message = new DataView(new ArrayBuffer(8))
  message.setUint32(0, Math.floor(counter / 2 ** 32))
  message.setUint32(4, counter >>> 0)
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-1' }, false, [
    'sign',
  ])
  const mac = new DataView(await crypto.subtle.sign('HMAC', key, message.buffer))
  const binary = mac.getUint32(mac.getUint8(19) & 15) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/**
 * The step within ±1 of `step` whose code is `code`, or null. Without a secret a throwaway one
 * is tried: the same work, so timing does not tell who has an authenticator.
 */
export async function matchStep(
  secret: Uint8Array<ArrayBuffer> | null,
  code: string,
  step: number,
) {
  const steps = [step - 1, step, step + 1]
  const codes = await Promise.all(steps.map((s) => hotp(secret ?? cryptoUtils.randomBytes(20), s)))
  const hit = codes.map((candidate) => cryptoUtils.timingSafeEqual(candidate, code)).indexOf(true)
  return secret ? (steps[hit] ?? null) : null
}
