import {
  DeliveryError,
  type DeliveryProvider,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
  providers,
} from 'propusk/plugin'
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

/** The receipt of a placed call, or the DeliveryError any other answer means. */
async function read(response: Response): Promise<DeliveryReceipt> {
  const answer = await providers.readJsonBody<SmsRuCallAnswer>(response)
  if (!response.ok || !answer) {
    throw new DeliveryError('provider_unavailable', `sms.ru answered HTTP ${response.status}`)
  }
  if (answer.status === 'OK') return receiptFrom(answer)
  throw smsRuError(answer.status_code, answer.status_text)
}

export function createSmsRuCallProvider(
  settings: SmsRuCallSettings,
  log: Logger,
): DeliveryProvider {
  function request(message: OutboundMessage): Request {
    if (!settings.apiId) {
      throw new DeliveryError(
        'provider_unavailable',
        'smsru-call is not configured: set SMSRU_API_ID',
      )
    }
    // The client's IP feeds sms.ru's fraud limits; "-1" is its documented "unknown".
    const clientIp = message.clientIp
    const form = new URLSearchParams({
      phone: message.to.replace(/\D/g, ''),
      ip: clientIp && clientIp !== 'unknown' ? clientIp : '-1',
      api_id: settings.apiId,
    })
    // POST keeps the api_id out of URLs that proxies log; sms.ru accepts GET and POST alike.
    return new Request(`${settings.baseUrl.replace(/\/+$/, '')}/code/call`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: form.toString(),
    })
  }

  return {
    async send(message) {
      if (message.channel !== 'call') {
        throw new DeliveryError('provider_rejected', 'smsru-call places flash calls only')
      }
      return providers.sendToProvider(request(message), {
        ...settings,
        provider: 'sms.ru',
        duplicate: 'a second call',
        read,
        log,
        name: 'smsru-call',
      })
    },
  }
}
