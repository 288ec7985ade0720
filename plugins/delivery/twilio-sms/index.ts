import { defineDeliveryProvider, providers } from 'propusk/plugin'
import * as z from 'zod'
import { createTwilioProvider } from './provider.ts'
import { mountTwilioStatusRoute } from './routes.ts'

// Secrets are optional here: the plugin is installed everywhere but only checked where selected.
const settings = z.object({
  accountSid: z.string().min(1).optional().describe('TWILIO_ACCOUNT_SID (AC...)'),
  authToken: z.string().min(1).optional().describe('TWILIO_AUTH_TOKEN (secret)'),
  from: z.string().min(1).optional().describe('TWILIO_FROM: sender number or alphanumeric id'),
  messagingServiceSid: z
    .string()
    .min(1)
    .optional()
    .describe('TWILIO_MESSAGING_SERVICE_SID (MG...); used instead of From when set'),
  baseUrl: z.url().default('https://api.twilio.com').describe('Twilio REST origin'),
  statusCallbacks: z
    .boolean()
    .default(true)
    .describe('Ask Twilio to post delivery status to PUBLIC_URL/v1/providers/twilio-sms/status'),
  ...providers.retrySettings('after HTTP 429 or a refused connection'),
})

export type TwilioSmsSettings = z.output<typeof settings>

/** SMS through Twilio's REST API, with signed delivery-status callbacks. */
export const twilioSms = defineDeliveryProvider({
  id: 'twilio-sms',
  kind: 'delivery-provider',
  name: 'Twilio SMS',
  localized: {
    ru: {
      name: 'SMS через Twilio',
      description: 'Отправляет SMS через Twilio; статусы доставки попадают в журнал доставки.',
    },
  },
  description:
    'Sends SMS through the Twilio Messages API; status callbacks update the delivery log.',
  channels: ['sms'],
  settings,
  settingsFromEnv: (env) =>
    providers.presentEnv({
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      from: env.TWILIO_FROM,
      messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
    }),
  errorCodes: {
    twilio_signature_invalid: {
      status: 403,
      message: 'The request is not signed by Twilio with this account.',
    },
    twilio_not_configured: { status: 404, message: 'Twilio SMS is not configured here.' },
  },
  createProvider(ctx) {
    providers.requireWhenSelected(ctx, () => [
      !ctx.settings.accountSid &&
        'TWILIO_ACCOUNT_SID is required (wrangler secret put TWILIO_ACCOUNT_SID)',
      !ctx.settings.authToken &&
        'TWILIO_AUTH_TOKEN is required (wrangler secret put TWILIO_AUTH_TOKEN)',
      !ctx.settings.from &&
        !ctx.settings.messagingServiceSid &&
        'TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID is required',
    ])
    return createTwilioProvider({
      settings: ctx.settings,
      publicUrl: ctx.config.PUBLIC_URL,
      log: ctx.log,
    })
  },
  routes: (router, ctx) => mountTwilioStatusRoute(router, ctx),
})

export { twilioSignature } from './signature.ts'
