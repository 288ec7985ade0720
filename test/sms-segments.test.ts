/**
 * Every SMS Propusk writes, in both languages, with realistic long values (a long company
 * domain, the longest code, an Android app hash, a real link token), counted in segments by
 * the GSM-7 / UCS-2 rules: one segment each. The invitation and reset SMS carry the short link
 * form; in Russian (UCS-2, 70 units) that holds for a `PUBLIC_URL` of up to 23 characters (24
 * for the invitation), such as `https://id.example.ru` (21), and this test pins those maxima.
 */
import { describe, expect, it } from 'vitest'
import { randomToken } from '../src/kernel/crypto.ts'
import { smsLength } from '../src/modules/delivery/sms-length.ts'
import {
  accountLink,
  accountSmsTemplates,
  invitationMessage,
  LINK_TOKEN_BYTES,
  passwordResetMessage,
} from '../src/modules/onboarding/messages.ts'
import { smsText, type SmsFormatSettings } from '../plugins/sign-in/sms-otp/message.ts'
import type { ComposeInput } from '../src/modules/otp/index.ts'

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

  const linkUrl = 'https://id.example.ru'
  // The longest PUBLIC_URL with which the Russian SMS is still one segment (docs/admin.md).
  const longestUrl = { invitation: 24, reset: 23 }
  const compose = { invitation: invitationMessage, reset: passwordResetMessage }
  const smsOf = (kind: 'invitation' | 'reset', locale: 'ru' | 'en', publicUrl: string) => {
    const link = accountLink(publicUrl, kind, 'sms', randomToken(LINK_TOKEN_BYTES))
    const { text } = compose[kind]('sms', {
      displayName: 'Константин Константинопольский',
      link,
      expiresAt: '2026-12-13T09:30:00.000Z',
      locale,
    })
    return { link, text }
  }

  it('link tokens carry 128 bits in 22 base64url characters', () => {
    expect(LINK_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128)
    expect(randomToken(LINK_TOKEN_BYTES)).toMatch(/^[\w-]{22}$/)
    expect(accountLink(linkUrl, 'invitation', 'sms', 'tok')).toBe(`${linkUrl}/i/tok`)
    expect(accountLink(linkUrl, 'reset', 'sms', 'tok')).toBe(`${linkUrl}/r/tok`)
    // E-mail keeps the long, readable form.
    expect(accountLink(linkUrl, 'invitation', 'email', 'tok')).toBe(`${linkUrl}/invite?token=tok`)
  })

  for (const kind of ['invitation', 'reset'] as const) {
    for (const locale of locales) {
      it(`${kind} SMS (${locale}): one language, one segment with PUBLIC_URL ${linkUrl}`, () => {
        const { link, text } = smsOf(kind, locale, linkUrl)
        expect(text).toContain(link)
        const words = text.replace(link, '')
        if (locale === 'ru') {
          expect(words).toMatch(cyrillic)
          expect(words).not.toMatch(latinWord)
        } else {
          expect(words).not.toMatch(cyrillic)
        }
        expect(smsLength(text).segments, text).toBe(1)
      })
    }

    it(`${kind} SMS (ru): one segment up to a ${longestUrl[kind]}-character PUBLIC_URL, two beyond`, () => {
      const url = (length: number) => `https://${'a'.repeat(length - 'https://.ru'.length)}.ru`
      const longest = longestUrl[kind]
      expect(url(longest)).toHaveLength(longest)
      expect(smsLength(smsOf(kind, 'ru', url(longest)).text).segments).toBe(1)
      expect(smsLength(smsOf(kind, 'ru', url(longest + 1)).text).segments).toBe(2)
      // English (GSM-7, 160) has room for far longer install addresses.
      expect(smsLength(smsOf(kind, 'en', publicUrl).text).segments).toBe(1)
    })
  }
})
