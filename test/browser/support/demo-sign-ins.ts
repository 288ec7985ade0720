import { pathToFileURL } from 'node:url'
import { openLibsql } from '../../../src/storage/sql/libsql-node.ts'

/**
 * TEST DATA for the README's dashboard screenshot: a fortnight of made-up sign-ins, written
 * straight into the audit log (the UI cannot create past sign-ins). Every row is marked: its id
 * starts with `aud_testdata_` and its details say `"testData": true`. Today's real sign-ins,
 * made through the browser, come on top.
 */
export async function insertDemoSignIns(
  dbPath: string,
  who: { userId: string; appIds: string[] },
): Promise<number> {
  const sql = await openLibsql(pathToFileURL(dbPath).href)
  const methods = ['password', 'sms-otp', 'email-otp', 'flash-call']
  const statements = []
  const now = Date.now()
  for (let day = 1; day <= 13; day++) {
    // A working-week rhythm: fewer sign-ins at weekends, a few refusals.
    const date = new Date(now - day * 86_400_000)
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6
    const count = weekend ? 2 + (day % 3) : 6 + ((day * 7) % 9)
    for (let i = 0; i < count; i++) {
      const at = new Date(date.getTime() - i * 37 * 60_000).toISOString()
      const method = methods[(day + i * (i % 3)) % methods.length] as string
      const appId = who.appIds[(i + day) % who.appIds.length] as string
      const refused = i % 5 === 4
      statements.push({
        sql: `INSERT INTO audit_log (id, at, actor_type, actor_id, action, target_type, target_id,
                result, app_id, details)
              VALUES (?, ?, 'user', ?, ?, 'user', ?, ?, ?, ?)`,
        args: [
          `aud_testdata_${day}_${i}`,
          at,
          who.userId,
          `sign_in.${method}`,
          who.userId,
          refused ? 'failure' : 'success',
          appId,
          JSON.stringify(
            refused
              ? { testData: true, reason: i % 10 === 9 ? 'otp_locked' : 'code_invalid' }
              : { testData: true },
          ),
        ],
      })
    }
  }
  try {
    await sql.batch(statements)
  } finally {
    sql.close()
  }
  return statements.length
}
