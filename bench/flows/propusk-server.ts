/**
 * Propusk as the flow bench runs it: the Node adapter over a libSQL file, in-memory state (or a
 * redis-server over TCP with BENCH_REDIS_URL), console delivery, every shipped plugin; seeded
 * with one engineer app and BENCH_USERS people who share one password. Rate limits that would
 * refuse a load generator on one machine are raised (per-IP limits are met by a random client IP
 * per request, header `x-bench-ip`); lockouts, cooldowns and every security check stay on.
 *
 * Routes outside Propusk's app: `GET /__bench/code?to=` (the newest code sent to a login, read
 * from the outbox table or the webhook receiver without counting), `GET /__bench/round-trips`
 * (SQL and state calls since the last read) and `POST /__bench/webhook` (see BENCH_DELIVERY).
 * BENCH_DELAY_MS adds that delay to every storage call.
 *
 * BENCH_DELIVERY=webhook sends codes the way a production install does, through an HTTP provider
 * (webhook-delivery, signed JSON) to the receiver route above, which answers at once; console
 * delivery (the default) writes each message to its outbox table, one more SQL write per send
 * that no production provider makes.
 *
 * `tsx bench/flows/propusk-server.ts <port> <dir>`
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { serve } from '@hono/node-server'
import { createPropusk } from '../../src/app.ts'
import { createLogger } from '../../src/kernel/logger.ts'
import { loadSettings } from '../../src/kernel/config.ts'
import { hashPassword } from '../../src/modules/passwords/hash.ts'
import { plugins } from '../../src/plugins.ts'
import { migrate } from '../../src/runtime/server/bootstrap.ts'
import { openLibsql } from '../../src/storage/sql/libsql-node.ts'
import { createMemoryStateStore } from '../../src/storage/state/memory.ts'
import { createRedisStateStore } from '../../src/storage/state/redis-tcp.ts'
import { benchApp, benchPassword, benchPhone } from './scenarios.ts'
import { countRoundTrips } from '../../testing/round-trips.ts'

const [portArg, dir] = process.argv.slice(2)
if (!portArg || !dir) throw new Error('usage: propusk-server.ts <port> <dir>')
const users = Number(process.env.BENCH_USERS ?? 4000)
const delayMs = Number(process.env.BENCH_DELAY_MS ?? 0)
/**
 * BENCH_COUNT=0 serves Propusk without the counting wrappers and without the AsyncLocalStorage
 * that attributes each call to its request: on Node 20 that storage installs promise hooks, a
 * cost on every promise of every request that Propusk itself does not pay in production. The
 * flows bench measures CPU on such a server and counts round trips on another.
 */
const counting = process.env.BENCH_COUNT !== '0'

const unlimited = {
  sendsPerIpPerHour: 100_000,
  sendsPerLoginPerHour: 1000,
  sendsPerLoginPerDay: 10_000,
  sendsPerPrefixPerHour: 1_000_000,
  sendsPerCountryPerHour: 10_000_000,
  verifiesPerIpPer10Minutes: 100_000,
  // Measures the engine, not the anti-timing floor every send waits for (150 ms by default).
  decoyMinDelayMs: 0,
}
const webhook = process.env.BENCH_DELIVERY === 'webhook'
const env = {
  TURSO_DATABASE_URL: `file:${dir}/propusk.db`,
  LOG_LEVEL: 'warn',
  PUBLIC_URL: 'http://127.0.0.1:' + portArg,
  ...(webhook
    ? {
        DELIVERY_SMS: 'webhook-delivery',
        WEBHOOK_DELIVERY_URL: `http://127.0.0.1:${portArg}/__bench/webhook`,
        WEBHOOK_DELIVERY_SECRET: 'bench-webhook-secret-0123456789',
      }
    : {}),
  PLUGIN_SETTINGS: JSON.stringify({
    'console-delivery': { printToTerminal: false },
    'sms-otp': unlimited,
  }),
}
const settings = loadSettings(env)
const rawSql = await openLibsql(env.TURSO_DATABASE_URL)
if (delayMs > 0) {
  // The simulated hop stands for a whole round trip to Turso, its commit included. The local
  // file's own fsync at COMMIT (0.4–0.8 ms here) would charge each write a second time, so the
  // simulated edge commits without waiting for it. Every other server here keeps SQLite's FULL.
  await rawSql.execute('PRAGMA synchronous = NORMAL')
}
const rawState = process.env.BENCH_REDIS_URL
  ? createRedisStateStore({ url: process.env.BENCH_REDIS_URL, prefix: `bench:${Date.now()}:` })
  : createMemoryStateStore({ prefix: 'bench:' })
