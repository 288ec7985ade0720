import { describe, expect, it } from 'vitest'
import {
  base64UrlDecode,
  base64UrlEncode,
  hmacSha256,
  randomDigits,
  randomToken,
  sha256Hex,
  timingSafeEqual,
  toHex,
} from './crypto.ts'

describe('crypto helpers', () => {
  it('round-trips base64url', () => {
    const bytes = new Uint8Array([0, 1, 250, 251, 252, 253, 254, 255])
    expect(base64UrlEncode(bytes)).not.toMatch(/[+/=]/)
    expect([...base64UrlDecode(base64UrlEncode(bytes))]).toEqual([...bytes])
  })

  it('hashes with SHA-256 and HMAC-SHA-256 (RFC 4231 case 2)', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    expect(toHex(await hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    )
  })

  it('makes uniform digits of the asked length', () => {
    const counts = new Array(10).fill(0)
    for (let i = 0; i < 2000; i++) {
      const code = randomDigits(4)
      expect(code).toMatch(/^\d{4}$/)
      for (const digit of code) counts[Number(digit)]++
    }
    // 8000 digits: each should be near 800; 600 is > 7 standard deviations away.
    for (const count of counts) expect(count).toBeGreaterThan(600)
  })

  it('makes distinct tokens and compares in constant time', () => {
    expect(randomToken()).not.toBe(randomToken())
    expect(randomToken()).toHaveLength(43)
    expect(timingSafeEqual('abc', 'abc')).toBe(true)
    expect(timingSafeEqual('abc', 'abd')).toBe(false)
    expect(timingSafeEqual('abc', 'abcd')).toBe(false)
  })
})
