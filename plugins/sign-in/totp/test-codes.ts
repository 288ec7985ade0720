/** Test helpers: what an authenticator app does with the secret it was given. */
import { hotp, timeStep } from './totp.ts'

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function base32Decode(text: string): Uint8Array<ArrayBuffer> {
  const out: number[] = []
  let bits = 0
  let value = 0
  for (const char of text.replace(/=+$/, '')) {
    const index = alphabet.indexOf(char)
    if (index < 0) throw new Error(`not base32: ${char}`)
    value = ((value << 5) | index) & 0xffff
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255)
      bits -= 8
    }
  }
  return new Uint8Array(out)
}

/** The code the app shows for `secret` (base32) at `at`, `offset` steps away. */
export const codeAt = (secret: string, at: Date, offset = 0) =>
  hotp(base32Decode(secret), timeStep(at, 30) + offset)
