import { describe, expect, it } from 'vitest'
import type { otp } from 'propusk/plugin'
import { smsPayloadBytes, smsText, type SmsFormatSettings } from './message.ts'

const app = (settings: Record<string, unknown> = {}) => ({
  id: 'engineer-app',
  name: 'Engineer',
  type: 'engineer-mobile',
  enabled: true,
  signInMethods: ['sms-otp'],
  policy: {},
  redirectUris: [],
  settings,
  hasSecret: false,
  createdAt: '',
  updatedAt: '',
})

const input = (
  over: Partial<otp.ComposeInput<SmsFormatSettings>> & {
    appSettings?: Record<string, unknown>
  } = {},
): otp.ComposeInput<SmsFormatSettings> => ({
  code: '4821',
  locale: 'ru',
  domain: 'id.example.com',
  settings: { androidHashPlacement: 'before-origin-line' },
  ...over,
  app: app(over.appSettings),
})

describe('SMS text', () => {
  it('ends with the origin-bound line (WebOTP, iOS) in Russian and English', () => {
    expect(smsText(input())).toBe('Код для входа: 4821\n\n@id.example.com #4821')
    expect(smsText(input({ locale: 'en' }))).toBe('Sign-in code: 4821\n\n@id.example.com #4821')
  })

  it('uses the app template with {code} and {app}', () => {
    const text = smsText(
      input({
        appSettings: { otp: { 'sms-otp': { templates: { ru: '{app}: ваш код {code}' } } } },
      }),
    )
    expect(text).toBe('Engineer: ваш код 4821\n\n@id.example.com #4821')
  })

  it('fits SMS Retriever with an Android app hash: ≤ 140 bytes, hash on its own line', () => {
    const hash = 'FA+9qCX9VSu'
    const ru = smsText(input({ appSettings: { androidAppHash: hash } }))
    expect(ru).toBe(`Код для входа: 4821\n\n${hash}\n@id.example.com #4821`)
    expect(ru.split('\n').at(-1)).toBe('@id.example.com #4821')
    expect(smsPayloadBytes(ru)).toBeLessThanOrEqual(140)
    const atEnd = smsText(
      input({ appSettings: { androidAppHash: hash }, settings: { androidHashPlacement: 'end' } }),
    )
    expect(atEnd).toBe(`Код для входа: 4821\n\n@id.example.com #4821\n${hash}`)
  })

  it('shortens a long template rather than exceed 140 bytes when the hash is required', () => {
    const long =
      'Ваш одноразовый код для входа в мобильное приложение инженера: {code}. Никому его не сообщайте!'
    const text = smsText(
      input({
        appSettings: {
          androidAppHash: 'FA+9qCX9VSu',
          otp: { 'sms-otp': { templates: { ru: long } } },
        },
      }),
    )
    expect(text).toBe('Код: 4821\n\nFA+9qCX9VSu\n@id.example.com #4821')
    expect(smsPayloadBytes(text)).toBeLessThanOrEqual(140)
    // Without a hash there is no byte limit: the template is kept whole.
    expect(
      smsText(input({ appSettings: { otp: { 'sms-otp': { templates: { ru: long } } } } })),
    ).toContain('Никому его не сообщайте!')
  })

  it('ignores a malformed app hash', () => {
    expect(smsText(input({ appSettings: { androidAppHash: 'short' } }))).toBe(
      'Код для входа: 4821\n\n@id.example.com #4821',
    )
  })

  it('counts GSM-7 and UCS-2 bytes', () => {
    expect(smsPayloadBytes('a'.repeat(160))).toBe(140)
    expect(smsPayloadBytes('Код')).toBe(6)
    expect(smsPayloadBytes('[]')).toBe(4) // two extension characters: 4 septets
  })
})
