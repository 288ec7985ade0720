/**
 * How long an SMS is on the air. A text whose every character is in the GSM 03.38 alphabet
 * goes as GSM-7 (160 septets in one segment, 153 per segment once split, extension characters
 * such as `[` take two); one other character (Cyrillic) sends the whole text as UCS-2 (70 UTF-16
 * units in one segment, 67 once split). Operators bill per segment.
 */
const gsmBasic =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
const gsmExtension = '^{}\\[~]|€\f'

export interface SmsLength {
  encoding: 'gsm-7' | 'ucs-2'
  /** Septets (GSM-7) or UTF-16 units (UCS-2). */
  units: number
  segments: number
}

export function smsLength(text: string): SmsLength {
  let septets = 0
  for (const char of text) {
    if (gsmBasic.includes(char)) septets += 1
    else if (gsmExtension.includes(char)) septets += 2
    else {
      const units = text.length
      return { encoding: 'ucs-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) }
    }
  }
  return {
    encoding: 'gsm-7',
    units: septets,
    segments: septets <= 160 ? 1 : Math.ceil(septets / 153),
  }
}

/** Bytes of the payload: 7 bits per septet, 2 bytes per UCS-2 unit (one segment holds 140). */
export function smsPayloadBytes(text: string): number {
  const { encoding, units } = smsLength(text)
  return encoding === 'gsm-7' ? Math.ceil((units * 7) / 8) : units * 2
}

/** The payload of a single segment, in bytes: also SMS Retriever's limit on a whole message. */
export const SMS_SEGMENT_BYTES = 140
