import { type ApiError, defineSignInMethod, otp, type PluginContext } from 'propusk/plugin'
import type * as z from 'zod'

const settings = otp.phoneOtpSettingsSchema({
  // The code is the last digits of the calling number (R9: four).
  codeLength: 4,
  ttlSeconds: 5 * 60,
  allowFirstSignIn: true,
})

export type FlashCallSettings = z.output<typeof settings>

const callFailedMessage = 'The call could not be placed; request the code by SMS instead.'

/** The client may fall back to an SMS code when the app offers it (R9: the user chooses). */
export function callFailed(
  errors: PluginContext<unknown>['errors'],
  error: unknown,
  app: { signInMethods: string[] },
): ApiError {
  const reason =
    error instanceof Error && 'code' in error && typeof error.code === 'string'
      ? error.code
      : 'provider_unavailable'
  return errors.error('call_failed', undefined, {
    reason,
    ...(app.signInMethods.includes('sms-otp') ? { fallback: 'sms-otp' } : {}),
  })
}

/**
 * R9: sign-in by an incoming call whose caller number ends in the code. The delivery provider
 * places the call and reports the digits; the person types the last four (or the app reads them).
 */
export const flashCall = defineSignInMethod({
  id: 'flash-call',
  kind: 'sign-in-method',
  name: 'Flash call',
  localized: {
    ru: {
      name: 'Звонок-код',
      description: 'Входящий звонок: код — последние цифры номера звонящего.',
    },
  },
  description: 'An incoming call; the code is the last digits of the calling number.',
  loginKinds: ['phone'],
  settings,
  errorCodes: { call_failed: { status: 502, message: callFailedMessage } },
  routes(router, ctx) {
    otp.mountOtpMethod(
      router,
      ctx,
      {
        id: ctx.pluginId,
        loginKind: 'phone',
        channel: 'call',
        schema: settings,
        // Read at each use: a setting saved in the console applies without a restart.
        get settings() {
          return ctx.settings
        },
        code: 'receipt',
        assertAccepts: (login, s) => otp.assertPhoneAccepted(login, s, 'Sign-in by flash call'),
        deliveryError: (error, app) => callFailed(ctx.errors, error, app),
      },
      {
        502: '`call_failed`: the call was not placed; `fallback: "sms-otp"` when the app offers SMS',
      },
    )
  },
})
