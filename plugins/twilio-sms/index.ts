import {
  ConfigError,
  defineDeliveryProvider,
  z,
  type CoreServices,
  type PluginContext,
} from '../../src/core/index.ts'
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

export type TwilioSmsSettings = z.output<typeof settings>

/** Env values that are set and non-empty, under their settings names. */
function fromEnv(pairs: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(pairs).filter(([, v]) => v)) as Record<string, string>
}

/** Whether DELIVERY_SMS / _EMAIL / _CALL names this plugin. */
export function isSelected(config: CoreServices['config'], id: string): boolean {
  return [config.DELIVERY_SMS, config.DELIVERY_EMAIL, config.DELIVERY_CALL].includes(id)
}

function configProblems(ctx: PluginContext<TwilioSmsSettings>): string[] {
  const s = ctx.settings
  const problems: string[] = []
  if (!s.accountSid)
    problems.push('TWILIO_ACCOUNT_SID is required (wrangler secret put TWILIO_ACCOUNT_SID)')
  if (!s.authToken)
    problems.push('TWILIO_AUTH_TOKEN is required (wrangler secret put TWILIO_AUTH_TOKEN)')
  if (!s.from && !s.messagingServiceSid) {
    problems.push('TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID is required')
  }
  return problems.map((p) => `plugin twilio-sms (DELIVERY_SMS=twilio-sms): ${p}`)
}

/** SMS through Twilio's REST API, with signed delivery-status callbacks. */
export const twilioSms = defineDeliveryProvider({
  id: 'twilio-sms',
  kind: 'delivery-provider',
  name: 'Twilio SMS',
  description:
    'Sends SMS through the Twilio Messages API; status callbacks update the delivery log.',
  channels: ['sms'],
  settings,
  settingsFromEnv: (env) =>
    fromEnv({
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
    // Selected but incomplete: refuse to start rather than fail at the first sign-in.
    const problems = isSelected(ctx.config, ctx.pluginId) ? configProblems(ctx) : []
    if (problems.length) throw new ConfigError(problems)
    return createTwilioProvider({
      settings: ctx.settings,
      publicUrl: ctx.config.PUBLIC_URL,
      log: ctx.log,
    })
  },
  routes: (router, ctx) => mountTwilioStatusRoute(router, ctx),
})

export { twilioSignature } from './signature.ts'
