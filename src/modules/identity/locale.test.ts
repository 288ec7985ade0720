import { describe, expect, it } from 'vitest'
import { pickLocale } from '../otp/engine.ts'
import { recipientLocale } from './locale.ts'

describe('the language of a message', () => {
  it('is Russian for +7 numbers and e-mail, English for other numbers, unless the app says', () => {
    expect(recipientLocale('sms', '+79161234567')).toBe('ru')
    expect(recipientLocale('sms', '+77012345678')).toBe('ru') // Kazakhstan shares +7
    expect(recipientLocale('sms', '+447700900123')).toBe('en')
    expect(recipientLocale('email', 'anna@example.com')).toBe('ru')
    expect(recipientLocale('sms', '+79161234567', 'en')).toBe('en')
    expect(recipientLocale('sms', '+447700900123', 'ru')).toBe('ru')
  })

  it('of a code follows the device (Accept-Language) first, then the app, then the number', () => {
    const uk = { channel: 'sms' as const, to: '+447700900123' }
    const ru = { channel: 'sms' as const, to: '+79161234567' }
    expect(pickLocale('ru-RU,ru;q=0.9', undefined, uk)).toBe('ru')
    expect(pickLocale('de-DE', undefined, uk)).toBe('en')
    expect(pickLocale(null, undefined, ru)).toBe('ru')
    expect(pickLocale(null, 'en', ru)).toBe('en')
    expect(pickLocale(null, undefined)).toBe('ru')
  })

  it('is the person’s own when an admin set one: over the app and the number', () => {
    expect(recipientLocale('sms', '+79161234567', undefined, 'en')).toBe('en')
    expect(recipientLocale('sms', '+447700900123', 'en', 'ru')).toBe('ru')
    expect(recipientLocale('email', 'anna@example.com', undefined, 'en')).toBe('en')
    expect(recipientLocale('sms', '+79161234567', undefined, null)).toBe('ru')
  })

  it('of a code: the device first, then the person, then the app, then the number', () => {
    const ru = { channel: 'sms' as const, to: '+79161234567' }
    expect(pickLocale(null, undefined, ru, 'en')).toBe('en')
    expect(pickLocale(null, 'ru', ru, 'en')).toBe('en')
    expect(pickLocale('ru-RU', undefined, ru, 'en')).toBe('ru')
    expect(pickLocale(null, 'en', ru, null)).toBe('en')
  })
})
