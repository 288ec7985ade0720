/**
 * The one-time-code engine (`otp`): a code method (SMS, call, e-mail) mounts it with its
 * settings and message; limits and lockouts then behave like every other code method's.
 */
export { mountOtpMethod } from '../api/otp/routes.ts'
export {
  otpSettingsSchema,
  phoneOtpSettingsSchema,
  appOtpSettings,
  assertPhoneAccepted,
  otpBaseSecret,
  type ComposeInput,
  type ComposedMessage,
  type OtpLocale,
  type OtpMethod,
  type OtpSettings,
  type PhoneOtpSettings,
} from '../modules/otp/index.ts'
