/**
 * A remote libSQL server that accepts connections but stops answering must not hang requests:
 * through a proxy in front of the test's Hrana-over-HTTP server that stalls on demand, sign-in
 * answers 503 `dependency_unavailable` (naming `sql`) within SQL_TIMEOUT_MS plus a margin, with
 * the Node/Deno client and with the Workers (web) client, and works again once it answers.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { Propusk } from '../src/app.ts'
import { createLogger } from '../src/kernel/logger.ts'
import { insertUser } from './support/account.ts'
import { engineerApp, insertApp, pluginSettings } from './support/otp.ts'
import type { TestPropusk } from './support/propusk.ts'
import { timed } from './support/stall.ts'
import { sqlClients, startRemoteSqlPropusk } from './support/remote-sql.ts'

const SQL_TIMEOUT_MS = 600
/** Scheduling slack on a shared, loaded CI machine. */
const MARGIN_MS = 1000
const phone = '+79161234567'
const password = 'correct horse battery staple'

let cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

const clients = sqlClients

async function remoteSetup(client: keyof typeof clients) {
  const { propusk, proxy } = await startRemoteSqlPropusk({
    client,
    sqlTimeoutMs: SQL_TIMEOUT_MS,
    env: { ...pluginSettings(), PUBLIC_URL: 'https://id.example.com' },
    log: () => createLogger({ level: 'error', write: () => {} }),
    cleanup,
  })
  // The fixtures only read `services` and `app`.
  const fixture = propusk as TestPropusk
  await insertApp(fixture, { id: engineerApp, type: 'engineer-mobile', methods: ['password'] })
  await insertUser(fixture, { phone, password })
  return { propusk, proxy }
}

async function post(propusk: Propusk, path: string, body: unknown) {
  const response = await propusk.app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const requests = {
  'sign-in start': (p: Propusk) =>
    post(p, '/v1/sign-in/start', { login: phone, clientId: engineerApp }),
  'password sign-in': (p: Propusk) =>
    post(p, '/v1/auth/password/sign-in', { login: phone, password, clientId: engineerApp }),
}

describe.each(Object.keys(clients) as Array<keyof typeof clients>)(
  'remote SQL stalls (%s client)',
  (client) => {
    it('answers 503 dependency_unavailable within the deadline, then recovers', async () => {
      const { propusk, proxy } = await remoteSetup(client)
      expect((await requests['password sign-in'](propusk)).status).toBe(200)

      proxy.stall()
      for (const [name, request] of Object.entries(requests)) {
        const { value, ms } = await timed(() => request(propusk))
        expect(value.status, `${name}: ${JSON.stringify(value.body)}`).toBe(503)
        expect(value.body.error, name).toMatchObject({
          code: 'dependency_unavailable',
          dependency: 'sql',
        })
        expect(ms, name).toBeGreaterThanOrEqual(SQL_TIMEOUT_MS - 5)
        expect(ms, name).toBeLessThan(SQL_TIMEOUT_MS + MARGIN_MS)
      }
      const health = await timed(() => propusk.app.request('/healthz'))
      expect(health.value.status).toBe(503)
      expect(health.ms).toBeLessThan(SQL_TIMEOUT_MS + MARGIN_MS)

      proxy.resume()
      for (const [name, request] of Object.entries(requests)) {
        const { status, body } = await request(propusk)
        expect(status, `${name}: ${JSON.stringify(body)}`).toBe(200)
      }
    }, 30_000)
  },
)
