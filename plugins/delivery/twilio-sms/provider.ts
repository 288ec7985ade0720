import {
  DeliveryError,
  type DeliveryProvider,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
  providers,
} from 'propusk/plugin'
import { twilioError, twilioStatus, type TwilioErrorBody } from './errors.ts'
import type { TwilioSmsSettings } from './index.ts'

export const statusCallbackPath = '/v1/providers/twilio-sms/status'

interface TwilioMessage {
  sid?: string
  status?: string
  price?: string | null
  price_unit?: string | null
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

/** The receipt of an accepted message, or the DeliveryError any other answer means. */
async function read(response: Response): Promise<DeliveryReceipt> {
  if (response.ok) return receiptFrom(await providers.readJsonBody<TwilioMessage>(response))
  throw twilioError(response.status, await providers.readJsonBody<TwilioErrorBody>(response))
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

  function request(message: OutboundMessage): Request {
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
    return new Request(url, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: form.toString(),
    })
  }

  return {
    async send(message) {
      if (message.channel !== 'sms' || !message.text) {
        throw new DeliveryError('provider_rejected', 'twilio-sms sends SMS with a text only')
      }
      return providers.sendToProvider(request(message), {
        ...settings,
        provider: 'Twilio',
        // A timeout or a dropped connection after sending: Twilio may have queued the SMS.
        duplicate: 'a second SMS',
        read,
        log,
        name: 'twilio-sms',
      })
    },
  }
}
