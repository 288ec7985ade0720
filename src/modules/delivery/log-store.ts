import type { SqlDatabase, SqlRow, SqlStatement } from '../../kernel/ports/sql.ts'
import { randomId, sha256Hex } from '../../kernel/crypto.ts'
import type {
  DeliveryReceipt,
  DeliveryStatusUpdate,
  OutboundMessage,
} from '../../kernel/delivery.ts'
import { maskRecipient } from './mask.ts'

export interface DeliveryLogOutcome {
  provider: string
  status: DeliveryReceipt['status']
  messageId?: string
  cost?: DeliveryReceipt['cost']
  errorCode?: string
  errorMessage?: string
  forwardedFrom?: string
}

/** Hash used to find one person's messages without storing their number in clear. */
export function recipientHash(recipient: string): Promise<string> {
  return sha256Hex(`delivery-recipient:${recipient.toLowerCase()}`)
}

export async function recordDelivery(
  sql: SqlDatabase,
  message: OutboundMessage,
  outcome: DeliveryLogOutcome,
  now: Date,
): Promise<string> {
  const row = await deliveryLogRow(message, outcome, now)
  await sql.execute(row.statement)
  return row.id
}

/** The log row's INSERT, for a caller that writes it in a batch of its own; its id is known now. */
export async function deliveryLogRow(
  message: OutboundMessage,
  outcome: DeliveryLogOutcome,
  now: Date,
): Promise<{ id: string; statement: SqlStatement }> {
  const id = randomId('dlv')
  const at = now.toISOString()
  const statement: SqlStatement = {
    sql: `INSERT INTO delivery_log (id, created_at, updated_at, channel, provider, recipient_masked,
            recipient_hash, app_id, purpose, status, provider_message_id, error_code, error_message,
            cost_amount, cost_currency, forwarded_from)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      id,
      at,
      at,
      message.channel,
      outcome.provider,
      maskRecipient(message.to),
      await recipientHash(message.to),
      message.appId ?? null,
      message.purpose,
      outcome.status,
      outcome.messageId ?? null,
      outcome.errorCode ?? null,
      outcome.errorMessage ?? null,
      outcome.cost?.amount ?? null,
      outcome.cost?.currency ?? null,
      outcome.forwardedFrom ?? null,
    ],
  }
  return { id, statement }
}

/** Status callbacks may arrive out of order: a final status is never replaced by an earlier one. */
const rank: Record<DeliveryReceipt['status'], number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  failed: 2,
}

export async function updateDeliveryStatus(
  sql: SqlDatabase,
  update: DeliveryStatusUpdate,
  now: Date,
): Promise<void> {
  const lower = Object.entries(rank)
    .filter(([, r]) => r < rank[update.status])
    .map(([status]) => status)
  if (lower.length === 0) return
  await sql.execute({
    sql: `UPDATE delivery_log SET status = ?, error_code = COALESCE(?, error_code), updated_at = ?
          WHERE provider = ? AND provider_message_id = ? AND status IN (${lower.map(() => '?').join(', ')})`,
    args: [
      update.status,
      update.error ?? null,
      now.toISOString(),
      update.provider,
      update.messageId,
      ...lower,
    ],
  })
}

/** Rows: channel, provider, total, delivered, sent, queued, failed — a statement to batch. */
export const deliveryTotals = (from: string): SqlStatement => ({
  sql: `SELECT channel, provider, COUNT(*) AS total,
          SUM(status = 'delivered') AS delivered, SUM(status = 'sent') AS sent,
          SUM(status = 'queued') AS queued, SUM(status = 'failed') AS failed
        FROM delivery_log WHERE created_at >= ?
        GROUP BY channel, provider ORDER BY channel, provider`,
  args: [from],
})

/** Filters left undefined are not applied. */
export interface DeliveryLogQuery {
  channel?: string
  status?: string
  provider?: string
  purpose?: string
  appId?: string
  /** Exact phone (E.164) or e-mail: matched by its hash. */
  recipient?: string
  /** ISO instants: from inclusive, to exclusive. */
  from?: string
  to?: string
  /** Continue after this entry (newest-first order). */
  after?: { createdAt: string; id: string }
  limit: number
}

/**
 * Log rows newest first, each with `app_name` (the app's name now, null once deleted). Up to
 * `limit` rows.
 */
export async function listDeliveryLog(sql: SqlDatabase, q: DeliveryLogQuery): Promise<SqlRow[]> {
  const where: string[] = []
  const args: string[] = []
  const add = (clause: string, value: string) => {
    where.push(clause)
    args.push(value)
  }
  if (q.channel !== undefined) add('channel = ?', q.channel)
  if (q.status !== undefined) add('status = ?', q.status)
  if (q.provider !== undefined) add('provider = ?', q.provider)
  if (q.purpose !== undefined) add('purpose = ?', q.purpose)
  if (q.appId !== undefined) add('app_id = ?', q.appId)
  if (q.recipient !== undefined) add('recipient_hash = ?', await recipientHash(q.recipient))
  if (q.from !== undefined) add('created_at >= ?', q.from)
  if (q.to !== undefined) add('created_at < ?', q.to)
  if (q.after) {
    where.push('(created_at < ? OR (created_at = ? AND id < ?))')
    args.push(q.after.createdAt, q.after.createdAt, q.after.id)
  }
  const { rows } = await sql.execute({
    sql: `SELECT *, (SELECT name FROM apps WHERE apps.id = delivery_log.app_id) AS app_name
          FROM delivery_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY created_at DESC, id DESC LIMIT ?`,
    args: [...args, q.limit],
  })
  return rows
}
