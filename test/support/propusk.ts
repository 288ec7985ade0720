import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createLogger,
  createPropusk,
  loadSettings,
  type Plugin,
  type Propusk,
} from '../../src/core/index.ts'
import { openLibsql } from '../../src/storage/sql/libsql-node.ts'
import { createMemoryStateStore } from '../../src/storage/state/memory.ts'
import type { StateStore } from '../../src/storage/state/port.ts'
import type { SqlDatabase } from '../../src/storage/sql/port.ts'
import { plugins as defaultPlugins } from '../../src/plugins.ts'
import { migrate } from '../../src/runtime/server/bootstrap.ts'

export interface TestPropusk extends Propusk {
  logs: string[]
  dbUrl: string
  close(): Promise<void>
}

/**
 * A whole Propusk on a fresh libSQL file (real, in a temp folder) with the given state store
 * (in-memory unless a test passes a Redis-backed one) and plugins.
 */
export async function createTestPropusk(
  options: {
    env?: Record<string, string>
    plugins?: Plugin[]
    state?: StateStore
    /** The app's clock (e.g. to test expiry without waiting). */
    now?: () => Date
    /**
     * Where a request's client IP comes from. In-process requests have no socket, so without
     * this every one comes from `unknown`; `ipHeader` reads it from `X-Test-Client-Ip`.
     */
    ipHeader?: boolean
    /** Wraps the storage ports the app uses (e.g. to count round trips); setup stays unwrapped. */
    wrapPorts?: (sql: SqlDatabase, state: StateStore) => { sql: SqlDatabase; state: StateStore }
  } = {},
): Promise<TestPropusk> {
  const dir = mkdtempSync(join(tmpdir(), 'propusk-test-'))
  // A given TURSO_DATABASE_URL is shared with another instance (two isolates, one database).
  const dbUrl = options.env?.TURSO_DATABASE_URL ?? `file:${join(dir, 'propusk.db')}`
  const env = { TURSO_DATABASE_URL: dbUrl, LOG_LEVEL: 'debug', ...options.env }
  const settings = loadSettings(env)
  const plugins = options.plugins ?? defaultPlugins
  const sql = await openLibsql(dbUrl)
  const state = options.state ?? createMemoryStateStore({ prefix: `test:${crypto.randomUUID()}:` })
  const logs: string[] = []
  const log = createLogger({ level: 'debug', write: (_level, line) => logs.push(line) })
  await migrate(sql, plugins, log)
  const ports = options.wrapPorts?.(sql, state) ?? { sql, state }
  const propusk = await createPropusk({
    settings,
    env,
    sql: ports.sql,
    state: ports.state,
    plugins,
    log,
    ...(options.now ? { now: options.now } : {}),
    ...(options.ipHeader ? { clientIp: (c) => c.req.header('x-test-client-ip') } : {}),
  })
  return {
    ...propusk,
    logs,
    dbUrl,
    async close() {
      await state.close()
      sql.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Header for `createTestPropusk({ ipHeader: true })`: the request comes from this client IP. */
export const fromIp = (ip: string) => ({ 'X-Test-Client-Ip': ip })

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>
}
