import { describe, expect, it } from 'vitest'
import { secretBox } from './secret-box.ts'

const purpose = 'propusk/totp/secret-at-rest/v1'
const secret = new TextEncoder().encode('12345678901234567890')

describe('secretBox', () => {
  it('opens what it sealed, for the same associated value only', async () => {
    const box = secretBox('server-secret', purpose)
    const sealed = await box.seal(secret, 'usr_a')
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/)
    expect(await box.open(sealed, 'usr_a')).toEqual(secret)
    expect(await box.open(sealed, 'usr_b')).toBeNull()
    expect(await box.seal(secret, 'usr_a')).not.toBe(sealed)
  })

  it('refuses another server secret, another purpose, tampering and other formats', async () => {
    const sealed = await secretBox('server-secret', purpose).seal(secret, 'usr_a')
    expect(await secretBox('other-secret', purpose).open(sealed, 'usr_a')).toBeNull()
    expect(await secretBox('server-secret', 'other/purpose').open(sealed, 'usr_a')).toBeNull()
    const box = secretBox('server-secret', purpose)
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1)
    expect(await box.open(flipped, 'usr_a')).toBeNull()
    expect(await box.open(sealed.replace(/^v1/, 'v2'), 'usr_a')).toBeNull()
    expect(await box.open('v1.!!!.???', 'usr_a')).toBeNull()
    expect(await box.open('not sealed', 'usr_a')).toBeNull()
  })

  it('opens a value sealed by the TOTP plugin before this helper existed (stored secrets stay valid)', async () => {
    // Sealed under OTP_SECRET `test-otp-secret-for-vector` for user `usr_alice`.
    const stored = 'v1.PmuivSOFyuhgiVZD.CVvb3tjWayBpv6KrsVxtUAINvgIMKYVtM6ZNnrlKTHUMJYQU'
    const box = secretBox('test-otp-secret-for-vector', purpose)
    expect(await box.open(stored, 'usr_alice')).toEqual(secret)
  })
})
