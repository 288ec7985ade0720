import { defineDeliveryProvider, providers } from 'propusk/plugin'
import * as z from 'zod'
import { createSinchFlashCallProvider } from './provider.ts'

// Secrets are optional here: the plugin is installed everywhere but only checked where selected.
const settings = z.object({
  applicationKey: z
    .string()
    .min(1)
    .optional()
    .describe('SINCH_APPLICATION_KEY (Verification app key)'),
  applicationSecret: z
    .string()
    .min(1)
    .optional()
    .describe('SINCH_APPLICATION_SECRET (secret, base64 as shown in the dashboard)'),
  auth: z
    .enum(['signed', 'basic'])
    .default('signed')
    .describe('Application signed requests (production) or Basic auth (prototyping)'),
  baseUrl: z
    .url()
    .default('https://verification.api.sinch.com')
    .describe('Sinch Verification origin'),
  dialTimeoutSeconds: z
    .number()
    .int()
    .min(1)
    .max(60)
    .optional()
    .describe('How long the phone rings'),
  ...providers.retrySettings('after HTTP 429 or a refused connection'),
})

export type SinchFlashCallSettings = z.output<typeof settings>

/** International flash calls through Sinch Verification (method flashCall). */
export const sinchFlashCall = defineDeliveryProvider({
  id: 'sinch-flashcall',
  kind: 'delivery-provider',
  name: 'Sinch flash call',
  localized: {
    ru: {
      name: 'Звонок-код через Sinch',
      description: 'Звонок-код через Sinch: код — последние 4 цифры номера звонящего.',
    },
  },
  description:
    'Starts a Sinch flashCall verification; the code is the last 4 digits of the caller-id filter Sinch reports.',
  channels: ['call'],
  settings,
  settingsFromEnv: (env) =>
    providers.presentEnv({
      applicationKey: env.SINCH_APPLICATION_KEY,
      applicationSecret: env.SINCH_APPLICATION_SECRET,
    }),
  createProvider(ctx) {
    providers.requireWhenSelected(ctx, () => [
      !ctx.settings.applicationKey && 'SINCH_APPLICATION_KEY is required',
      !ctx.settings.applicationSecret &&
        'SINCH_APPLICATION_SECRET is required (wrangler secret put SINCH_APPLICATION_SECRET)',
    ])
    return createSinchFlashCallProvider(ctx.settings, ctx.log, ctx.now)
  },
})
