/**
 * The SMS text: the app's template (Russian or English) followed by the lines that make codes
 * auto-fill (R5):
 *  - `@<domain> #<code>` as the LAST line: origin-bound one-time codes (WebOTP in Chrome, iOS
 *    and Safari AutoFill; https://wicg.github.io/sms-one-time-codes/).
 *  - the app's 11-character hash for Android's SMS Retriever, whose documented rules are: at most
 *    140 bytes, contains the code, includes the hash. Google's example puts the hash on its own
 *    line; it goes just above the origin line by default so both formats hold, or at the very
 *    end with `androidHashPlacement: 'end'` (for clients that insist on the older "end with the
 *    hash" rule; iOS/WebOTP auto-fill then no longer applies to that app).
 */
import { otp, providers } from 'propusk/plugin'

export const defaultSmsTemplates: Record<otp.OtpLocale, string> = {
  ru: 'Код для входа: {code}',
  en: 'Sign-in code: {code}',
}

const minimalTemplates: Record<otp.OtpLocale, string> = { ru: 'Код: {code}', en: 'Code: {code}' }

export const androidAppHashPattern = /^[A-Za-z0-9+/]{11}$/

/** SMS Retriever's limit on the whole message: one segment's payload. */
export const SMS_RETRIEVER_MAX_BYTES = providers.SMS_SEGMENT_BYTES

export const smsPayloadBytes = providers.smsPayloadBytes

export interface SmsFormatSettings {
  androidHashPlacement: 'before-origin-line' | 'end'
}

function fill(template: string, code: string, appName: string): string {
  return template.replaceAll('{code}', code).replaceAll('{app}', appName)
}

/** The app's own template for this language, if it set one. */
function customTemplate(input: otp.ComposeInput<unknown>): string | null {
  const custom = otp.appOtpSettings(input.app).otp?.['sms-otp']?.templates
  const text = (custom as Record<string, unknown> | undefined)?.[input.locale]
  return typeof text === 'string' && text.trim() ? text : null
}

/**
 * One segment where it can be (operators bill per segment; SMS Retriever refuses more than
 * 140 bytes when the Android hash is in): the template, then the short one, then, with a hash,
 * the auto-fill lines alone (the origin line carries the code). An app's own template without
 * a hash is the admin's wording and is kept whole, however long.
 */
export function smsText(input: otp.ComposeInput<SmsFormatSettings>): string {
  const originLine = `@${input.domain} #${input.code}`
  const hash = otp.appOtpSettings(input.app).androidAppHash
  const androidHash = typeof hash === 'string' && androidAppHashPattern.test(hash) ? hash : null
  const assemble = (body: string) => {
    const lines = body ? [body, ''] : []
    if (!androidHash) return [...lines, originLine].join('\n')
    return input.settings.androidHashPlacement === 'end'
      ? [...lines, originLine, androidHash].join('\n')
      : [...lines, androidHash, originLine].join('\n')
  }
  const fits = (text: string) => providers.smsPayloadBytes(text) <= providers.SMS_SEGMENT_BYTES
  const custom = customTemplate(input)
  const full = assemble(
    fill(custom ?? defaultSmsTemplates[input.locale], input.code, input.app.name),
  )
  if (fits(full) || (custom && !androidHash)) return full
  const short = assemble(fill(minimalTemplates[input.locale], input.code, input.app.name))
  return fits(short) || !androidHash ? short : assemble('')
}
