import { describe, expect, it } from 'vitest'
import { base32Decode } from './test-codes.ts'
import { base32Encode, hotp, matchStep, otpauthUri, timeStep } from './totp.ts'

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
    const step = timeStep(new Date(seconds * 1000), 30)
    expect(await hotp(rfcSecret, step, 8)).toBe(expected)
  })

  it('RFC 4226 appendix D: the first HOTP values', async () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676']
    for (const [counter, code] of expected.entries()) {
      expect(await hotp(rfcSecret, counter)).toBe(code)
    }
  })

  it('matches within ±window steps only, and returns the step that matched', async () => {
    const code = await hotp(rfcSecret, 1000)
    expect(await matchStep(rfcSecret, code, 1001, 1)).toBe(1000)
    expect(await matchStep(rfcSecret, code, 999, 1)).toBe(1000)
    expect(await matchStep(rfcSecret, code, 1002, 1)).toBeNull()
    expect(await matchStep(rfcSecret, code, 998, 1)).toBeNull()
  })
})

describe('base32 and the key URI', () => {
  it('encodes RFC 4648 test vectors without padding, and round-trips', () => {
    const vectors = ['', 'MY', 'MZXQ', 'MZXW6', 'MZXW6YQ', 'MZXW6YTB', 'MZXW6YTBOI']
    for (const [length, expected] of vectors.entries()) {
      const input = new TextEncoder().encode('foobar'.slice(0, length))
      expect(base32Encode(input)).toBe(expected)
      expect(base32Decode(expected)).toEqual(input)
    }
    expect(base32Encode(rfcSecret)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')
  })

  it('builds the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('Acme Field', 'ivan@example.com', 'GEZDGNBV', 30)).toBe(
      'otpauth://totp/Acme%20Field:ivan%40example.com?secret=GEZDGNBV&issuer=Acme%20Field' +
        '&algorithm=SHA1&digits=6&period=30',
    )
  })
})
