import { describe, expect, it } from 'vitest'
import { ApiError } from '../../kernel/errors.ts'
import { commonPasswordSet } from './common-passwords.ts'
import { assertPasswordPolicy, checkPasswordPolicy } from './policy.ts'

const code = (password: string, owner = {}) => {
  const result = checkPasswordPolicy(password, owner)
  return result.ok ? 'ok' : result.code
}

describe('password policy (NIST 800-63B)', () => {
  it('counts code points after NFKC: at least 8, at most 128', () => {
    expect(code('short12')).toBe('password_too_short')
    expect(code('tealbird')).toBe('ok')
    // 8 Cyrillic letters are 8 characters (16 UTF-8 bytes): fine.
    expect(code('тюленьки')).toBe('ok')
    // 7 emoji are 14 UTF-16 units but 7 characters: too short.
    expect(code('🐧🐧🦆🐧🦉🐧🦜')).toBe('password_too_short')
    // NFKC: the ligature "ﬃ" becomes three letters before counting.
    expect(code('aﬃbcd')).toBe('password_too_short')
    expect(code('aﬃbcdxy')).toBe('ok')
    expect(code('x'.repeat(63) + 'y'.repeat(1))).toBe('ok')
    expect(code('ab'.repeat(64))).toBe('ok')
    expect(code('ab'.repeat(64) + 'c')).toBe('password_too_long')
  })

  it('has no composition rules', () => {
    expect(code('all lower case words here')).toBe('ok')
    expect(code('корова молоко облако')).toBe('ok')
  })

  it('refuses common passwords, case-insensitively, including Russian-keyboard ones', () => {
    expect(commonPasswordSet().size).toBeGreaterThanOrEqual(1000)
    for (const common of [
      'password',
      'Password1',
      '12345678',
      'QWERTY123',
      'qwertyuiop',
      'iloveyou1',
      '1q2w3e4r5t',
      'Passw0rd',
    ]) {
      expect(code(common), common).toBe('password_too_common')
    }
    for (const russian of [
      'йцукенгшщз',
      'Пароль123',
      'gfhjkm123',
      'ghbdtn123',
      'parol123',
      'lyubov123',
      'любовь123',
      'ЙЦУКЕН123',
    ]) {
      expect(code(russian), russian).toBe('password_too_common')
    }
    expect(code('aaaaaaaaaa')).toBe('password_too_common')
    expect(code('Propusk2024!')).toBe('password_too_common')
    // NFKC: full-width digits are the same digits.
    expect(code('ｐａｓｓｗｏｒｄ１２３')).toBe('password_too_common')
  })

  it("refuses the person's own phone, e-mail and name", () => {
    const owner = {
      phone: '+79161234567',
      email: 'ivan.petrov@example.com',
      displayName: 'Иван Петров',
    }
    expect(code('9161234567', owner)).toBe('password_contains_identity')
    expect(code('+7 916 123-45-67', owner)).toBe('password_contains_identity')
    expect(code('my79161234567!', owner)).toBe('password_contains_identity')
    expect(code('ivan.petrov@example.com', owner)).toBe('password_contains_identity')
    expect(code('IvanPetrov-secret', owner)).toBe('password_contains_identity')
    expect(code('иванпетров', owner)).toBe('password_contains_identity')
    expect(code('Петров1990', owner)).toBe('password_contains_identity')
    expect(code('Иван Петров!', owner)).toBe('password_contains_identity')
    expect(code('зимний вечер у камина', owner)).toBe('ok')
    // Without an owner the same strings are only checked against the blocklist.
    expect(code('Петров1990')).toBe('ok')
  })

  it('throws stable error codes naming the field', () => {
    try {
      assertPasswordPolicy('short', {}, 'newPassword')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).code).toBe('password_too_short')
      expect((error as ApiError).status).toBe(400)
      expect((error as ApiError).details?.fields).toEqual([
        { field: 'newPassword', message: expect.any(String) },
      ])
    }
    expect(assertPasswordPolicy('Cafe\u0301 au lait')).toBe('Café au lait')
  })
})
