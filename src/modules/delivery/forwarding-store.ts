import type { SqlDatabase } from '../../kernel/ports/sql.ts'

/**
 * The e-mail address an enabled R11 rule forwards SMS for `phone` to. The rules belong to the
 * identity module, but delivery reads them here rather than through its index: identity reaches
 * delivery through the OTP module, so that import would close a cycle.
 */
export async function forwardingAddress(sql: SqlDatabase, phone: string): Promise<string | null> {
  const { rows } = await sql.execute({
    sql: 'SELECT email FROM sms_forwarding_rules WHERE phone = ? AND enabled = 1',
    args: [phone],
  })
  return rows[0] ? String(rows[0].email) : null
}
