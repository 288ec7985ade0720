import {
  cryptoUtils,
  type DeliveryContext,
  type DeliveryReceipt,
  type Logger,
  type OutboundMessage,
  providers,
  type SqlDatabase,
} from 'propusk/plugin'

export interface OutboxEntry {
  id: string
  channel: OutboundMessage['channel']
  recipient: string
  subject: string | null
  text: string | null
  html: string | null
  purpose: string
  appId: string | null
  callerNumber: string | null
  createdAt: string
}

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
      const result = await options.sql.execute({
        sql: `INSERT INTO console_outbox (id, channel, recipient, subject, body_text, body_html, purpose,
                app_id, caller_number, idempotency_key, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (idempotency_key) DO NOTHING`,
        args: [
          id,
          message.channel,
          message.to,
          message.subject ?? null,
          message.text ?? null,
          message.html ?? null,
          message.purpose,
          message.appId ?? null,
          callerNumber,
          message.idempotencyKey,
          options.now().toISOString(),
        ],
      })
      if (result.rowsAffected === 0) {
        const existing = await options.sql.execute({
          sql: 'SELECT id, caller_number FROM console_outbox WHERE idempotency_key = ?',
          args: [message.idempotencyKey],
        })
        const row = existing.rows[0]
        const previousCaller = row?.caller_number ? String(row.caller_number) : undefined
        return {
          provider: 'console-delivery',
          status: 'delivered',
          messageId: String(row?.id),
          ...(previousCaller ? { callerDigits: previousCaller.slice(-4) } : {}),
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

export function outboxEntryFromRow(row: Record<string, unknown>): OutboxEntry {
  const text = (key: string) =>
    row[key] === null || row[key] === undefined ? null : String(row[key])
  return {
    id: String(row.id),
    channel: String(row.channel) as OutboxEntry['channel'],
    recipient: String(row.recipient),
    subject: text('subject'),
    text: text('body_text'),
    html: text('body_html'),
    purpose: String(row.purpose),
    appId: text('app_id'),
    callerNumber: text('caller_number'),
    createdAt: String(row.created_at),
  }
}
