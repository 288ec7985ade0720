import {
  DeliveryError,
  type DeliveryProvider,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
} from '../../src/core/index.ts'
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

const notConnectedCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

function neverReachedProvider(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const cause = error.cause as { code?: unknown } | undefined
  if (typeof cause?.code === 'string' && notConnectedCodes.has(cause.code)) return true
  return /tcp connect error|connection refused|dns error/i.test(error.message)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function readJson<T>(response: Response): Promise<T | null> {
  try {
    return (await response.json()) as T
  } catch {
    return null
  }
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

  async function once(message: OutboundMessage): Promise<DeliveryReceipt> {
    if (!settings.applicationKey || !settings.applicationSecret) {
      throw new DeliveryError(
        'provider_unavailable',
        'sinch-flashcall is not configured: set SINCH_APPLICATION_KEY and SINCH_APPLICATION_SECRET',
      )
    }
    const body = JSON.stringify({
      identity: { type: 'number', endpoint: message.to },
      method: 'flashCall',
      // Sinch accepts flashCallOptions only on application-signed requests.
      ...(settings.dialTimeoutSeconds && settings.auth === 'signed'
        ? { flashCallOptions: { dialTimeout: settings.dialTimeoutSeconds } }
        : {}),
    })
    let response: Response
    try {
      response = await fetch(`${settings.baseUrl.replace(/\/+$/, '')}${verificationsPath}`, {
        method: 'POST',
        headers: await headersFor(body),
        body,
        signal: AbortSignal.timeout(settings.timeoutMs),
      })
    } catch (error) {
      if (neverReachedProvider(error)) {
        throw new DeliveryError('provider_unavailable', 'Sinch could not be reached', true)
      }
      throw new DeliveryError(
        'provider_unavailable',
        'The connection to Sinch failed after the request was sent; not retried to avoid a second call',
      )
    }
    if (!response.ok) throw sinchError(response.status, await readJson(response))
    const started = await readJson<SinchStarted>(response)
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

  return {
    async send(message) {
      if (message.channel !== 'call') {
        throw new DeliveryError('provider_rejected', 'sinch-flashcall places flash calls only')
      }
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(message)
        } catch (error) {
          if (!(error instanceof DeliveryError) || !error.retryable) throw error
          if (attempt >= settings.maxRetries) throw error
          log.warn('sinch-flashcall: retrying', { attempt: attempt + 1, errorCode: error.code })
          await sleep(Math.min(settings.retryDelayMs * 2 ** attempt, 2000))
        }
      }
    },
  }
}
