import type { Settings } from './config.ts'
import type { Logger } from './logger.ts'
import type { SqlStatement } from './ports/sql.ts'

/** What delivery provider plugins implement: they send, the core decides what and to whom. */
export type DeliveryChannel = 'sms' | 'email' | 'call'

export interface OutboundMessage {
  channel: DeliveryChannel
  /** E.164 phone number for sms/call, address for email. */
  to: string
  /** Plain text (SMS body, e-mail text part). Calls carry no text. */
  text?: string
  subject?: string
  html?: string
  /** Why it is sent, e.g. `invitation`, `otp`; shown in logs and the outbox. */
  purpose: string
  /** The app the message is for, when known. */
  appId?: string
  /** Same key ⇒ the provider must not deliver twice (Resend idempotency, retries). */
  idempotencyKey: string
  /**
   * The IP of the client whose request caused the message, when known (providers with fraud
   * limits, e.g. sms.ru, take it). Absent for messages an admin or the system sends.
   */
  clientIp?: string
}

export interface DeliveryReceipt {
  provider: string
  status: 'queued' | 'sent' | 'delivered' | 'failed'
  messageId?: string
  /** Flash calls: the trailing digits of the number that calls, as the provider reports them. */
  callerDigits?: string
  cost?: { amount: string; currency: string }
}

/** What a send knows about the request that caused it, so its log lines carry the request id. */
export interface DeliveryContext {
  requestId?: string
  /** The request's logger (already bound to its request id). */
  log?: Logger
  /**
   * R11: the SMS-forwarding address when the caller already read it (with the person, in the
   * same statement); null when it found no rule. Left out, the delivery service looks it up.
   */
  forwardTo?: string | null
}

export interface DeliveryProvider {
  send(message: OutboundMessage, context?: DeliveryContext): Promise<DeliveryReceipt>
}

/** Thrown by providers; `code` is one of the stable delivery error codes. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError'
  constructor(
    readonly code:
      'invalid_recipient' | 'region_not_allowed' | 'provider_unavailable' | 'provider_rejected',
    message: string,
    /** Whether sending again may succeed (the provider says the request was not processed). */
    readonly retryable = false,
  ) {
    super(message)
  }
}

export interface DeliveryStatusUpdate {
  provider: string
  messageId: string
  status: DeliveryReceipt['status']
  error?: string
}

/**
 * The core's router over providers: one configured provider per channel. Every send is
 * recorded in the delivery log, and SMS to a phone with a forwarding rule (R11) are also
 * e-mailed to the rule's address.
 */
export interface DeliveryService {
  send(message: OutboundMessage, context?: DeliveryContext): Promise<DeliveryReceipt>
  /**
   * As `send`, but the log rows of what the providers accepted are returned, not written: the
   * caller writes them in its own batch (with its audit row: one round trip for both) and must
   * do so, or fail the request. A failure is logged at once, as by `send`.
   */
  sendUnlogged(
    message: OutboundMessage,
    context?: DeliveryContext,
  ): Promise<{ receipt: DeliveryReceipt; log: SqlStatement[] }>
  providerFor(channel: DeliveryChannel): string
  /** Provider callbacks (e.g. Twilio status) move a logged message to its new status. */
  updateStatus(update: DeliveryStatusUpdate): Promise<void>
}

/**
 * A delivery provider plugin as the plugin host built it: what it can send and the provider.
 * The host builds these from the plugins (and their settings); the delivery module routes over
 * them. Both sides name it here, so neither needs the other.
 */
export interface RegisteredProvider {
  channels: DeliveryChannel[]
  provider: DeliveryProvider
}

/** The provider id each channel is sent through (DELIVERY_SMS / _EMAIL / _CALL). */
export function chosenProviders(settings: Settings): Record<DeliveryChannel, string> {
  return {
    sms: settings.DELIVERY_SMS,
    email: settings.DELIVERY_EMAIL,
    call: settings.DELIVERY_CALL,
  }
}

/**
 * DELIVERY_SMS / _EMAIL / _CALL naming no provider plugin, or one that cannot send that channel.
 * A startup problem about settings and plugins, so the host reports it with the plugins' own.
 */
export function chosenProviderProblems(
  settings: Settings,
  providers: ReadonlyMap<string, { channels: DeliveryChannel[] }>,
): string[] {
  const problems: string[] = []
  for (const [channel, id] of Object.entries(chosenProviders(settings)) as Array<
    [DeliveryChannel, string]
  >) {
    const entry = providers.get(id)
    const setting = `DELIVERY_${channel.toUpperCase()}`
    if (!entry) problems.push(`${setting}: no delivery provider plugin has the id "${id}"`)
    else if (!entry.channels.includes(channel))
      problems.push(`${setting}: "${id}" cannot send ${channel}`)
  }
  return problems
}
