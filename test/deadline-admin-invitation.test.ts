/**
 * An admin who adds or imports people while the database freezes at the invitation's delivery
 * (the person was written, console delivery's outbox insert never answers) is told the outage,
 * 503 `dependency_unavailable` naming `sql`, as every other request that meets it is: not a 201
 * whose invitation "failed" with `internal_error`, which reads as a bug. The database comes back
 * the moment the invitation gives up on it, so the request's later calls answer and only the
 * invitation's own handling decides what the admin is told.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../src/kernel/logger.ts'
import { adminRequest, createAdmin, quietDelivery } from './support/admin.ts'
import { timed } from './support/stall.ts'
import { startRemoteSqlPropusk } from './support/remote-sql.ts'

const SQL_TIMEOUT_MS = 800
/** Scheduling slack on a shared machine, below a second deadline. */
const MARGIN_MS = 1000

let cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

async function setup() {
  const { propusk, proxy } = await startRemoteSqlPropusk({
    client: 'node',
    sqlTimeoutMs: SQL_TIMEOUT_MS,
    env: { ...quietDelivery, PUBLIC_URL: 'https://id.example.ru' },
    // A short outage: over once the invitation service has logged its failed delivery.
    log: (proxy) =>
      createLogger({
        level: 'warn',
        write: (_level, line) => {
          if ((JSON.parse(line) as { msg?: string }).msg === 'invitation delivery failed') {
            proxy.resume()
          }
        },
      }),
    cleanup,
  })
  const { token } = await createAdmin(propusk)
  const post = async (path: string, body: unknown) => {
    const response = await adminRequest(propusk, token, path, { method: 'POST', body })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  return { proxy, post, sql: propusk.services.sql }
}

describe('an admin invitation while SQL freezes at its delivery', () => {
  it('adding a person answers 503 dependency_unavailable, and the person stays', async () => {
    const { proxy, post, sql } = await setup()
    proxy.stallOn('console_outbox')
    const { value, ms } = await timed(() =>
      post('/v1/admin/users', {
        kind: 'employee',
        displayName: 'Иван Петров',
        phone: '+79161234567',
        sendInvitation: true,
      }),
    )
    const answer = `${Math.round(ms)} ms: ${JSON.stringify(value.body)}`
    expect(value.status, answer).toBe(503)
    expect(value.body.error, answer).toMatchObject({
      code: 'dependency_unavailable',
      dependency: 'sql',
    })
    expect(ms, answer).toBeLessThan(SQL_TIMEOUT_MS + MARGIN_MS)

    // Written before the delivery, the person is there to resend the invitation to.
    const { rows } = await sql.execute({
      sql: 'SELECT status FROM users WHERE phone = ?',
      args: ['+79161234567'],
    })
    expect(rows.map((r) => r.status)).toEqual(['invited'])
  }, 30_000)

  it('an import answers 503 dependency_unavailable too', async () => {
    const { proxy, post } = await setup()
    proxy.stallOn('console_outbox')
    const csv = [
      'kind,display_name,phone',
      'employee,Иван Петров,+79161234567',
      'employee,Пётр Сидоров,+79161234568',
    ].join('\n')
    const { value, ms } = await timed(() =>
      post('/v1/admin/users/import', { csv, dryRun: false, sendInvitations: true }),
    )
    const answer = `${Math.round(ms)} ms: ${JSON.stringify(value.body)}`
    expect(value.status, answer).toBe(503)
    expect(value.body.error, answer).toMatchObject({
      code: 'dependency_unavailable',
      dependency: 'sql',
    })
  }, 30_000)
})
