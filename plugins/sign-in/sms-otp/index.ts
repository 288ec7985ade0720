import { defineSignInMethod, otp } from 'propusk/plugin'
import * as z from 'zod'
import { smsText } from './message.ts'

const settings = otp
  .phoneOtpSettingsSchema({
    codeLength: 4, // R5
    ttlSeconds: 5 * 60,
    allowFirstSignIn: true, // R4: an invited person registers by proving the phone
  })
  .extend({
    androidHashPlacement: z
      .enum(['before-origin-line', 'end'])
      .default('before-origin-line')
      .describe('Where the Android app hash goes (see plugins/sign-in/sms-otp/message.ts)'),
  })

export type SmsOtpSettings = z.output<typeof settings>

/**
 * R5, R6: sign-in by a code sent by SMS to a mobile number of an allowed country (Russia by
 * default). The code auto-fills on Android (SMS Retriever), in browsers (WebOTP) and on iOS.
 */
export const smsOtp = defineSignInMethod({
  id: 'sms-otp',
  kind: 'sign-in-method',
  name: 'SMS code',
  localized: {
    ru: { name: 'Код по SMS', description: 'Одноразовый код по SMS на телефон учётной записи.' },
  },
  description: 'A one-time code by SMS to the phone on the account.',
  loginKinds: ['phone'],
  settings,
  routes(router, ctx) {
    otp.mountOtpMethod(router, ctx, {
      id: ctx.pluginId,
      loginKind: 'phone',
      channel: 'sms',
      schema: settings,
      // Read at each use: a setting saved in the console applies without a restart.
      get settings() {
        return ctx.settings
      },
      code: 'generated',
      compose: (input) => ({ text: smsText(input) }),
      assertAccepts: (login, s) => otp.assertPhoneAccepted(login, s, 'Sign-in by SMS code'),
    })
  },
})

export { smsPayloadBytes, smsText, defaultSmsTemplates } from './message.ts'
