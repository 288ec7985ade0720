import { describe, expect, it } from 'vitest'
import { challengeIdPattern, createOtpKeys, otpBaseSecret } from './keys.ts'

describe('one-time-code keys', () => {
  it('seals challenge ids that only this secret opens, and detects tampering', async () => {
    const keys = await createOtpKeys('a'.repeat(32))
    const id = await keys.sealChallengeId({ method: 'sms-otp', login: '+79161234567', nonce: 'n1' })
    expect(id).toMatch(challengeIdPattern)
    expect(await keys.openChallengeId(id)).toEqual({
      method: 'sms-otp',
      login: '+79161234567',
      nonce: 'n1',
    })
    const other = await createOtpKeys('b'.repeat(32))
    expect(await other.openChallengeId(id)).toBeNull()
    const flipped = id.slice(0, -2) + (id.endsWith('A') ? 'B' : 'A') + id.slice(-1)
    expect(await keys.openChallengeId(flipped)).toBeNull()
    expect(await keys.openChallengeId('otp_short')).toBeNull()
  })

  it('binds a code hash to its challenge, method and app', async () => {
    const keys = await createOtpKeys('a'.repeat(32))
    const base = { nonce: 'n1', method: 'sms-otp', appId: 'app', code: '1234' }
    const hash = await keys.codeHash(base)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    for (const change of [
      { nonce: 'n2' },
      { method: 'flash-call' },
      { appId: 'other' },
      { code: '1235' },
    ]) {
      expect(await keys.codeHash({ ...base, ...change })).not.toBe(hash)
    }
    expect(await keys.loginKey('+79161234567')).not.toContain('7916')
  })

  it('takes OTP_SECRET first, then SIGNING_KEYS', () => {
    expect(otpBaseSecret({ OTP_SECRET: 's'.repeat(32), SIGNING_KEYS: '[]' }).source).toBe(
      'OTP_SECRET',
    )
    expect(otpBaseSecret({ OTP_SECRET: undefined, SIGNING_KEYS: '[]' }).source).toBe('SIGNING_KEYS')
    expect(otpBaseSecret({ OTP_SECRET: undefined, SIGNING_KEYS: undefined }).source).toBe('random')
  })
})
