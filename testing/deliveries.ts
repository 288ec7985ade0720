/**
 * What console delivery (the default provider of every channel) "sent", read from its outbox
 * table: the messages a person would receive, with the code or link in them. Only messages
 * sent through `console-delivery` are seen; a test of another provider reads its own fake.
 */
import type { SqlDatabase } from '../src/kernel/ports/sql.ts'
import { accountPages } from '../src/modules/onboarding/index.ts'

export interface Delivery {
  channel: 'sms' | 'email' | 'call'
  to: string
  subject: string | null
  text: string | null
  html: string | null
  purpose: string
  appId: string | null
  /** A flash call's caller number (its last digits are the code). */
  callerNumber: string | null
  /** The one-time code in it: an SMS's `#code`, a call's last 4 digits, an e-mail's code. */
  code: string | null
  /**
   * The token of an invitation or password-reset link in it, in the long form
   * (`/reset-password?token=…`) or the short one an SMS carries (`/r/…`).
   */
  linkToken: string | null
}

export interface Deliveries {
  /** Messages, newest first; only those to `to` when given. */
  list(to?: string): Promise<Delivery[]>
  /** The newest message to `to`; throws when nothing was sent there. */
  last(to: string): Promise<Delivery>
}

function codeOf(channel: string, text: string | null, callerNumber: string | null): string | null {
  if (channel === 'call') return callerNumber ? callerNumber.slice(-4) : null
  if (channel === 'sms') return /#(\d+)$/.exec(text ?? '')?.[1] ?? null
  return /: (\d{4,10})\n/.exec(text ?? '')?.[1] ?? null
}

const linkPattern = new RegExp(
  `(?:${Object.values(accountPages)
    .flatMap(({ page, short }) => [`${page}\\?token=`, `${short}/`])
    .join('|')})([\\w-]+)`,
)

export function readDeliveries(sql: SqlDatabase): Deliveries {
  const nullable = (value: unknown) => (value == null ? null : String(value))
  async function list(to?: string): Promise<Delivery[]> {
    const { rows } = await sql.execute({
      sql: `SELECT * FROM console_outbox ${to === undefined ? '' : 'WHERE recipient = ?'}
            ORDER BY created_at DESC, rowid DESC`,
      args: to === undefined ? [] : [to],
    })
    return rows.map((row) => {
      const channel = String(row.channel) as Delivery['channel']
      const text = nullable(row.body_text)
      const callerNumber = nullable(row.caller_number)
      return {
        channel,
        to: String(row.recipient),
        subject: nullable(row.subject),
        text,
        html: nullable(row.body_html),
        purpose: String(row.purpose),
        appId: nullable(row.app_id),
        callerNumber,
        code: codeOf(channel, text, callerNumber),
        linkToken: linkPattern.exec(text ?? '')?.[1] ?? null,
      }
    })
  }
  return {
    list,
    async last(to) {
      const [newest] = await list(to)
      if (!newest) throw new Error(`nothing was sent to ${to}`)
      return newest
    },
  }
}
