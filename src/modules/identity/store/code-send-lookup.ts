import type { SqlDatabase } from '../../../kernel/ports/sql.ts'
import type { User } from '../model/types.ts'
import { jsonArray } from './rows.ts'
import { toUser, userColumns } from './user-rows.ts'

/** What a code send needs to decide and deliver: the person, what their roles grant, forwarding. */
export interface CodeSendLookup {
  user: User | null
  /** The app types the person's roles grant (a role with malformed app_types grants none). */
  appTypes: string[]
  /** R11: where an SMS to this phone is also e-mailed (null: no enabled rule, or an e-mail login). */
  forwardTo: string | null
}

/**
 * One statement for a code send's reads: the person, the app types of their roles, and the
 * SMS-forwarding rule of the phone. The anchor row `one` makes each part a LEFT JOIN, so the
 * same query runs for a login nobody has (a decoy costs what a real send does).
 */
export async function lookUpCodeSend(
  sql: SqlDatabase,
  login: { kind: 'phone' | 'email'; value: string },
): Promise<CodeSendLookup> {
  const field = login.kind === 'email' ? 'email' : 'phone'
  const { rows } = await sql.execute({
    sql: `SELECT ${userColumns},
            (SELECT json_group_array(t.value) FROM user_roles ur JOIN roles r ON r.id = ur.role_id,
              json_each(CASE WHEN json_valid(r.app_types) THEN r.app_types ELSE '[]' END) t
              WHERE ur.user_id = u.id) AS granted_app_types,
            (SELECT f.email FROM sms_forwarding_rules f WHERE f.phone = ? AND f.enabled = 1)
              AS forward_to
          FROM (SELECT 1) AS one
          LEFT JOIN users u ON u.${field} = ?`,
    args: [login.kind === 'phone' ? login.value : null, login.value],
  })
  const row = rows[0]
  const forward = row?.forward_to
  return {
    user: row && row.id != null ? toUser(row) : null,
    appTypes: row && row.id != null ? jsonArray(row.granted_app_types).map(String) : [],
    forwardTo: typeof forward === 'string' && forward ? forward : null,
  }
}
