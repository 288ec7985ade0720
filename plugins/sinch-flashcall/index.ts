import { ConfigError, defineDeliveryProvider, z } from '../../src/core/index.ts'
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
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  maxRetries: z
    .number()
    .int()
    .min(0)
    .max(2)
    .default(2)
    .describe('Retries after HTTP 429 or a refused connection'),
  retryDelayMs: z
    .number()
    .int()
    .min(0)
    .max(2_000)
    .default(250)
    .describe('First retry delay; doubles'),
})

export type SinchFlashCallSettings = z.output<typeof settings>

/** International flash calls through Sinch Verification (method flashCall). */
export const sinchFlashCall = defineDeliveryProvider({
  id: 'sinch-flashcall',
  kind: 'delivery-provider',
  name: 'Sinch flash call',
  description:
    'Starts a Sinch flashCall verification; the code is the last 4 digits of the caller-id filter Sinch reports.',
  channels: ['call'],
  settings,
  settingsFromEnv: (env) =>
    Object.fromEntries(
      Object.entries({
        applicationKey: env.SINCH_APPLICATION_KEY,
        applicationSecret: env.SINCH_APPLICATION_SECRET,
      }).filter(([, v]) => v),
    ),
  createProvider(ctx) {
    const selected = [ctx.config.DELIVERY_SMS, ctx.config.DELIVERY_EMAIL, ctx.config.DELIVERY_CALL]
    if (selected.includes(ctx.pluginId)) {
      const problems: string[] = []
      if (!ctx.settings.applicationKey) problems.push('SINCH_APPLICATION_KEY is required')
      if (!ctx.settings.applicationSecret) {
        problems.push(
          'SINCH_APPLICATION_SECRET is required (wrangler secret put SINCH_APPLICATION_SECRET)',
        )
      }
      if (problems.length) {
        throw new ConfigError(
          problems.map((p) => `plugin sinch-flashcall (DELIVERY_CALL=sinch-flashcall): ${p}`),
        )
      }
    }
    return createSinchFlashCallProvider(ctx.settings, ctx.log, ctx.now)
  },
})
