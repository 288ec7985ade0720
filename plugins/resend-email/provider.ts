import {
  DeliveryError,
  readJsonBody,
  sendToProvider,
  sha256Hex,
  type DeliveryProvider,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
} from '../../src/core/index.ts'
import type { ResendEmailSettings } from './index.ts'

/** Resend's error body: https://resend.com/docs/api-reference/errors */
interface ResendErrorBody {
  statusCode?: number
  name?: string
  message?: string
}

/**
 * Maps a refused request. Every retryable case is safe to retry because the same
 * Idempotency-Key makes Resend answer a repeat with the first result instead of sending again.
 */
export function resendError(status: number, body: ResendErrorBody | null): DeliveryError {
  const name = body?.name ?? 'unknown'
  const detail = `Resend ${status} ${name}: ${body?.message ?? 'no error body'}`
  if (status === 429) {
    // Quotas reset daily/monthly: retrying within seconds cannot help.
    const quota = name === 'daily_quota_exceeded' || name === 'monthly_quota_exceeded'
    return quota
      ? new DeliveryError('provider_rejected', detail)
      : new DeliveryError('provider_unavailable', detail, true)
  }
  if (status === 409 && name === 'concurrent_idempotent_requests') {
    return new DeliveryError('provider_unavailable', detail, true)
  }
  if (status >= 500) return new DeliveryError('provider_unavailable', detail, true)
  if (
    (status === 422 || status === 400) &&
    /[`'"]to[`'"]|\bto field|recipient/i.test(body?.message ?? '')
  ) {
    return new DeliveryError('invalid_recipient', detail)
  }
  // 401/403 (API key, unverified domain), invalid_from_address, other validation: our setup.
  return new DeliveryError('provider_rejected', detail)
}

/** Resend accepts keys up to 256 characters; longer ones are hashed (still one key per message). */
async function idempotencyKey(key: string): Promise<string> {
  return key.length <= 256 ? key : `sha256:${await sha256Hex(key)}`
}

/** The receipt of an accepted e-mail, or the DeliveryError any other answer means. */
async function read(response: Response): Promise<DeliveryReceipt> {
  if (!response.ok) throw resendError(response.status, await readJsonBody(response))
  const sent = await readJsonBody<{ id?: string }>(response)
  return { provider: 'resend-email', status: 'sent', ...(sent?.id ? { messageId: sent.id } : {}) }
}

export function createResendProvider(settings: ResendEmailSettings, log: Logger): DeliveryProvider {
  function request(message: OutboundMessage, key: string): Request {
    if (!settings.apiKey || !settings.from) {
      throw new DeliveryError(
        'provider_unavailable',
        'resend-email is not configured: set RESEND_API_KEY and EMAIL_FROM',
      )
    }
    const body = {
      from: settings.from,
      to: [message.to],
      subject: message.subject ?? '',
      ...(message.html ? { html: message.html } : {}),
      ...(message.text ? { text: message.text } : {}),
      ...(settings.replyTo ? { reply_to: settings.replyTo } : {}),
    }
    return new Request(`${settings.baseUrl.replace(/\/+$/, '')}/emails`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${settings.apiKey}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body: JSON.stringify(body),
    })
  }

  return {
    async send(message) {
      if (message.channel !== 'email' || (!message.text && !message.html)) {
        throw new DeliveryError('provider_rejected', 'resend-email sends e-mail with text or html')
      }
      const key = await idempotencyKey(message.idempotencyKey)
      return sendToProvider(request(message, key), {
        ...settings,
        provider: 'Resend',
        // No `duplicate`: even if Resend got it, the idempotency key turns a retry into a lookup.
        read,
        log,
        name: 'resend-email',
      })
    },
  }
}
