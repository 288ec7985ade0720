import {
  type AppEnv,
  createRoute,
  errorResponse,
  type OpenAPIHono,
  type PluginContext,
} from 'propusk/plugin'
import * as z from 'zod'
import { callbackErrorCode, twilioStatus } from './errors.ts'
import { statusCallbackPath } from './provider.ts'
import { isValidTwilioSignature } from './signature.ts'
import type { TwilioSmsSettings } from './index.ts'

// Twilio posts more fields than these (From, To, ApiVersion, ...): all of them are signed.
const statusForm = z
  .object({
    MessageSid: z.string().min(1),
    MessageStatus: z.string().min(1),
    AccountSid: z.string().optional(),
    ErrorCode: z.string().optional(),
  })
  .loose()
  .openapi('TwilioStatusCallback')

const statusRoute = createRoute({
  method: 'post',
  path: '/status',
  operationId: 'twilioSmsStatusCallback',
  security: [],
  tags: ['Delivery providers'],
  summary: 'Twilio message status callback (signed with X-Twilio-Signature)',
  request: {
    headers: z.object({
      'x-twilio-signature': z.string().optional().openapi({
        description: 'Base64 HMAC-SHA1 of URL + sorted params, keyed with the auth token',
      }),
    }),
    body: {
      required: true,
      content: { 'application/x-www-form-urlencoded': { schema: statusForm } },
    },
  },
  responses: {
    204: { description: 'Status recorded (or ignored when it is not a delivery status)' },
    400: errorResponse('`validation_failed`: not a status callback form'),
    403: errorResponse('`twilio_signature_invalid`: the X-Twilio-Signature is missing or wrong'),
    404: errorResponse('`twilio_not_configured`: twilio-sms has no auth token configured'),
  },
})

export function mountTwilioStatusRoute(
  router: OpenAPIHono<AppEnv>,
  ctx: PluginContext<TwilioSmsSettings>,
): void {
  router.openapi(statusRoute, async (c) => {
    const authToken = ctx.settings.authToken
    if (!authToken) throw ctx.errors.error('twilio_not_configured')
    // Twilio signs the URL it was given (PUBLIC_URL based), not what a proxy forwards to us.
    const search = new URL(c.req.url).search
    const url = `${ctx.config.PUBLIC_URL.replace(/\/+$/, '')}${statusCallbackPath}${search}`
    const params = new URLSearchParams(await c.req.text())
    const signature = c.req.header('x-twilio-signature') ?? ''
    if (!(await isValidTwilioSignature(authToken, url, params, signature))) {
      c.get('log').warn('twilio-sms: status callback with a bad signature')
      throw ctx.errors.error('twilio_signature_invalid')
    }
    const form = c.req.valid('form')
    const status = twilioStatus(form.MessageStatus)
    if (status) {
      const error = status === 'failed' ? callbackErrorCode(form.ErrorCode) : undefined
      await ctx.delivery.updateStatus({
        provider: 'twilio-sms',
        messageId: form.MessageSid,
        status,
        ...(error ? { error } : {}),
      })
    }
    return c.body(null, 204)
  })
}
