/**
 * A person's phone is their login for SMS codes and where SMS invitations go (R3, R5), so the
 * admin API refuses numbers that cannot receive SMS: landlines and special numbers (toll-free,
 * premium, VoIP…). Numbers whose plan cannot tell mobile from fixed (fixed-line-or-mobile, as
 * in the US) pass, as they do for the one-time-code methods (`isMobile`).
 */
import type { FieldIssue } from '../../kernel/errors.ts'
import { normalizePhone } from '../../modules/identity/index.ts'
import { otpError, type OtpErrorCode } from '../../modules/otp/index.ts'

/** The same code the one-time-code methods answer for such a number (src/modules/otp/errors.ts). */
export const PHONE_NOT_MOBILE = 'phone_not_mobile' satisfies OtpErrorCode

/** The field problem of a stored-form (E.164) phone that is not mobile; null when it is fine. */
export function notMobileIssue(e164: string, field = 'phone'): FieldIssue | null {
  const parsed = normalizePhone(e164)
  if (!parsed.ok || parsed.isMobile) return null
  const what = parsed.lineType === 'fixed-line' ? 'a landline number' : 'not a mobile number'
  return {
    field,
    code: PHONE_NOT_MOBILE,
    params: { lineType: parsed.lineType },
    message: `This is ${what}: it cannot receive SMS codes or invitations. Enter a mobile number.`,
  }
}

/** 400 `phone_not_mobile` naming the field, for create and update. */
export function assertMobilePhone(phone: string | null | undefined): void {
  const issue = phone ? notMobileIssue(phone) : null
  if (issue) throw otpError(PHONE_NOT_MOBILE, issue.message, { fields: [issue] })
}
