import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { coreError } from '../../kernel/errors.ts'
import type { DeliveryChannel } from '../../kernel/delivery.ts'
import { maskRecipient } from '../../modules/delivery/index.ts'
import { accountError } from '../../modules/onboarding/index.ts'
import { errorResponse } from '../../kernel/http/api-docs.ts'
import { errorLang } from '../../kernel/i18n/localize.ts'
import { normalizeEmail, normalizePhone } from '../../modules/identity/index.ts'
import { randomToken } from '../../kernel/crypto.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { requireAuth } from '../auth.ts'

/**
 * Which provider delivers each channel (the `DELIVERY_*` settings), and a test message an admin
 * sends to a number or address they type, to check a provider's keys before people depend on
 * it. A test send is audited (`delivery.test`), limited per admin (it costs money and could be
 * used to spam) and needs `settings:write`.
 */
const channels = ['sms', 'email', 'call'] as const
const settingOf = { sms: 'DELIVERY_SMS', email: 'DELIVERY_EMAIL', call: 'DELIVERY_CALL' } as const

export const deliveryTestLimit = { limit: 5, windowMs: 10 * 60_000 }

const channelView = z
  .object({
    channel: z.enum(channels),
    provider: z.string().describe('Plugin id of the provider in use'),
    name: z.string(),
    localized: z.record(z.string(), z.object({ name: z.string() })).optional(),
  })
  .openapi('DeliveryChannel')

const listRoute = createRoute({
  method: 'get',
  path: '/v1/admin/delivery/channels',
  operationId: 'adminDeliveryChannels',
  tags: ['Admin console'],
  summary: 'The provider in use for each channel (SMS, e-mail, call)',
  security: [{ bearerAuth: [] }],
  middleware: [requireAuth({ appTypes: ['admin-console'], permission: 'settings:read' })] as const,
  responses: {
    200: {
      description: 'Channels',
      content: { 'application/json': { schema: z.object({ channels: z.array(channelView) }) } },
    },
    401: errorResponse('`unauthorized`: no or bad access token'),
    403: errorResponse('`forbidden`: not an admin-console token with settings:read'),
  },
})

const testRoute = createRoute({
  method: 'post',
  path: '/v1/admin/delivery/test',
  operationId: 'adminDeliveryTest',
  tags: ['Admin console'],
  summary: 'Send a test message through a channel’s provider',
  description: `At most ${deliveryTestLimit.limit} per admin in 10 minutes; audited as \`delivery.test\`. The text is in the admin's language (Accept-Language).`,
  security: [{ bearerAuth: [] }],
  middleware: [requireAuth({ appTypes: ['admin-console'], permission: 'settings:write' })] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            channel: z.enum(channels),
            to: z.string().min(1).max(254).describe('A phone (sms, call) or an e-mail address'),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The provider accepted it',
      content: {
        'application/json': {
          schema: z.object({
            provider: z.string(),
            status: z.string(),
            to: z.string().describe('The recipient as sent: E.164 or the normalised address'),
            messageId: z.string().optional(),
          }),
        },
      },
    },
    400: errorResponse('`validation_failed`: not a phone or address for that channel'),
    401: errorResponse('`unauthorized`: no or bad access token'),
    403: errorResponse('`forbidden`: not an admin-console token with settings:write'),
    429: errorResponse('`rate_limited`: too many test messages'),
    502: errorResponse('`delivery_failed`: the provider refused or failed (`reason`)'),
  },
})

const texts = {
  ru: { subject: 'Пропуск: проверка доставки', text: 'Пропуск: проверка доставки. Всё работает.' },
  en: { subject: 'Propusk: delivery test', text: 'Propusk: delivery test. It works.' },
}

/** The recipient in stored form, or a field problem. */
function recipient(channel: DeliveryChannel, to: string): string {
  if (channel === 'email') {
    const email = normalizeEmail(to)
    if (email.ok) return email.email
    throw coreError('validation_failed', 'Not a valid e-mail address.', {
      fields: [{ field: 'to', code: 'email_invalid', message: 'Not a valid e-mail address.' }],
    })
  }
  const phone = normalizePhone(to)
  if (phone.ok) return phone.e164
  const message = 'Not a valid phone number; write it with the country code.'
  throw coreError('validation_failed', message, {
    fields: [{ field: 'to', code: 'phone_invalid', message }],
  })
}

export function mountDeliveryChannels(app: OpenAPIHono<AppEnv>, services: CoreServices): void {
  services.limits.register('console', { 'delivery-test': deliveryTestLimit })

  app.openapi(listRoute, (c) => {
    const list = channels.map((channel) => {
      const provider = services.config[settingOf[channel]]
      const plugin = services.plugins.find((p) => p.id === provider)
      const localized = plugin?.localized
        ? Object.fromEntries(
            Object.entries(plugin.localized).map(([lang, text]) => [lang, { name: text.name }]),
          )
        : undefined
      return {
        channel,
        provider,
        name: plugin?.name ?? provider,
        ...(localized ? { localized } : {}),
      }
    })
    return c.json({ channels: list }, 200)
  })

  app.openapi(testRoute, async (c) => {
    const { channel, to: typed } = c.req.valid('json')
    const to = recipient(channel, typed)
    const principal = c.get('principal')
    await services.limits.consume('console', 'delivery-test', principal.userId)
    const provider = services.config[settingOf[channel]]
    const words = texts[errorLang(c.req.header('accept-language'))]
    const audit = {
      actorType: 'user' as const,
      actorId: principal.userId,
      action: 'delivery.test',
      targetType: 'plugin',
      targetId: provider,
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
      appId: principal.appId,
    }
    try {
      const receipt = await services.delivery.send(
        {
          channel,
          to,
          ...(channel === 'call' ? {} : words),
          purpose: 'test',
          idempotencyKey: `test_${randomToken(12)}`,
        },
        { requestId: c.get('requestId') },
      )
      await services.identity.audit.record({
        ...audit,
        result: 'success',
        details: { channel, to: maskRecipient(to), status: receipt.status },
      })
      return c.json(
        {
          provider: receipt.provider,
          status: receipt.status,
          to,
          ...(receipt.messageId ? { messageId: receipt.messageId } : {}),
        },
        200,
      )
    } catch (error) {
      const reason =
        error instanceof Error && 'code' in error && typeof error.code === 'string'
          ? error.code
          : 'provider_unavailable'
      await services.identity.audit.record({
        ...audit,
        result: 'failure',
        details: { channel, to: maskRecipient(to), reason },
      })
      throw accountError('delivery_failed', undefined, { reason, provider })
    }
  })
}
