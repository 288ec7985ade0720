/** Test helpers: what an authenticator app does with the secret it was given. */
import { cryptoUtils } from 'propusk/plugin'

export function base32Decode(text: string): Uint8Array<ArrayBuffer> {
  const bytes = cryptoUtils.base32Decode(text)
  if (!bytes) throw new Error(`not base32: ${text}`)
  return bytes
}

/** The code the app shows for `secret` (base32) at `at`, `offset` steps away. */
export const codeAt = (secret: string, at: Date, offset = 0) =>
  cryptoUtils.hotp(base32Decode(secret), cryptoUtils.totpStep(at) + offset)

/** A 6-digit code that no step within ±`reach` of `at` produces for `secret`. */
export async function wrongCode(secret: string, at: Date, reach = 1): Promise<string> {
  const offsets = Array.from({ length: 2 * reach + 1 }, (_, i) => i - reach)
  const window = await Promise.all(offsets.map((offset) => codeAt(secret, at, offset)))
  let guess = 0
  while (window.includes(String(guess).padStart(6, '0'))) guess++
  return String(guess).padStart(6, '0')
}

/** 5 s into the current 30 s step, so ±1 step is unambiguous whatever the real time is. */
export const intoStep = () => new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000)
