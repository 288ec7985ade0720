import { DeliveryError, type DeliveryReceipt } from 'propusk/plugin'

/** Twilio's error body: https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions */
export interface TwilioErrorBody {
  code?: number
  message?: string
  more_info?: string
  status?: number
}

// Codes from https://www.twilio.com/docs/api/errors (Programmable Messaging, REST create).
const invalidRecipient = new Set([21211, 21214, 21217, 21401, 21407, 21610, 21614])
const regionNotAllowed = new Set([21408, 21612])

/** Keeps phone numbers out of messages that end up in the delivery log. */
export function withoutNumbers(text: string): string {
  return text.replace(/\+?\d[\d\s().-]{5,}\d/g, '[number]')
}

/**
 * Maps a refused REST request. Only 429 is retryable: Twilio rejected it before queueing, so
 * sending again cannot double the SMS; a 5xx may come after the message was accepted.
 */
export function twilioError(httpStatus: number, body: TwilioErrorBody | null): DeliveryError {
  const code = body?.code
  const detail = `Twilio ${httpStatus}${code ? ` (error ${code})` : ''}: ${withoutNumbers(
    body?.message ?? 'no error body',
  )}`
  if (httpStatus === 429 || code === 20429) {
    return new DeliveryError('provider_unavailable', detail, true)
  }
  if (httpStatus >= 500) return new DeliveryError('provider_unavailable', detail, false)
  if (code !== undefined && invalidRecipient.has(code)) {
    return new DeliveryError('invalid_recipient', detail)
  }
  if (code !== undefined && regionNotAllowed.has(code)) {
    return new DeliveryError('region_not_allowed', detail)
  }
  // 20003 (authentication), 21606/21659 (bad From), 30002 (account suspended) and the rest:
  // our account or configuration, not the recipient.
  return new DeliveryError('provider_rejected', detail)
}

/**
 * Twilio's MessageStatus values (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values)
 * as delivery log statuses; inbound-only statuses map to nothing.
 */
export function twilioStatus(status: string | undefined): DeliveryReceipt['status'] | null {
  switch (status) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
      return 'queued'
    case 'sending':
    case 'sent':
    case 'partially_delivered':
      return 'sent'
    case 'delivered':
    case 'read':
      return 'delivered'
    case 'undelivered':
    case 'failed':
    case 'canceled':
      return 'failed'
    default:
      return null
  }
}

/** Status-callback `ErrorCode` (30xxx delivery errors) as a delivery error code. */
export function callbackErrorCode(
  errorCode: string | undefined,
): DeliveryError['code'] | undefined {
  if (!errorCode) return undefined
  switch (Number(errorCode)) {
    case 30003: // unreachable destination handset
    case 30005: // unknown destination handset
    case 30006: // landline or unreachable carrier
      return 'invalid_recipient'
    case 30001: // queue overflow
    case 30008: // unknown error
      return 'provider_unavailable'
    default:
      return 'provider_rejected'
  }
}
