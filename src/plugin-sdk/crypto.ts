/**
 * Web Crypto helpers for `cryptoUtils`: hashing, HMAC, random ids and tokens, encodings, secrets
 * sealed at rest (`secretBox`), and HOTP/TOTP with base32 for authenticator apps.
 */
import type { Settings } from '../kernel/config.ts'
import { secretBox as sealedUnder, type SecretBox } from '../kernel/secret-box.ts'
import { otpBaseSecret } from '../modules/otp/index.ts'

export {
  base64UrlDecode,
  base64UrlEncode,
  hmacSha256,
  randomBytes,
  randomDigits,
  randomId,
  randomToken,
  sha256,
  sha256Hex,
  timingSafeEqual,
  toHex,
} from '../kernel/crypto.ts'
export type { SecretBox } from '../kernel/secret-box.ts'
export {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  otpauthUri,
  totpStep,
} from '../kernel/one-time-passwords.ts'

/**
 * Seals small secrets at rest (AES-256-GCM) under the server's secret (`OTP_SECRET`, else
 * `SIGNING_KEYS`; pass `ctx.config`), with a key of their own for `purpose`.
 */
export const secretBox = (
  config: Pick<Settings, 'OTP_SECRET' | 'SIGNING_KEYS'>,
  purpose: string,
): SecretBox => sealedUnder(otpBaseSecret(config).secret, purpose)
