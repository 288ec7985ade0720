import {
  DeliveryError,
  type DeliveryProvider,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
  providers,
} from 'propusk/plugin'
import { signSinchRequest } from './signing.ts'
import type { SinchFlashCallSettings } from './index.ts'

export const verificationsPath = '/verification/v1/verifications'

/** Start-verification answer for method flashCall. */
interface SinchStarted {
  id?: string
  method?: string
  flashCall?: { cliFilter?: string; interceptionTimeout?: number; reportTimeout?: number }
}

/** Sinch's error body. */
interface SinchErrorBody {
  errorCode?: number
  message?: string
  reference?: string
}

/**
 * Sinch reports the expected caller id as a regex, e.g. `(.*)5312(.*)`: its literal digit run
 * is what the calling number carries. The last 4 of those digits are the code.
 */
export function digitsFromCliFilter(filter: string | undefined): string | null {
  const runs = filter?.match(/\d+/g)
  const last = runs?.[runs.length - 1]
  return last && last.length >= 4 ? last.slice(-4) : null
}

export function sinchError(status: number, body: SinchErrorBody | null): DeliveryError {
  const message = body?.message ?? 'no error body'
  const detail = `Sinch ${status}${body?.errorCode ? ` (error ${body.errorCode})` : ''}: ${message}`
  // 429: refused before any call was placed. 5xx: a call may be ringing; do not place another.
  if (status === 429) return new DeliveryError('provider_unavailable', detail, true)
  if (status >= 500) return new DeliveryError('provider_unavailable', detail)
  if (status === 400 && /number|identity|endpoint/i.test(message)) {
    return new DeliveryError('invalid_recipient', detail)
  }
  if (status === 403 && /country|region|destination|prefix/i.test(message)) {
    return new DeliveryError('region_not_allowed', detail)
  }
  return new DeliveryError('provider_rejected', detail)
}

/** The receipt of a started flash call, or the DeliveryError any other answer means. */
async function read(response: Response): Promise<DeliveryReceipt> {
  if (!response.ok) throw sinchError(response.status, await providers.readJsonBody(response))
  const started = await providers.readJsonBody<SinchStarted>(response)
  const digits = digitsFromCliFilter(started?.flashCall?.cliFilter)
  if (!digits) {
    throw new DeliveryError(
      'provider_unavailable',
      'Sinch started a flash call without a caller-id filter of 4 or more digits',
    )
  }
  return {
    provider: 'sinch-flashcall',
    status: 'sent',
    callerDigits: digits,
    ...(started?.id ? { messageId: started.id } : {}),
  }
}

/** Flash calls through the Sinch Verification API (start verification, method flashCall). */
export function createSinchFlashCallProvider(
  settings: SinchFlashCallSettings,
  log: Logger,
  now: () => Date,
): DeliveryProvider {
  async function headersFor(body: string): Promise<Record<string, string>> {
    const { applicationKey, applicationSecret } = settings
    const contentType = 'application/json'
    if (settings.auth === 'basic') {
      return {
        'Content-Type': contentType,
        Authorization: `Basic ${btoa(`${applicationKey}:${applicationSecret}`)}`,
      }
    }
    const signed = await signSinchRequest({
      applicationKey: applicationKey as string,
      applicationSecret: applicationSecret as string,
      method: 'POST',
      path: verificationsPath,
      contentType,
      body,
      timestamp: now().toISOString(),
    })
    return { 'Content-Type': contentType, ...signed }
  }

  function body(message: OutboundMessage): string {
    if (!settings.applicationKey || !settings.applicationSecret) {
      throw new DeliveryError(
        'provider_unavailable',
        'sinch-flashcall is not configured: set SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET',
      )
    }
    return JSON.stringify({
      identity: { type: 'number', endpoint: message.to },
      method: 'flashCall',
      // Sinch accepts flashCallOptions only on application-signed requests.
      ...(settings.dialTimeoutSeconds && settings.auth === 'signed'
        ? { flashCallOptions: { dialTimeout: settings.dialTimeoutSeconds } }
        : {}),
    })
  }

  return {
    async send(message) {
      if (message.channel !== 'call') {
        throw new DeliveryError('provider_rejected', 'sinch-flashcall places flash calls only')
      }
      const json = body(message)
      const url = `${settings.baseUrl.replace(/\/+$/, '')}${verificationsPath}`
      // Built per attempt: the signature covers a fresh timestamp.
      const request = async () =>
        new Request(url, { method: 'POST', headers: await headersFor(json), body: json })
      return providers.sendToProvider(request, {
        ...settings,
        provider: 'Sinch',
        duplicate: 'a second call',
        read,
        log,
        name: 'sinch-flashcall',
      })
    },
  }
}
