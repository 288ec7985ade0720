import type { DeliveryChannel } from '../../kernel/delivery.ts'

export type MessageLocale = 'ru' | 'en'

/**
 * The language of a message (an invitation, a reset, a code without Accept-Language): the
 * person's own message language when an admin set one (they know the person, the app does
 * not), else the app's setting when it has one, else Russian for numbers of the +7 plan
 * (Russia, Kazakhstan) and for e-mail — the people Propusk serves — and English for other
 * countries' numbers.
 */
export function recipientLocale(
  channel: DeliveryChannel,
  to: string,
  appLocale?: unknown,
  personLocale?: MessageLocale | null,
): MessageLocale {
  if (personLocale) return personLocale
  if (appLocale === 'ru' || appLocale === 'en') return appLocale
  if (channel === 'email') return 'ru'
  return to.startsWith('+7') ? 'ru' : 'en'
}
