/**
 * A remote libSQL server that accepts connections but stops answering must not hang requests:
 * through a proxy in front of the test's Hrana-over-HTTP server that stalls on demand, sign-in
 * answers 503 `dependency_unavailable` (naming `sql`) within SQL_TIMEOUT_MS plus a margin, with
 * the Node/Deno client and with the Workers (web) client, and works again once it answers.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, createPropusk, loadSettings, type Propusk } from '../src/core/index.ts'
import { plugins } from '../src/plugins.ts'
import { migrate } from '../src/runtime/server/bootstrap.ts'
import { openLibsql as openNode } from '../src/storage/sql/libsql-node.ts'
import { openLibsql as openWeb } from '../src/storage/sql/libsql-web.ts'
import { createMemoryStateStore } from '../src/storage/state/memory.ts'
import { insertUser } from './support/account.ts'
import { startHranaBridge } from './support/hrana-bridge.ts'
import { engineerApp, insertApp, pluginSettings } from './support/otp.ts'
import type { TestPropusk } from './support/propusk.ts'
import { startStallableProxy, timed } from './support/stall.ts'

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

const clients = { node: openNode, web: openWeb }

async function remoteSetup(client: keyof typeof clients) {
  const dir = mkdtempSync(join(tmpdir(), 'propusk-deadline-sql-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  const bridge = await startHranaBridge({ dbPath: join(dir, 'remote.db'), streamIdleMs: 1000 })
  cleanup.push(() => bridge.close())
  const proxy = await startStallableProxy(bridge.url)
  cleanup.push(() => proxy.close())

  const env = {
    ...pluginSettings(),
    TURSO_DATABASE_URL: proxy.url,
    SQL_TIMEOUT_MS: String(SQL_TIMEOUT_MS),
    PUBLIC_URL: 'https://id.example.com',
  }
  const settings = loadSettings(env)
  const sql = await clients[client](proxy.url, undefined, { timeoutMs: settings.SQL_TIMEOUT_MS })
  cleanup.push(() => sql.close())
  await migrate(sql, plugins)
  const state = createMemoryStateStore({ prefix: 'deadline-sql:' })
  const log = createLogger({ level: 'error', write: () => {} })
  const propusk: Propusk = await createPropusk({ settings, env, sql, state, plugins, log })
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
