/**
 * A Propusk whose SQL is a remote libSQL server that can stop answering on demand: the test's
 * Hrana-over-HTTP bridge over a real libSQL file, behind a proxy that stalls when told to. Shared
 * by the deadline tests, which freeze the database mid-request and time the answer.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPropusk, type Propusk } from '../../src/app.ts'
import { loadSettings } from '../../src/kernel/config.ts'
import type { Logger } from '../../src/kernel/logger.ts'
import { plugins } from '../../src/plugins.ts'
import { migrate } from '../../src/runtime/server/bootstrap.ts'
import { openLibsql as openNode } from '../../src/storage/sql/libsql-node.ts'
import { openLibsql as openWeb } from '../../src/storage/sql/libsql-web.ts'
import { createMemoryStateStore } from '../../src/storage/state/memory.ts'
import { startHranaBridge } from './hrana-bridge.ts'
import { startStallableProxy, type StallableProxy } from './stall.ts'

/** The Node/Deno client and the Workers (web) client: both must honour the deadline. */
export const sqlClients = { node: openNode, web: openWeb }

export async function startRemoteSqlPropusk(options: {
  client: keyof typeof sqlClients
  sqlTimeoutMs: number
  env: Record<string, string>
  /** Gets the proxy, so a log line can end the outage (see deadline-admin-invitation). */
  log: (proxy: StallableProxy) => Logger
  /** Where each resource's cleanup goes; the test runs them after each test, newest first. */
  cleanup: Array<() => Promise<void> | void>
}): Promise<{ propusk: Propusk; proxy: StallableProxy }> {
  const { cleanup } = options
  const dir = mkdtempSync(join(tmpdir(), 'propusk-remote-sql-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  const bridge = await startHranaBridge({ dbPath: join(dir, 'remote.db'), streamIdleMs: 1000 })
  cleanup.push(() => bridge.close())
  const proxy = await startStallableProxy(bridge.url)
  cleanup.push(() => proxy.close())
  const env = {
    ...options.env,
    TURSO_DATABASE_URL: proxy.url,
    SQL_TIMEOUT_MS: String(options.sqlTimeoutMs),
  }
  const settings = loadSettings(env)
  const open = sqlClients[options.client]
  const sql = await open(proxy.url, undefined, { timeoutMs: settings.SQL_TIMEOUT_MS })
  cleanup.push(() => sql.close())
  await migrate(sql, plugins)
  const state = createMemoryStateStore({ prefix: `remote-sql:${crypto.randomUUID()}:` })
  const log = options.log(proxy)
  const propusk = await createPropusk({ settings, env, sql, state, plugins, log })
  return { propusk, proxy }
}
