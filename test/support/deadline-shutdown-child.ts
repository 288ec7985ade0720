/**
 * Child process of test/deadline-shutdown.test.ts: opens the state store and a remote libSQL
 * database the way the Node server does (factories, settings, deadlines), makes calls that
 * time out, closes both and then simply returns. It must exit by itself: any timer, socket or
 * fetch left behind by a timed-out call would keep it alive.
 */
import { loadSettings, stateStoreChoice } from '../../src/kernel/config.ts'
import { withSqlDeadline, withStateDeadline } from '../../src/kernel/ports/deadline.ts'
import { openLibsql } from '../../src/storage/sql/libsql-node.ts'
import { openServerStateStore } from '../../src/storage/state/open-server.ts'

const settings = loadSettings(process.env)
const rawState = openServerStateStore(stateStoreChoice(settings), { onError: () => {} })
const rawSql = await openLibsql(settings.TURSO_DATABASE_URL ?? '', undefined, {
  timeoutMs: settings.SQL_TIMEOUT_MS,
})
const state = withStateDeadline(rawState, settings.STATE_TIMEOUT_MS)
const sql = withSqlDeadline(rawSql, settings.SQL_TIMEOUT_MS)

const outcome = (call: Promise<unknown>) =>
  call.then(
    () => 'answered',
    (error: unknown) => (error instanceof Error ? error.name : 'unknown'),
  )
const results = await Promise.all([
  outcome(state.get('k')),
  outcome(state.ping()),
  outcome(sql.execute('SELECT 1')),
])
await state.close()
sql.close()
console.log(JSON.stringify({ results, closedAt: Date.now() }))
