import type { DeliveryChannel } from '../delivery.ts'

export type MessageLocale = 'ru' | 'en'

/**
 * The language of a message to someone who has not told us theirs (an invitation, a reset, a
 * code without Accept-Language): the app's own setting when it has one, else Russian for
 * numbers of the +7 plan (Russia, Kazakhstan) and for e-mail — the people Propusk serves — and
 * English for other countries' numbers.
 */
export function recipientLocale(
  channel: DeliveryChannel,
  to: string,
  appLocale?: unknown,
): MessageLocale {
  if (appLocale === 'ru' || appLocale === 'en') return appLocale
  if (channel === 'email') return 'ru'
  return to.startsWith('+7') ? 'ru' : 'en'
}
