import {
  ConfigError,
  defineDeliveryProvider,
  z,
  type DeliveryChannel,
  type PluginContext,
} from '../../src/core/index.ts'
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
  timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  maxRetries: z
    .number()
    .int()
    .min(0)
    .max(5)
    .default(2)
    .describe('Retries on 429, 5xx, timeouts and network errors (receivers dedupe by id)'),
  retryDelayMs: z
    .number()
    .int()
    .min(0)
    .max(5_000)
    .default(250)
    .describe('First retry delay; doubles'),
})

export type WebhookDeliverySettings = z.output<typeof settings>

function selectedChannels(ctx: PluginContext<WebhookDeliverySettings>): DeliveryChannel[] {
  const chosen: Record<DeliveryChannel, string> = {
    sms: ctx.config.DELIVERY_SMS,
    email: ctx.config.DELIVERY_EMAIL,
    call: ctx.config.DELIVERY_CALL,
  }
  return (Object.keys(chosen) as DeliveryChannel[]).filter((ch) => chosen[ch] === ctx.pluginId)
}

/** Signed JSON to any URL: the way to plug in a provider Propusk does not ship. */
export const webhookDelivery = defineDeliveryProvider({
  id: 'webhook-delivery',
  kind: 'delivery-provider',
  name: 'Webhook delivery',
  description:
    'POSTs each SMS, e-mail or flash call as signed JSON (Propusk-Signature) to your URL.',
  channels: ['sms', 'email', 'call'],
  settings,
  settingsFromEnv: (env) =>
    Object.fromEntries(
      Object.entries({ url: env.WEBHOOK_DELIVERY_URL, secret: env.WEBHOOK_DELIVERY_SECRET }).filter(
        ([, v]) => v,
      ),
    ),
  createProvider(ctx) {
    const problems: string[] = []
    const channels = selectedChannels(ctx)
    for (const channel of channels) {
      if (!ctx.settings.urls[channel] && !ctx.settings.url) {
        problems.push(
          `WEBHOOK_DELIVERY_URL (or settings urls.${channel}) is required for ${channel}`,
        )
      }
    }
    if (channels.length && !ctx.settings.secret) {
      problems.push(
        'WEBHOOK_DELIVERY_SECRET is required (wrangler secret put WEBHOOK_DELIVERY_SECRET)',
      )
    }
    if (problems.length) throw new ConfigError(problems.map((p) => `plugin webhook-delivery: ${p}`))
    return createWebhookProvider(ctx.settings, ctx.log, ctx.now)
  },
})

export { signWebhookBody } from './provider.ts'
