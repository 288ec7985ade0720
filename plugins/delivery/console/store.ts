/** The outbox table of console delivery: every query the plugin makes. */
import type { OutboundMessage, SqlDatabase } from 'propusk/plugin'

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

function outboxEntryFromRow(row: Record<string, unknown>): OutboxEntry {
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

/**
 * Keeps a message unless one with its idempotency key is already there; then answers the kept
 * one's id and caller number, so a re-send returns the first send's receipt.
 */
export async function keepMessage(
  sql: SqlDatabase,
  entry: {
    id: string
    message: OutboundMessage
    callerNumber: string | null
    createdAt: string
  },
): Promise<{ kept: true } | { kept: false; id: string; callerNumber: string | null }> {
  const { message } = entry
  const result = await sql.execute({
    sql: `INSERT INTO console_outbox (id, channel, recipient, subject, body_text, body_html, purpose,
            app_id, caller_number, idempotency_key, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (idempotency_key) DO NOTHING`,
    args: [
      entry.id,
      message.channel,
      message.to,
      message.subject ?? null,
      message.text ?? null,
      message.html ?? null,
      message.purpose,
      message.appId ?? null,
      entry.callerNumber,
      message.idempotencyKey,
      entry.createdAt,
    ],
  })
  if (result.rowsAffected > 0) return { kept: true }
  const existing = await sql.execute({
    sql: 'SELECT id, caller_number FROM console_outbox WHERE idempotency_key = ?',
    args: [message.idempotencyKey],
  })
  const row = existing.rows[0]
  return {
    kept: false,
    id: String(row?.id),
    callerNumber: row?.caller_number ? String(row.caller_number) : null,
  }
}

/** Kept messages, newest first, optionally only to one recipient or on one channel. */
export async function listMessages(
  sql: SqlDatabase,
  filter: { recipient?: string | undefined; channel?: string | undefined; limit: number },
): Promise<OutboxEntry[]> {
  const where: string[] = []
  const args: Array<string | number> = []
  if (filter.recipient) {
    where.push('recipient = ?')
    args.push(filter.recipient)
  }
  if (filter.channel) {
    where.push('channel = ?')
    args.push(filter.channel)
  }
  const { rows } = await sql.execute({
    sql: `SELECT * FROM console_outbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    args: [...args, filter.limit],
  })
  return rows.map((row) => outboxEntryFromRow(row))
}
