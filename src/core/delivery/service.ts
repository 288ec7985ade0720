import type { SqlDatabase } from '../../storage/sql/port.ts'
import { ConfigError, type Settings } from '../config.ts'
import {
  DeliveryError,
  type DeliveryChannel,
  type DeliveryProvider,
  type DeliveryReceipt,
  type DeliveryService,
  type OutboundMessage,
} from '../delivery.ts'
import type { Logger } from '../logger.ts'
import { recordDelivery, updateDeliveryStatus } from './log.ts'

export interface RegisteredProvider {
  channels: DeliveryChannel[]
  provider: DeliveryProvider
}

interface DeliveryDeps {
  providers: Map<string, RegisteredProvider>
  settings: Settings
  sql: SqlDatabase
  log: Logger
  now: () => Date
}

function chosenProviders(deps: DeliveryDeps): Record<DeliveryChannel, string> {
  const chosen: Record<DeliveryChannel, string> = {
    sms: deps.settings.DELIVERY_SMS,
    email: deps.settings.DELIVERY_EMAIL,
    call: deps.settings.DELIVERY_CALL,
  }
  const problems: string[] = []
  for (const [channel, id] of Object.entries(chosen) as Array<[DeliveryChannel, string]>) {
    const entry = deps.providers.get(id)
    const setting = `DELIVERY_${channel.toUpperCase()}`
    if (!entry) problems.push(`${setting}: no delivery provider plugin has the id "${id}"`)
    else if (!entry.channels.includes(channel))
      problems.push(`${setting}: "${id}" cannot send ${channel}`)
  }
  if (problems.length) throw new ConfigError(problems)
  return chosen
}

async function forwardingAddress(sql: SqlDatabase, phone: string): Promise<string | null> {
  const { rows } = await sql.execute({
    sql: 'SELECT email FROM sms_forwarding_rules WHERE phone = ? AND enabled = 1',
    args: [phone],
  })
  return rows[0] ? String(rows[0].email) : null
}

/**
 * Routes each channel to the provider named by DELIVERY_SMS / _EMAIL / _CALL, records every
 * attempt in the delivery log, and forwards SMS by e-mail where a rule says so (R11).
 */
export function createDeliveryService(deps: DeliveryDeps): DeliveryService {
  const chosen = chosenProviders(deps)

  async function deliver(
    message: OutboundMessage,
    forwardedFrom?: string,
  ): Promise<{ receipt?: DeliveryReceipt; logId: string; error?: unknown }> {
    const providerId = chosen[message.channel]
    const entry = deps.providers.get(providerId) as RegisteredProvider
    try {
      const receipt = await entry.provider.send(message)
      const logId = await recordDelivery(
        deps.sql,
        message,
        { ...receipt, provider: providerId, forwardedFrom },
        deps.now(),
      )
      return { receipt, logId }
    } catch (error) {
      const errorCode = error instanceof DeliveryError ? error.code : 'provider_unavailable'
      const errorMessage = error instanceof Error ? error.message : String(error)
      deps.log.warn('delivery failed', {
        channel: message.channel,
        provider: providerId,
        errorCode,
        purpose: message.purpose,
      })
      const logId = await recordDelivery(
        deps.sql,
        message,
        { provider: providerId, status: 'failed', errorCode, errorMessage, forwardedFrom },
        deps.now(),
      )
      return { logId, error }
    }
  }

  async function forward(message: OutboundMessage, smsLogId: string): Promise<void> {
    const address = await forwardingAddress(deps.sql, message.to)
    if (!address) return
    const copy: OutboundMessage = {
      channel: 'email',
      to: address,
      subject: `SMS для ${message.to} / SMS for ${message.to}`,
      text: `${message.text ?? ''}\n\n— Propusk: копия SMS на ${message.to} (переадресация). / Copy of an SMS to ${message.to} (forwarding).`,
      purpose: `sms-forward:${message.purpose}`,
      idempotencyKey: `${message.idempotencyKey}:forward`,
      ...(message.appId ? { appId: message.appId } : {}),
    }
    await deliver(copy, smsLogId)
  }

  return {
    providerFor: (channel) => chosen[channel],
    async send(message) {
      const outcome = await deliver(message)
      // Forwarded whatever the SMS provider said: the rule exists for people whose SMS do not arrive.
      if (message.channel === 'sms') await forward(message, outcome.logId)
      if (outcome.error !== undefined) throw outcome.error
      return outcome.receipt as DeliveryReceipt
    },
    updateStatus: (update) => updateDeliveryStatus(deps.sql, update, deps.now()),
  }
}
