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
import { appOtpSettings, type ComposeInput, type OtpLocale } from '../../src/core/index.ts'

export const defaultSmsTemplates: Record<OtpLocale, string> = {
  ru: 'Код для входа: {code}',
  en: 'Sign-in code: {code}',
}

const minimalTemplates: Record<OtpLocale, string> = { ru: 'Код: {code}', en: 'Code: {code}' }

export const androidAppHashPattern = /^[A-Za-z0-9+/]{11}$/

/** SMS Retriever's limit on the whole message. */
export const SMS_RETRIEVER_MAX_BYTES = 140

// GSM 03.38 default alphabet; the extension table's characters take two septets.
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const gsmExtension = '^{}\\[~]|€\f'

/**
 * Bytes of the SMS payload: GSM-7 text packs 8 characters in 7 bytes; anything else (Cyrillic)
 * goes as UCS-2, 2 bytes per UTF-16 unit.
 */
export function smsPayloadBytes(text: string): number {
  let septets = 0
  for (const char of text) {
    if (gsmBasic.includes(char)) septets += 1
    else if (gsmExtension.includes(char)) septets += 2
    else return text.length * 2
  }
  return Math.ceil((septets * 7) / 8)
}

export interface SmsFormatSettings {
  androidHashPlacement: 'before-origin-line' | 'end'
}

function fill(template: string, code: string, appName: string): string {
  return template.replaceAll('{code}', code).replaceAll('{app}', appName)
}

function templateFor(input: ComposeInput<unknown>): string {
  const custom = appOtpSettings(input.app).otp?.['sms-otp']?.templates
  const text = (custom as Record<string, unknown> | undefined)?.[input.locale]
  return typeof text === 'string' && text.trim() ? text : defaultSmsTemplates[input.locale]
}

export function smsText(input: ComposeInput<SmsFormatSettings>): string {
  const originLine = `@${input.domain} #${input.code}`
  const hash = appOtpSettings(input.app).androidAppHash
  const androidHash = typeof hash === 'string' && androidAppHashPattern.test(hash) ? hash : null
  const assemble = (body: string) => {
    const lines = body ? [body, ''] : []
    if (!androidHash) return [...lines, originLine].join('\n')
    return input.settings.androidHashPlacement === 'end'
      ? [...lines, originLine, androidHash].join('\n')
      : [...lines, androidHash, originLine].join('\n')
  }
  const full = assemble(fill(templateFor(input), input.code, input.app.name))
  if (!androidHash || smsPayloadBytes(full) <= SMS_RETRIEVER_MAX_BYTES) return full
  // Too long for SMS Retriever: a shorter body, then none (the origin line carries the code).
  const short = assemble(fill(minimalTemplates[input.locale], input.code, input.app.name))
  return smsPayloadBytes(short) <= SMS_RETRIEVER_MAX_BYTES ? short : assemble('')
}
