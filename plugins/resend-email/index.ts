import { ConfigError, defineDeliveryProvider, z, type CoreServices } from '../../src/core/index.ts'
import { createResendProvider } from './provider.ts'

// Secrets are optional here: the plugin is installed everywhere but only checked where selected.
const settings = z.object({
  apiKey: z.string().min(1).optional().describe('RESEND_API_KEY (secret, re_...)'),
  from: z
    .string()
    .min(3)
    .optional()
    .describe('EMAIL_FROM: sender on a verified domain, e.g. "Propusk <no-reply@example.com>"'),
  replyTo: z.string().min(3).optional().describe('EMAIL_REPLY_TO (optional)'),
  baseUrl: z.url().default('https://api.resend.com').describe('Resend API origin'),
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  maxRetries: z
    .number()
    .int()
    .min(0)
    .max(2)
    .default(2)
    .describe('Retries on 429, 5xx and network errors'),
  retryDelayMs: z
    .number()
    .int()
    .min(0)
    .max(2_000)
    .default(250)
    .describe('First retry delay; doubles'),
})

export type ResendEmailSettings = z.output<typeof settings>

function isSelected(config: CoreServices['config'], id: string): boolean {
  return [config.DELIVERY_SMS, config.DELIVERY_EMAIL, config.DELIVERY_CALL].includes(id)
}

/** E-mail through Resend's REST API, with Resend's idempotency key so retries never duplicate. */
export const resendEmail = defineDeliveryProvider({
  id: 'resend-email',
  kind: 'delivery-provider',
  name: 'Resend e-mail',
  description: 'Sends e-mail through the Resend API (POST /emails) with an Idempotency-Key.',
  channels: ['email'],
  settings,
  settingsFromEnv: (env) =>
    Object.fromEntries(
      Object.entries({
        apiKey: env.RESEND_API_KEY,
        from: env.EMAIL_FROM,
        replyTo: env.EMAIL_REPLY_TO,
      }).filter(([, v]) => v),
    ),
  createProvider(ctx) {
    if (isSelected(ctx.config, ctx.pluginId)) {
      const problems: string[] = []
      if (!ctx.settings.apiKey)
        problems.push('RESEND_API_KEY is required (wrangler secret put RESEND_API_KEY)')
      if (!ctx.settings.from)
        problems.push('EMAIL_FROM is required (a sender on a domain verified in Resend)')
      if (problems.length) {
        throw new ConfigError(
          problems.map((p) => `plugin resend-email (DELIVERY_EMAIL=resend-email): ${p}`),
        )
      }
    }
    return createResendProvider(ctx.settings, ctx.log)
  },
})
