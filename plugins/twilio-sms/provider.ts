import {
  DeliveryError,
  type DeliveryProvider,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
} from '../../src/core/index.ts'
import { twilioError, twilioStatus, type TwilioErrorBody } from './errors.ts'
import type { TwilioSmsSettings } from './index.ts'

export const statusCallbackPath = '/v1/providers/twilio-sms/status'

// Errors that mean the TCP connection never opened, so Twilio cannot have seen the request.
const notConnectedCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

export function neverReachedProvider(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const cause = error.cause as { code?: unknown } | undefined
  if (typeof cause?.code === 'string' && notConnectedCodes.has(cause.code)) return true
  // Deno words it in the message: "tcp connect error: Connection refused".
  return /tcp connect error|connection refused|dns error/i.test(error.message)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface TwilioMessage {
  sid?: string
  status?: string
  price?: string | null
  price_unit?: string | null
}

async function readJson<T>(response: Response): Promise<T | null> {
  try {
    return (await response.json()) as T
  } catch {
    return null
  }
}

function receiptFrom(message: TwilioMessage | null): DeliveryReceipt {
  const price = message?.price ? Math.abs(Number(message.price)) : NaN
  return {
    provider: 'twilio-sms',
    status: twilioStatus(message?.status) ?? 'queued',
    ...(message?.sid ? { messageId: message.sid } : {}),
    ...(Number.isFinite(price) && message?.price_unit
      ? { cost: { amount: String(price), currency: message.price_unit.toUpperCase() } }
      : {}),
  }
}

export interface TwilioProviderOptions {
  settings: TwilioSmsSettings
  publicUrl: string
  log: Logger
}

/**
 * Sends SMS through Twilio's Messages REST API with plain `fetch` (the SDK needs Node).
 * Twilio has no idempotency key for message creation, so a request is retried only when
 * Twilio cannot have acted on it: HTTP 429, or a connection that never opened.
 */
export function createTwilioProvider(options: TwilioProviderOptions): DeliveryProvider {
  const { settings, log } = options

  async function once(message: OutboundMessage): Promise<DeliveryReceipt> {
    const { accountSid, authToken, from, messagingServiceSid } = settings
    if (!accountSid || !authToken || (!from && !messagingServiceSid)) {
      throw new DeliveryError(
        'provider_unavailable',
        'twilio-sms is not configured: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID',
      )
    }
    const form = new URLSearchParams({ To: message.to })
    if (messagingServiceSid) form.set('MessagingServiceSid', messagingServiceSid)
    else form.set('From', from as string)
    form.set('Body', message.text ?? '')
    if (settings.statusCallbacks) {
      form.set('StatusCallback', `${options.publicUrl.replace(/\/+$/, '')}${statusCallbackPath}`)
    }
    const url = `${settings.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(settings.timeoutMs),
      })
    } catch (error) {
      if (neverReachedProvider(error)) {
        throw new DeliveryError('provider_unavailable', 'Twilio could not be reached', true)
      }
      // A timeout or a dropped connection after sending: Twilio may have queued the SMS.
      throw new DeliveryError(
        'provider_unavailable',
        'The connection to Twilio failed after the request was sent; not retried to avoid a second SMS',
      )
    }
    if (response.ok) return receiptFrom(await readJson<TwilioMessage>(response))
    throw twilioError(response.status, await readJson<TwilioErrorBody>(response))
  }

  return {
    async send(message) {
      if (message.channel !== 'sms' || !message.text) {
        throw new DeliveryError('provider_rejected', 'twilio-sms sends SMS with a text only')
      }
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(message)
        } catch (error) {
          if (!(error instanceof DeliveryError) || !error.retryable) throw error
          if (attempt >= settings.maxRetries) throw error
          log.warn('twilio-sms: retrying', { attempt: attempt + 1, errorCode: error.code })
          await sleep(Math.min(settings.retryDelayMs * 2 ** attempt, 2000))
        }
      }
    },
  }
}
