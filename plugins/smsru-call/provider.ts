import {
  DeliveryError,
  type DeliveryProvider,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
} from '../../src/core/index.ts'
import type { SmsRuCallSettings } from './index.ts'

/** https://sms.ru/api/code_call — `code` is the last 4 digits of the number that will call. */
interface SmsRuCallAnswer {
  status?: 'OK' | 'ERROR'
  code?: string | number
  call_id?: string
  cost?: number | string
  balance?: number
  status_code?: number
  status_text?: string
}

// Errors that mean the TCP connection never opened, so sms.ru cannot have placed a call.
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

/** sms.ru status codes (https://sms.ru/api/status) as delivery errors. */
export function smsRuError(
  statusCode: number | undefined,
  text: string | undefined,
): DeliveryError {
  const detail = `sms.ru ${statusCode ?? '?'}: ${text ?? 'unknown error'}`
  switch (statusCode) {
    case 202: // wrong recipient number (or no route to it)
      return new DeliveryError('invalid_recipient', detail)
    case 207: // no route to this number
      return new DeliveryError('region_not_allowed', detail)
    case 220: // service temporarily unavailable, try a bit later
    case 500: // server error, repeat the request
      return new DeliveryError('provider_unavailable', detail, true)
    default:
      // 200/300/301 key, 201 balance, 206/230-233/304 limits, 209 stop list: our account's side.
      return new DeliveryError('provider_rejected', detail)
  }
}

function receiptFrom(answer: SmsRuCallAnswer): DeliveryReceipt {
  const digits = String(answer.code ?? '').replace(/\D/g, '')
  if (digits.length < 4) {
    throw new DeliveryError('provider_unavailable', 'sms.ru answered OK without the 4 code digits')
  }
  const cost = Number(answer.cost)
  return {
    provider: 'smsru-call',
    status: 'sent',
    callerDigits: digits.slice(-4),
    ...(answer.call_id ? { messageId: String(answer.call_id) } : {}),
    ...(Number.isFinite(cost) && answer.cost !== undefined
      ? { cost: { amount: String(cost), currency: 'RUB' } }
      : {}),
  }
}

export function createSmsRuCallProvider(
  settings: SmsRuCallSettings,
  log: Logger,
): DeliveryProvider {
  async function once(message: OutboundMessage): Promise<DeliveryReceipt> {
    if (!settings.apiId) {
      throw new DeliveryError(
        'provider_unavailable',
        'smsru-call is not configured: set SMSRU_API_ID',
      )
    }
    // The client's IP feeds sms.ru's fraud limits; "-1" is its documented "unknown".
    const clientIp = (message as OutboundMessage & { clientIp?: string }).clientIp
    const form = new URLSearchParams({
      phone: message.to.replace(/\D/g, ''),
      ip: clientIp && clientIp !== 'unknown' ? clientIp : '-1',
      api_id: settings.apiId,
    })
    let response: Response
    try {
      // POST keeps the api_id out of URLs that proxies log; sms.ru accepts GET and POST alike.
      response = await fetch(`${settings.baseUrl.replace(/\/+$/, '')}/code/call`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(settings.timeoutMs),
      })
    } catch (error) {
      if (neverReachedProvider(error)) {
        throw new DeliveryError('provider_unavailable', 'sms.ru could not be reached', true)
      }
      throw new DeliveryError(
        'provider_unavailable',
        'The connection to sms.ru failed after the request was sent; not retried to avoid a second call',
      )
    }
    let answer: SmsRuCallAnswer | null = null
    try {
      answer = (await response.json()) as SmsRuCallAnswer
    } catch {
      // reported below
    }
    if (!response.ok || !answer) {
      throw new DeliveryError('provider_unavailable', `sms.ru answered HTTP ${response.status}`)
    }
    if (answer.status === 'OK') return receiptFrom(answer)
    throw smsRuError(answer.status_code, answer.status_text)
  }

  return {
    async send(message) {
      if (message.channel !== 'call') {
        throw new DeliveryError('provider_rejected', 'smsru-call places flash calls only')
      }
      for (let attempt = 0; ; attempt++) {
        try {
          return await once(message)
        } catch (error) {
          if (!(error instanceof DeliveryError) || !error.retryable) throw error
          if (attempt >= settings.maxRetries) throw error
          log.warn('smsru-call: retrying', { attempt: attempt + 1, errorCode: error.code })
          await sleep(Math.min(settings.retryDelayMs * 2 ** attempt, 2000))
        }
      }
    },
  }
}
