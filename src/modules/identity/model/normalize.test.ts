import { describe, expect, it } from 'vitest'
import { normalizeEmail, normalizePhone, parseLogin } from './normalize.ts'
import { phoneSearchDigits } from '../store/users-list.ts'

describe('normalizePhone', () => {
  it.each([
    '8 916 123-45-67',
    '+7 (916) 123-45-67',
    '89161234567',
    '9161234567',
    '+79161234567',
    ' 8(916)123 45 67 ',
    '７９１６１２３４５６７', // full-width digits, NFKC
    '+7 916 123.45.67',
  ])('reads %j as +79161234567, a mobile', (input) => {
    expect(normalizePhone(input)).toEqual({
      ok: true,
      e164: '+79161234567',
      country: 'RU',
      lineType: 'mobile',
      isMobile: true,
    })
  })

  it('tells Russian fixed lines from mobiles', () => {
    expect(normalizePhone('8 495 123-45-67')).toMatchObject({
      ok: true,
      e164: '+74951234567',
      lineType: 'fixed-line',
      isMobile: false,
    })
  })

  it('accepts other countries written with their code, or with another default country', () => {
    expect(normalizePhone('+44 7911 123456')).toMatchObject({
      ok: true,
      e164: '+447911123456',
      isMobile: true,
    })
    expect(normalizePhone('+380 50 123 4567')).toMatchObject({
      ok: true,
      e164: '+380501234567',
      country: 'UA',
    })
    expect(normalizePhone('(212) 555-0123', 'US')).toMatchObject({
      ok: true,
      e164: '+12125550123',
      isMobile: true,
    })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'not_a_number'],
    ['8 916 CALL-ME', 'not_a_number'],
    ['12345', 'invalid'],
    ['+7 916 123', 'invalid'],
    ['+79161234567999', 'invalid'],
    ['+7 000 123-45-67', 'invalid'],
  ])('refuses %j (%s)', (input, reason) => {
    expect(normalizePhone(input)).toEqual({ ok: false, reason })
  })
})

describe('normalizeEmail', () => {
  it('trims, applies NFKC and lower-cases the whole address', () => {
    expect(normalizeEmail('  Ivan.Petrov@Example.COM ')).toEqual({
      ok: true,
      email: 'ivan.petrov@example.com',
    })
    expect(normalizeEmail('ｉｖａｎ@example.com')).toEqual({ ok: true, email: 'ivan@example.com' })
  })

  it.each([
    '',
    'ivan',
    'ivan@',
    '@example.com',
    'ivan@example',
    'a b@example.com',
    'ivan@@example.com',
    'ivan..p@example.com',
    `${'a'.repeat(250)}@example.com`,
  ])('refuses %j', (input) => {
    expect(normalizeEmail(input).ok).toBe(false)
  })
})

describe('parseLogin', () => {
  it('classifies phones and e-mails and normalises them', () => {
    expect(parseLogin('8 916 123-45-67')).toEqual({ kind: 'phone', value: '+79161234567' })
    expect(parseLogin('Ivan@Example.com')).toEqual({ kind: 'email', value: 'ivan@example.com' })
    expect(parseLogin('ivan@')).toBeNull()
    expect(parseLogin('12')).toBeNull()
    expect(parseLogin('')).toBeNull()
  })
})

describe('phone search digits', () => {
  it('reads Russian trunk-prefix notation and complete numbers', () => {
    expect(phoneSearchDigits('8 916 123')).toEqual(['8916123', '7916123'])
    expect(phoneSearchDigits('+7 (916) 123-45-67')).toEqual(['79161234567'])
    expect(phoneSearchDigits('89161234567')).toEqual(['89161234567', '79161234567'])
    expect(phoneSearchDigits('12')).toEqual([])
    expect(phoneSearchDigits('Ivan 916')).toEqual([])
  })
})
