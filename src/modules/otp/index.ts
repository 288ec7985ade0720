/**
 * The one-time-code engine: what the `sms-otp`, `flash-call` and `email-otp` plugins use. Its
 * HTTP routes (`mountOtpMethod`) live in src/api/otp; the SDK's `otp` group exports both.
 */
export {
  createOtpEngine,
  pickLocale,
  type ComposeInput,
  type ComposedMessage,
  type OtpEngine,
  type OtpLocale,
  type OtpMethod,
  type OtpRequestContext,
} from './engine.ts'
export type { OtpDeps } from './deps.ts'
export type { OtpMethodInfo, OtpMethodRegistry } from './registry.ts'
export {
  appOtpSettings,
  otpSettingsSchema,
  phoneOtpSettingsSchema,
  settingsForApp,
  type AnyOtpSettings,
  type OtpAppSettings,
  type OtpDefaults,
  type OtpSettings,
  type PhoneOtpSettings,
} from './settings.ts'
export { assertPhoneAccepted } from './phone.ts'
export { otpError, otpErrorCodes, registerOtpErrors, type OtpErrorCode } from './errors.ts'
export { guessBound, greedyGuessTimes, type GuessBound } from './bound.ts'
export { lockoutSecondsForStep, attemptsForNextCode } from './limits.ts'
export { webOtpDomain, type SendResult, type ChallengePayload } from './send.ts'
export type { VerifyResult } from './verify.ts'
// The server secret behind the code keys, for plugins that derive their own keys from it (totp).
export { otpBaseSecret } from './keys.ts'
export { hasAppAccess } from './reachability.ts'
export { createOtpMethodRegistry } from './registry.ts'
export { appOtpOverridesSchema } from './settings.ts'
export { peekSetupToken, takeSetupToken } from './setup-token.ts'
