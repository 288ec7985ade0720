/** Web Crypto helpers (hashing, HMAC, random ids and tokens, encodings) for `cryptoUtils`. */
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
