/**
 * The first failing call ends the request: a code send whose database freezes mid-request (the
 * people and app lookups answered, console delivery's outbox insert never does) answers 503
 * `dependency_unavailable` naming `sql` within one SQL_TIMEOUT_MS plus a margin. The delivery
 * service's failure record and SMS-forwarding lookup, and the send's failure audit row, must not
 * each wait out the deadline again on the frozen database, and a frozen database is not a
 * provider fault (`otp_delivery_unavailable`).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger } from '../src/kernel/logger.ts'
import { engineerApp, insertApp, insertUser, pluginSettings } from './support/otp.ts'
import type { TestPropusk } from './support/propusk.ts'
import { timed } from './support/stall.ts'
import { sqlClients, startRemoteSqlPropusk } from './support/remote-sql.ts'

const SQL_TIMEOUT_MS = 800
/**
 * Scheduling slack on a shared, loaded CI machine. Below one more deadline: without the bound,
 * the send waits out three (outbox insert, failure record, audit row), at least 2400 ms.
 */
const MARGIN_MS = 1000
const phone = '+79161234567'

let cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

const clients = sqlClients

async function remoteSetup(client: keyof typeof clients) {
  const lines: Array<Record<string, unknown>> = []
  const { propusk, proxy } = await startRemoteSqlPropusk({
    client,
    sqlTimeoutMs: SQL_TIMEOUT_MS,
    env: { ...pluginSettings(), PUBLIC_URL: 'https://id.example.com' },
    log: () =>
      createLogger({
        level: 'info',
        write: (_level, line) => lines.push(JSON.parse(line) as Record<string, unknown>),
      }),
    cleanup,
  })
  // The fixtures only read `services` and `app`.
  const fixture = propusk as TestPropusk
  await insertApp(fixture, { id: engineerApp, type: 'engineer-mobile', methods: ['sms-otp'] })
  const userId = await insertUser(fixture, { phone })
  const invitedId = await insertUser(fixture, { phone: '+79161234568', status: 'invited' })
  const send = async () => {
    const response = await propusk.app.request('/v1/auth/sms-otp/send', {
      method: 'POST',
      body: JSON.stringify({ login: phone, clientId: engineerApp }),
      headers: { 'content-type': 'application/json' },
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  return { proxy, lines, send, identity: propusk.services.identity, userId, invitedId }
}

describe.each(Object.keys(clients) as Array<keyof typeof clients>)(
  'a code send while SQL freezes mid-request (%s client)',
  (client) => {
    it('answers 503 dependency_unavailable after one deadline, then sends again', async () => {
      const { proxy, lines, send } = await remoteSetup(client)
      // Freezes at console delivery's outbox insert, after the lookups that precede it.
      proxy.stallOn('console_outbox')
      const { value, ms } = await timed(send)
      const answer = `${Math.round(ms)} ms: ${JSON.stringify(value.body)}`
      expect(value.status, answer).toBe(503)
      expect(value.body.error, answer).toMatchObject({
        code: 'dependency_unavailable',
        dependency: 'sql',
      })
      expect(ms, answer).toBeGreaterThanOrEqual(SQL_TIMEOUT_MS - 5)
      expect(ms, answer).toBeLessThan(SQL_TIMEOUT_MS + MARGIN_MS)

      // One line naming the call that waited, no stack trace.
      const failures = lines.filter((l) => l.level === 'error' || l.level === 'warn')
      expect(failures.map((l) => l.msg)).not.toContain('unhandled error')
      expect(lines.find((l) => l.msg === 'dependency unavailable')).toMatchObject({
        dependency: 'sql',
        error: expect.stringMatching(/did not answer within 800 ms/) as unknown,
      })

      // The state store answered, so the failed send gave back its resend wait.
      proxy.resume()
      const again = await send()
      expect(again.status, JSON.stringify(again.body)).toBe(200)
    }, 30_000)

    it('a password reset and an invitation fail with the outage after one deadline too', async () => {
      const { proxy, identity, userId, invitedId } = await remoteSetup(client)
      const context = { actorId: null, ip: '203.0.113.9', requestId: 'req_deadline_delivery' }
      const sends = {
        'password reset': () => identity.passwordResets.send(userId, context),
        invitation: () => identity.invitations.send(invitedId, context),
      }
      for (const [name, sendOne] of Object.entries(sends)) {
        proxy.stallOn('console_outbox')
        const { value: error, ms } = await timed(() =>
          sendOne().then(
            () => null,
            (e: unknown) => e,
          ),
        )
        expect(error, name).toMatchObject({ name: 'DependencyError', dependency: 'sql' })
        expect(ms, name).toBeLessThan(SQL_TIMEOUT_MS + MARGIN_MS)
        proxy.resume()
      }
    }, 30_000)
  },
)
