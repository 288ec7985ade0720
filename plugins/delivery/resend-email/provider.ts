import { Resend } from 'resend'
import {
  cryptoUtils,
  DeliveryError,
  type DeliveryProvider,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
} from 'propusk/plugin'
import { resendError } from './errors.ts'
import type { ResendEmailSettings } from './index.ts'

/** Resend accepts keys up to 256 characters; longer ones are hashed (still one key per message). */
async function idempotencyKey(key: string): Promise<string> {
  return key.length <= 256 ? key : `sha256:${await cryptoUtils.sha256Hex(key)}`
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * E-mail through the official `resend` SDK. The SDK neither retries nor times out, and it never
 * throws (every failure comes back as `{ error }`), so each attempt gets its own timeout signal
 * and this loop retries what `resendError` calls retryable, always with the same key.
 */
export function createResendProvider(settings: ResendEmailSettings, log: Logger): DeliveryProvider {
  // The base URL is a constructor option: the SDK's RESEND_BASE_URL fallback reads
  // process.env, which a Worker does not have, so it is never relied on.
  const client =
    settings.apiKey && settings.from
      ? new Resend(settings.apiKey, { baseUrl: settings.baseUrl.replace(/\/+$/, '') })
      : null

  async function attempt(message: OutboundMessage, key: string): Promise<DeliveryReceipt> {
    if (!client || !settings.from) {
      throw new DeliveryError(
        'provider_unavailable',
        'resend-email is not configured: set RESEND_API_KEY and EMAIL_FROM',
      )
    }
    // The SDK's types want html or text (or a template); `send` checked one of them is there.
    const content = message.html
      ? { html: message.html, ...(message.text ? { text: message.text } : {}) }
      : { text: message.text ?? '' }
    const signal = AbortSignal.timeout(settings.timeoutMs)
    const { data, error } = await client.emails.send(
      {
        from: settings.from,
        to: [message.to],
        subject: message.subject ?? '',
        ...content,
        ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
      },
      { idempotencyKey: key, signal },
    )
    if (error) throw resendError(error, signal.aborted)
    return { provider: 'resend-email', status: 'sent', ...(data?.id ? { messageId: data.id } : {}) }
  }

  return {
    async send(message) {
      if (message.channel !== 'email' || (!message.text && !message.html)) {
        throw new DeliveryError('provider_rejected', 'resend-email sends e-mail with text or html')
      }
      const key = await idempotencyKey(message.idempotencyKey)
      for (let retry = 0; ; retry++) {
        try {
          return await attempt(message, key)
        } catch (error) {
          const retryable = error instanceof DeliveryError && error.retryable
          if (!retryable || retry >= settings.maxRetries) throw error
          log.warn('resend-email: retrying', { attempt: retry + 1, failure: error.message })
          await sleep(Math.min(settings.retryDelayMs * 2 ** retry, 2_000))
        }
      }
    },
  }
}