const log = createLogger({
  level: 'warn',
  write: (_level, line) => process.stderr.write(`${line}\n`),
})
await migrate(rawSql, plugins, log)

const at = new Date().toISOString()
await rawSql.execute({
  sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, settings, created_at, updated_at)
        VALUES (?, 'Bench', 'engineer-mobile', 1, ?, '{}', ?, ?)`,
  args: [benchApp, JSON.stringify(['sms-otp', 'password']), at, at],
})
const hash = await hashPassword(benchPassword, { pepper: settings.PASSWORD_PEPPER })
for (let start = 0; start < users; start += 500) {
  const batch = []
  for (let i = start; i < Math.min(users, start + 500); i++) {
    const id = `usr_bench_${i}`
    batch.push(
      {
        sql: `INSERT INTO users (id, kind, display_name, phone, email, status, password_hash, created_at, updated_at, activated_at)
              VALUES (?, 'employee', ?, ?, NULL, 'active', ?, ?, ?, ?)`,
        args: [id, `Bench ${i}`, benchPhone(i), hash, at, at, at],
      },
      {
        sql: `INSERT INTO user_roles (user_id, role_id) VALUES (?, 'role_field_employee')`,
        args: [id],
      },
    )
  }
  await rawSql.batch(batch)
}

/** Each storage call is counted against the request it serves (method and path). */
const current = new AsyncLocalStorage<string>()
const ports = countRoundTrips(rawSql, rawState, {
  delayMs: () => delayMs,
  bucket: () => current.getStore() ?? 'outside a request',
})
const requests = new Map<string, number>()
const propusk = await createPropusk({
  settings,
  env,
  sql: counting ? ports.sql : rawSql,
  state: counting ? ports.state : rawState,
  plugins,
  log,
  clientIp: (c) => c.req.header('x-bench-ip') ?? '127.0.0.1',
})

/** The newest code the webhook receiver got per recipient (the SMS text ends in `#<code>`). */
const webhookCodes = new Map<string, string>()

async function benchRoute(request: Request, url: URL): Promise<Response> {
  if (url.pathname === '/__bench/webhook') {
    const message = (await request.json()) as { id: string; to: string; text: string | null }
    const code = /#(\d+)$/.exec(message.text ?? '')?.[1]
    if (code) webhookCodes.set(message.to, code)
    return new Response(JSON.stringify({ messageId: message.id, status: 'sent' }), {
      headers: { 'content-type': 'application/json' },
    })
  }
  if (url.pathname === '/__bench/round-trips') {
    const body = JSON.stringify(
      Object.fromEntries(
        [...ports.counts].map(([key, { calls: _calls, ...trips }]) => [
          key,
          { ...trips, requests: requests.get(key) ?? 0 },
        ]),
      ),
    )
    ports.reset()
    requests.clear()
    return new Response(body, { headers: { 'content-type': 'application/json' } })
  }
  const to = url.searchParams.get('to') ?? ''
  const received = webhookCodes.get(to)
  if (received) {
    webhookCodes.delete(to)
    return new Response(JSON.stringify({ code: received }), {
      headers: { 'content-type': 'application/json' },
    })
  }
  const { rows } = await rawSql.execute({
    sql: `SELECT channel, body_text, caller_number FROM console_outbox WHERE recipient = ?
          ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    args: [to],
  })
  const row = rows[0]
  const code =
    row?.channel === 'call'
      ? String(row.caller_number ?? '').slice(-4)
      : (/#(\d+)$/.exec(String(row?.body_text ?? ''))?.[1] ?? '')
  return new Response(JSON.stringify({ code }), { headers: { 'content-type': 'application/json' } })
}

// A normal exit on SIGTERM, so that `node --cpu-prof` writes its profile (bench/profile/run.ts).
process.once('SIGTERM', () => process.exit(0))

serve(
  {
    fetch: (request, bindings) => {
      if (request.url.includes('/__bench/')) return benchRoute(request, new URL(request.url))
      if (!counting) return propusk.fetch(request, bindings)
      const url = new URL(request.url)
      const key = `${request.method} ${url.pathname}`
      return current.run(key, () => {
        requests.set(key, (requests.get(key) ?? 0) + 1)
        return propusk.fetch(request, bindings)
      })
    },
    port: Number(portArg),
    hostname: '127.0.0.1',
  },
  () => console.log(`propusk bench server listening on ${portArg}`),
)
