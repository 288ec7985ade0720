import { describe, expect, it } from 'vitest'
import { base32Decode } from './test-codes.ts'
import { base32Encode, hotp, matchStep, timeStep } from './totp.ts'

const rfcSecret = new TextEncoder().encode('12345678901234567890')

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
    expect(await hotp(rfcSecret, timeStep(new Date(seconds * 1000)), 8)).toBe(expected)
  })

  it('RFC 4226 appendix D: the first HOTP values', async () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676']
    for (const [counter, code] of expected.entries()) {
      expect(await hotp(rfcSecret, counter)).toBe(code)
    }
  })

  it('matches within ±1 step only, returns the step that matched, and nothing without a secret', async () => {
    const code = await hotp(rfcSecret, 1000)
    expect(await matchStep(rfcSecret, code, 1001)).toBe(1000)
    expect(await matchStep(rfcSecret, code, 1000)).toBe(1000)
    expect(await matchStep(rfcSecret, code, 999)).toBe(1000)
    expect(await matchStep(rfcSecret, code, 1002)).toBeNull()
    expect(await matchStep(rfcSecret, code, 998)).toBeNull()
    expect(await matchStep(null, code, 1000)).toBeNull()
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
})
