import {
  cryptoUtils,
  DeliveryError,
  type DeliveryProvider,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
  providers,
} from 'propusk/plugin'
import type { WebhookDeliverySettings } from './index.ts'

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` (see README.md). */
export async function signWebhookBody(secret: string, body: string, unixSeconds: number) {
  const mac = await cryptoUtils.hmacSha256(secret, `${unixSeconds}.${body}`)
  return `t=${unixSeconds},v1=${cryptoUtils.toHex(mac)}`
}

/** What a receiver may answer with a 2xx (all optional, except callerDigits for calls). */
interface WebhookAnswer {
  messageId?: unknown
  status?: unknown
  callerDigits?: unknown
  cost?: { amount?: unknown; currency?: unknown }
}

const deliveryCodes = new Set<string>([
  'invalid_recipient',
  'region_not_allowed',
  'provider_unavailable',
  'provider_rejected',
])
const statuses = new Set<string>(['queued', 'sent', 'delivered', 'failed'])

/** A refusal: the receiver may name a delivery error code in `{"error":{"code","message"}}`. */
function refusal(status: number, body: { error?: { code?: unknown; message?: unknown } } | null) {
  const code = typeof body?.error?.code === 'string' ? body.error.code : undefined
  const detail = `Webhook ${status}${code ? ` ${code}` : ''}: ${
    typeof body?.error?.message === 'string' ? body.error.message : 'refused'
  }`
  // Retrying is safe: every attempt carries the same id, which receivers deduplicate on.
  if (status === 429 || status >= 500)
    return new DeliveryError('provider_unavailable', detail, true)
  if (code && deliveryCodes.has(code)) {
    return new DeliveryError(code as DeliveryError['code'], detail)
  }
  return new DeliveryError('provider_rejected', detail)
}

function receiptFrom(message: OutboundMessage, id: string, answer: WebhookAnswer | null) {
  const receipt: DeliveryReceipt = {
    provider: 'webhook-delivery',
    status:
      typeof answer?.status === 'string' && statuses.has(answer.status)
        ? (answer.status as DeliveryReceipt['status'])
        : 'sent',
    messageId: typeof answer?.messageId === 'string' ? answer.messageId : id,
  }
  if (typeof answer?.cost?.amount === 'string' && typeof answer.cost.currency === 'string') {
    receipt.cost = { amount: answer.cost.amount, currency: answer.cost.currency }
  }
  if (message.channel === 'call') {
    const digits = typeof answer?.callerDigits === 'string' ? answer.callerDigits : ''
    if (!/^\d{4,}$/.test(digits)) {
      // The call may be ringing already: do not retry, tell the client to fall back.
      throw new DeliveryError(
        'provider_unavailable',
        'The webhook accepted the call without {"callerDigits":"1234"}',
      )
    }
    receipt.callerDigits = digits.slice(-4)
  }
  return receipt
}

/** The receipt of an accepted message, or the DeliveryError any other answer means. */
function reader(message: OutboundMessage, id: string) {
  return async (response: Response): Promise<DeliveryReceipt> => {
    if (!response.ok) throw refusal(response.status, await providers.readJsonBody(response))
    return receiptFrom(message, id, await providers.readJsonBody<WebhookAnswer>(response))
  }
}

export function createWebhookProvider(
  settings: WebhookDeliverySettings,
  log: Logger,
  now: () => Date,
): DeliveryProvider {
  return {
    async send(message) {
      const url = settings.urls[message.channel] ?? settings.url
      const secret = settings.secret
      if (!url || !secret) {
        throw new DeliveryError(
          'provider_unavailable',
          'webhook-delivery is not configured: set WEBHOOK_DELIVERY_URL and WEBHOOK_DELIVERY_SECRET',
        )
      }
      // The id derives from the idempotency key: a retry or a repeated send is recognisable.
      const id = `msg_${(await cryptoUtils.sha256Hex(`webhook:${message.idempotencyKey}`)).slice(0, 32)}`
      const body = JSON.stringify({
        id,
        channel: message.channel,
        to: message.to,
        text: message.text ?? null,
        subject: message.subject ?? null,
        html: message.html ?? null,
        purpose: message.purpose,
        appId: message.appId ?? null,
        idempotencyKey: message.idempotencyKey,
        createdAt: now().toISOString(),
      })
      // Signed per attempt, with the time of that attempt.
      const signed = async () => {
        const signature = await signWebhookBody(secret, body, Math.floor(now().getTime() / 1000))
        return new Request(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Propusk-Signature': signature,
            'Idempotency-Key': id,
          },
          body,
        })
      }
      return providers.sendToProvider(signed, {
        ...settings,
        maxRetryDelayMs: 5000,
        provider: 'The webhook',
        // No `duplicate`: every attempt carries the same id, which receivers deduplicate on.
        read: reader(message, id),
        log,
        name: 'webhook-delivery',
      })
    },
  }
}
