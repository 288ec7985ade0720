import { SqlConstraintError, type SqlRow, type SqlStatement } from '../../../kernel/ports/sql.ts'
import { randomId } from '../../../kernel/crypto.ts'
import type { IdentityDeps } from './deps.ts'
import { actorEntry, auditStatement, type Actor } from './audit.ts'
import { notFound, takenError } from './errors.ts'
import { text, textOrNull } from './rows.ts'

/** R11: every SMS the platform sends to `phone` is also e-mailed to `email` while enabled. */
export interface ForwardingRule {
  id: string
  /** E.164. */
  phone: string
  email: string
  enabled: boolean
  note: string
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

export interface ForwardingInput {
  /** Normalised (E.164) and e-mail normalised by the caller. */
  phone: string
  email: string
  enabled?: boolean
  note?: string
}

function toRule(row: SqlRow): ForwardingRule {
  return {
    id: text(row, 'id'),
    phone: text(row, 'phone'),
    email: text(row, 'email'),
    enabled: Number(row.enabled) === 1,
    note: text(row, 'note'),
    createdBy: textOrNull(row, 'created_by'),
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
  }
}

export function createForwardingRepository(core: Pick<IdentityDeps, 'sql' | 'now'>) {
  const { sql } = core

  async function get(id: string): Promise<ForwardingRule | null> {
    const { rows } = await sql.execute({
      sql: 'SELECT * FROM sms_forwarding_rules WHERE id = ?',
      args: [id],
    })
    return rows[0] ? toRule(rows[0]) : null
  }

  async function mustGet(id: string): Promise<ForwardingRule> {
    const rule = await get(id)
    if (!rule) throw notFound('forwarding rule')
    return rule
  }

  async function write(statements: SqlStatement[]): Promise<void> {
    try {
      await sql.batch(statements)
    } catch (err) {
      if (err instanceof SqlConstraintError && err.constraint === 'unique') {
        throw takenError('forwarding_rule_exists', 'phone')
      }
      throw err
    }
  }

  return {
    get,
    mustGet,

    /** Support keeps a handful of these, so the list is not paginated. */
    async list(filter: { phone?: string } = {}): Promise<ForwardingRule[]> {
      const { rows } = filter.phone
        ? await sql.execute({
            sql: 'SELECT * FROM sms_forwarding_rules WHERE phone = ?',
            args: [filter.phone],
          })
        : await sql.execute('SELECT * FROM sms_forwarding_rules ORDER BY created_at, id')
      return rows.map(toRule)
    },

    /** Where a copy of an SMS to `phone` goes, if anywhere (for the SMS delivery path). */
    async forwardTo(phone: string): Promise<string | null> {
      const { rows } = await sql.execute({
        sql: 'SELECT email FROM sms_forwarding_rules WHERE phone = ? AND enabled = 1',
        args: [phone],
      })
      return rows[0] ? text(rows[0], 'email') : null
    },

    async create(input: ForwardingInput, by?: Actor): Promise<ForwardingRule> {
      const id = randomId('fwd')
      const now = core.now()
      const at = now.toISOString()
      const statements: SqlStatement[] = [
        {
          sql: `INSERT INTO sms_forwarding_rules (id, phone, email, enabled, note, created_by, created_at,
                  updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          args: [
            id,
            input.phone,
            input.email,
            input.enabled ?? true,
            input.note ?? '',
            by?.actorId ?? null,
            at,
            at,
          ],
        },
      ]
      if (by) {
        const details = { phone: input.phone, email: input.email, enabled: input.enabled ?? true }
        statements.push(
          auditStatement(
            actorEntry(by, 'forwarding.create', { type: 'forwarding_rule', id }, details),
            now,
          ),
        )
      }
      await write(statements)
      return mustGet(id)
    },

    async update(id: string, patch: Partial<ForwardingInput>, by?: Actor): Promise<ForwardingRule> {
      const rule = await mustGet(id)
      const now = core.now()
      const next = {
        ...rule,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      }
      const statements: SqlStatement[] = [
        {
          sql: `UPDATE sms_forwarding_rules SET phone = ?, email = ?, enabled = ?, note = ?, updated_at = ?
                WHERE id = ?`,
          args: [next.phone, next.email, next.enabled, next.note, now.toISOString(), id],
        },
      ]
      if (by) {
        const details = { phone: next.phone, email: next.email, enabled: next.enabled }
        statements.push(
          auditStatement(
            actorEntry(by, 'forwarding.update', { type: 'forwarding_rule', id }, details),
            now,
          ),
        )
      }
      await write(statements)
      return mustGet(id)
    },

    async delete(id: string, by?: Actor): Promise<void> {
      const rule = await mustGet(id)
      const now = core.now()
      const statements: SqlStatement[] = [
        { sql: 'DELETE FROM sms_forwarding_rules WHERE id = ?', args: [id] },
      ]
      if (by) {
        statements.push(
          auditStatement(
            actorEntry(
              by,
              'forwarding.delete',
              { type: 'forwarding_rule', id },
              { phone: rule.phone },
            ),
            now,
          ),
        )
      }
      await write(statements)
    },
  }
}

export type ForwardingRepository = ReturnType<typeof createForwardingRepository>
