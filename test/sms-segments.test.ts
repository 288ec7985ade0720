/**
 * Every SMS Propusk writes, in both languages, with realistic long values (a long company
 * domain, the longest code, an Android app hash, a real 43-character link token), counted in
 * segments by the GSM-7 / UCS-2 rules. One segment wherever the text can fit in one; the
 * Russian link messages cannot (the link alone is over 70 UCS-2 units), and are held to two.
 */
import { describe, expect, it } from 'vitest'
import { randomToken } from '../src/core/crypto.ts'
import { smsLength } from '../src/core/delivery/sms-length.ts'
import {
  accountSmsTemplates,
  invitationMessage,
  pageLink,
  passwordResetMessage,
} from '../src/core/account/messages.ts'
import { smsText, type SmsFormatSettings } from '../plugins/sms-otp/message.ts'
import type { ComposeInput } from '../src/core/index.ts'

const publicUrl = 'https://propusk.fieldservice-company.ru'
const domain = new URL(publicUrl).hostname
const locales = ['ru', 'en'] as const
const cyrillic = /[А-Яа-яЁё]/
const latinWord = /[A-Za-z]{2,}/

const app = (settings: Record<string, unknown>) => ({
  id: 'engineer-android',
  name: 'Мобильное приложение инженера ООО «Сервисная компания»',
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

describe('SMS length in segments', () => {
  it('counts GSM-7 and UCS-2 as operators do', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ encoding: 'gsm-7', units: 160, segments: 1 })
    expect(smsLength('a'.repeat(161)).segments).toBe(2)
    expect(smsLength('['.repeat(80)).segments).toBe(1) // extension characters: 2 septets each
    expect(smsLength('['.repeat(81)).segments).toBe(2)
    expect(smsLength('ж'.repeat(70))).toEqual({ encoding: 'ucs-2', units: 70, segments: 1 })
    expect(smsLength('ж'.repeat(71)).segments).toBe(2)
    expect(smsLength('ж'.repeat(134)).segments).toBe(2)
    expect(smsLength('ж'.repeat(135)).segments).toBe(3)
    expect(smsLength(`${'a'.repeat(100)}ж`).encoding).toBe('ucs-2') // one letter turns it all
  })

  for (const locale of locales) {
    for (const hash of [null, 'FA+9qCX9VSu']) {
      for (const placement of hash
        ? (['before-origin-line', 'end'] as const)
        : (['end'] as const)) {
        it(`sign-in code SMS (${locale}, ${hash ? `hash ${placement}` : 'no hash'}): one segment for codes of 4–10 digits`, () => {
          for (let digits = 4; digits <= 10; digits++) {
            const input: ComposeInput<SmsFormatSettings> = {
              code: '9'.repeat(digits),
              locale,
              domain,
              settings: { androidHashPlacement: placement },
              app: app(hash ? { androidAppHash: hash } : {}),
            }
            const text = smsText(input)
            expect(smsLength(text).segments, text).toBe(1)
            expect(text.split('\n').at(placement === 'end' && hash ? -2 : -1)).toBe(
              `@${domain} #${input.code}`,
            )
            const body = text.split('\n')[0] ?? ''
            if (locale === 'en') expect(body).not.toMatch(cyrillic)
            else if (!body.startsWith('@') && body !== hash) expect(body).toMatch(cyrillic)
          }
        })
      }
    }
  }

  const links = {
    invitation: pageLink(publicUrl, '/invite', randomToken()),
    reset: pageLink(publicUrl, '/reset-password', randomToken()),
  }
  const compose = { invitation: invitationMessage, reset: passwordResetMessage }
  // Documented maxima: English fits one GSM-7 segment; Russian (UCS-2) two.
  const maximum = { ru: 2, en: 1 }

  for (const kind of ['invitation', 'reset'] as const) {
    for (const locale of locales) {
      it(`${kind} SMS (${locale}): one language, at most ${maximum[locale]} segment(s)`, () => {
        const link = links[kind]
        expect(link.length).toBeGreaterThanOrEqual(90)
        const { text } = compose[kind]('sms', {
          displayName: 'Константин Константинопольский',
          link,
          expiresAt: '2026-12-13T09:30:00.000Z',
          locale,
        })
        expect(text).toContain(link)
        const words = text.replace(link, '')
        if (locale === 'ru') {
          expect(words).toMatch(cyrillic)
          expect(words).not.toMatch(latinWord)
          // It cannot be one: the link alone is over a UCS-2 segment.
          expect(link.length).toBeGreaterThan(70)
        } else {
          expect(words).not.toMatch(cyrillic)
        }
        expect(smsLength(text).segments, text).toBeLessThanOrEqual(maximum[locale])
        // The words leave room for a longer install URL before the next segment.
        expect(accountSmsTemplates[kind][locale].length).toBeLessThanOrEqual(
          locale === 'ru' ? 40 : 60,
        )
      })
    }
  }
})
