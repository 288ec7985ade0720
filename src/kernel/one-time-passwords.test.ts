import { describe, expect, it } from 'vitest'
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  otpauthUri,
  totpStep,
} from './one-time-passwords.ts'

const rfcSecret = new TextEncoder().encode('12345678901234567890')
const atStep = (step: number) => new Date(step * 30_000 + 5_000)

describe('RFC 6238 / RFC 4226', () => {
  // RFC 6238 appendix B, SHA1 column (8 digits).
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('T = %i s gives %s', async (seconds, expected) => {
    expect(await hotp(rfcSecret, totpStep(new Date(seconds * 1000)), 8)).toBe(expected)
  })

  it('RFC 4226 appendix D: the first HOTP values', async () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676']
    for (const [counter, code] of expected.entries()) {
      expect(await hotp(rfcSecret, counter)).toBe(code)
    }
  })

  it('matches within ±1 step only, returns the step that matched, and nothing without a secret', async () => {
    const code = await hotp(rfcSecret, 1000)
    expect(await matchTotp(rfcSecret, code, atStep(1001))).toBe(1000)
    expect(await matchTotp(rfcSecret, code, atStep(1000))).toBe(1000)
    expect(await matchTotp(rfcSecret, code, atStep(999))).toBe(1000)
    expect(await matchTotp(rfcSecret, code, atStep(1002))).toBeNull()
    expect(await matchTotp(rfcSecret, code, atStep(998))).toBeNull()
    expect(await matchTotp(null, code, atStep(1000))).toBeNull()
  })

  it('takes a wider window and other lengths when asked', async () => {
    const code = await hotp(rfcSecret, 1000, 8)
    expect(await matchTotp(rfcSecret, code, atStep(1002), { digits: 8 })).toBeNull()
    expect(await matchTotp(rfcSecret, code, atStep(1002), { window: 2, digits: 8 })).toBe(1000)
  })
})

describe('base32', () => {
  it('encodes RFC 4648 test vectors without padding, and round-trips', () => {
    const vectors = ['', 'MY', 'MZXQ', 'MZXW6', 'MZXW6YQ', 'MZXW6YTB', 'MZXW6YTBOI']
    for (const [length, expected] of vectors.entries()) {
      const input = new TextEncoder().encode('foobar'.slice(0, length))
      expect(base32Encode(input)).toBe(expected)
      expect(base32Decode(expected)).toEqual(input)
    }
    expect(base32Encode(rfcSecret)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
  })

  it('decodes as people type it (lower case, spaces, padding) and refuses other characters', () => {
    expect(base32Decode('mzxw 6ytb oi======')).toEqual(new TextEncoder().encode('foobar'))
    expect(base32Decode('MZXW1')).toBeNull()
  })
})

describe('otpauthUri', () => {
  it('names issuer and account with %20 for spaces, and the parameters apps expect', () => {
    expect(otpauthUri('Acme Corp', 'ann+1@example.com', rfcSecret)).toBe(
      'otpauth://totp/Acme%20Corp:ann%2B1%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' +
        '&issuer=Acme%20Corp&algorithm=SHA1&digits=6&period=30',
    )
  })
})
