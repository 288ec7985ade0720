import { defineDeliveryProvider, providers } from 'propusk/plugin'
import * as z from 'zod'
import { createWebhookProvider } from './provider.ts'

const channelUrls = z
  .object({ sms: z.url().optional(), email: z.url().optional(), call: z.url().optional() })
  .default({})

// URL and secret are optional here: the plugin is installed everywhere, checked only where selected.
const settings = z.object({
  url: z.url().optional().describe('WEBHOOK_DELIVERY_URL: where every channel posts by default'),
  urls: channelUrls.describe('Per-channel URLs that override `url`'),
  secret: z
    .string()
    .min(16)
    .optional()
    .describe('WEBHOOK_DELIVERY_SECRET (secret): HMAC key of the Propusk-Signature header'),
  ...providers.retrySettings('on 429, 5xx, timeouts and network errors (receivers dedupe by id)', {
    maxRetries: 5,
    retryDelayMs: 5_000,
  }),
})

export type WebhookDeliverySettings = z.output<typeof settings>

/** Signed JSON to any URL: the way to plug in a provider Propusk does not ship. */
export const webhookDelivery = defineDeliveryProvider({
  id: 'webhook-delivery',
  kind: 'delivery-provider',
  name: 'Webhook delivery',
  localized: {
    ru: {
      name: 'Доставка через вебхук',
      description: 'Отправляет каждое SMS, письмо или звонок подписанным JSON на ваш адрес.',
    },
  },
  description:
    'POSTs each SMS, e-mail or flash call as signed JSON (Propusk-Signature) to your URL.',
  channels: ['sms', 'email', 'call'],
  settings,
  settingsFromEnv: (env) =>
    providers.presentEnv({ url: env.WEBHOOK_DELIVERY_URL, secret: env.WEBHOOK_DELIVERY_SECRET }),
  createProvider(ctx) {
    providers.requireWhenSelected(ctx, (channels) => [
      ...channels.map(
        (channel) =>
          !ctx.settings.urls[channel] &&
          !ctx.settings.url &&
          `WEBHOOK_DELIVERY_URL (or settings urls.${channel}) is required for ${channel}`,
      ),
      !ctx.settings.secret &&
        'WEBHOOK_DELIVERY_SECRET is required (wrangler secret put WEBHOOK_DELIVERY_SECRET)',
    ])
    return createWebhookProvider(ctx.settings, ctx.log, ctx.now)
  },
})

export { signWebhookBody } from './provider.ts'
