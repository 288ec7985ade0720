/** R6: which phone numbers a phone method sends codes to (allowed countries, mobile only). */
import { otpError } from './errors.ts'
import { normalizePhone } from '../identity/index.ts'
import type { PhoneOtpSettings } from './settings.ts'

const countryNames: Record<string, string> = {
  RU: 'Russia (+7 9xx…)',
  KZ: 'Kazakhstan (+7 7xx…)',
  BY: 'Belarus (+375)',
}

const describe = (countries: string[]) => countries.map((c) => countryNames[c] ?? c).join(', ')

/** Throws `country_not_allowed` / `phone_not_mobile` with a message naming what is allowed. */
export function assertPhoneAccepted(
  login: string,
  settings: Pick<PhoneOtpSettings, 'allowedCountries' | 'mobileOnly'>,
  methodName: string,
): void {
  const phone = normalizePhone(login)
  const allowed = settings.allowedCountries
  if (!phone.ok || !phone.country || !allowed.includes(phone.country)) {
    throw otpError(
      'country_not_allowed',
      `${methodName} is only available for ${settings.mobileOnly ? 'mobile ' : ''}numbers of: ${describe(allowed)}.`,
      {
        allowedCountries: allowed,
        ...(phone.ok && phone.country ? { country: phone.country } : {}),
      },
    )
  }
  // A code sent to a landline never arrives (and costs money). Plans where mobile and fixed
  // numbers look alike (US) count as mobile.
  if (settings.mobileOnly && !phone.isMobile) {
    throw otpError(
      'phone_not_mobile',
      `${methodName} needs a mobile number; ${login} is not one.`,
      {
        allowedCountries: allowed,
      },
    )
  }
}
