import { defineDeliveryProvider, providers } from 'propusk/plugin'
import * as z from 'zod'
import { createSmsRuCallProvider } from './provider.ts'

// The key is optional here: the plugin is installed everywhere but only checked where selected.
const settings = z.object({
  apiId: z.string().min(1).optional().describe('SMSRU_API_ID (secret) from the sms.ru cabinet'),
  baseUrl: z.url().default('https://sms.ru').describe('sms.ru API origin'),
  ...providers.retrySettings(
    'when sms.ru answers 220/500 ("repeat the request") or cannot be reached',
  ),
})

export type SmsRuCallSettings = z.output<typeof settings>

/** Flash calls through sms.ru: the caller number's last 4 digits are the code (R9). */
export const smsRuCall = defineDeliveryProvider({
  id: 'smsru-call',
  kind: 'delivery-provider',
  name: 'sms.ru flash call',
  localized: {
    ru: {
      name: 'Звонок-код через sms.ru',
      description: 'Звонок со случайного номера; код — его последние 4 цифры.',
    },
  },
  description:
    'Places a call from a random number whose last 4 digits sms.ru reports (POST /code/call).',
  channels: ['call'],
  settings,
  settingsFromEnv: (env) => (env.SMSRU_API_ID ? { apiId: env.SMSRU_API_ID } : {}),
  createProvider(ctx) {
    providers.requireWhenSelected(ctx, () => [
      !ctx.settings.apiId && 'SMSRU_API_ID is required (wrangler secret put SMSRU_API_ID)',
    ])
    return createSmsRuCallProvider(ctx.settings, ctx.log)
  },
})
