import {
  cryptoUtils,
  type DeliveryContext,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
  providers,
  type SqlDatabase,
} from 'propusk/plugin'
import { keepMessage } from './store.ts'

/** A flash call from the console "dials" from a random Russian number; its last 4 digits are the code. */
function consoleCallerNumber(): string {
  return `+7495${cryptoUtils.randomDigits(7)}`
}

function banner(message: OutboundMessage, callerNumber: string | null): string {
  const head = `── Propusk console delivery: ${message.channel.toUpperCase()} to ${message.to} (${message.purpose}) `
  const lines = [head.padEnd(78, '─')]
  if (message.subject) lines.push(`Subject: ${message.subject}`)
  if (message.text) lines.push(message.text)
  if (callerNumber) lines.push(`Incoming call from ${callerNumber} (the code is its last 4 digits)`)
  lines.push('─'.repeat(78))
  return lines.join('\n')
}

export interface ConsoleProviderOptions {
  sql: SqlDatabase
  printToTerminal: boolean
  /** Where the human-readable banner goes (default: the terminal). */
  write?: (text: string) => void
  /** The structured log; each message gets one JSON line (never its body: it holds codes). */
  log: Logger
  now: () => Date
}

/** A provider whose `send` also takes the request's context (so its log line has the id). */
export interface ConsoleProvider {
  send(message: OutboundMessage, context?: DeliveryContext): Promise<DeliveryReceipt>
}

/**
 * Delivers nothing: it prints each message to the terminal and keeps it in an outbox table,
 * so a developer can finish every flow locally. Re-sending with the same idempotency key is a no-op.
 * Besides the banner (for people), every message is one JSON log line (for log pipelines),
 * carrying the request id when the sender passes it.
 */
export function createConsoleProvider(options: ConsoleProviderOptions): ConsoleProvider {
  const write = options.write ?? ((text: string) => console.log(text))
  const logFor = (context: DeliveryContext | undefined): Logger => {
    if (context?.log) return context.log.child({ plugin: 'console-delivery' })
    return context?.requestId ? options.log.child({ requestId: context.requestId }) : options.log
  }
  return {
    async send(message, context) {
      const callerNumber = message.channel === 'call' ? consoleCallerNumber() : null
      const id = cryptoUtils.randomId('msg')
      const kept = await keepMessage(options.sql, {
        id,
        message,
        callerNumber,
        createdAt: options.now().toISOString(),
      })
      if (!kept.kept) {
        return {
          provider: 'console-delivery',
          status: 'delivered',
          messageId: kept.id,
          ...(kept.callerNumber ? { callerDigits: kept.callerNumber.slice(-4) } : {}),
        }
      }
      if (options.printToTerminal) write(banner(message, callerNumber))
      logFor(context).info('console delivery', {
        channel: message.channel,
        recipient: providers.maskRecipient(message.to),
        purpose: message.purpose,
        messageId: id,
      })
      return {
        provider: 'console-delivery',
        status: 'delivered',
        messageId: id,
        ...(callerNumber ? { callerDigits: callerNumber.slice(-4) } : {}),
      }
    },
  }
}
