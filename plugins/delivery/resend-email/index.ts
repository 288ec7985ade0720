import { defineDeliveryProvider, providers } from 'propusk/plugin'
import * as z from 'zod'
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
  ...providers.retrySettings('on 429, 5xx and network errors'),
})

export type ResendEmailSettings = z.output<typeof settings>

/** E-mail through the `resend` SDK, with Resend's idempotency key so retries never duplicate. */
export const resendEmail = defineDeliveryProvider({
  id: 'resend-email',
  kind: 'delivery-provider',
  name: 'Resend e-mail',
  localized: {
    ru: { name: 'E-mail через Resend', description: 'Отправляет письма через Resend.' },
  },
  description: 'Sends e-mail with the Resend SDK (POST /emails) and an Idempotency-Key.',
  channels: ['email'],
  settings,
  settingsFromEnv: (env) =>
    providers.presentEnv({
      apiKey: env.RESEND_API_KEY,
      from: env.EMAIL_FROM,
      replyTo: env.EMAIL_REPLY_TO,
    }),
  createProvider(ctx) {
    providers.requireWhenSelected(ctx, () => [
      !ctx.settings.apiKey && 'RESEND_API_KEY is required (wrangler secret put RESEND_API_KEY)',
      !ctx.settings.from && 'EMAIL_FROM is required (a sender on a domain verified in Resend)',
    ])
    return createResendProvider(ctx.settings, ctx.log)
  },
})
