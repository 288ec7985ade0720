/**
 * A whole Propusk for tests: the real app on a fresh libSQL file (in a temp folder) and the
 * in-memory state store, both on one test clock, with the registered plugins (or a given list).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createPropusk, type Propusk } from '../src/app.ts'
import { loadSettings } from '../src/kernel/config.ts'
import { createLogger } from '../src/kernel/logger.ts'
import type { Plugin } from '../src/kernel/plugin.ts'
import type { App, TokenSet, User } from '../src/modules/identity/index.ts'
import { openLibsql } from '../src/storage/sql/libsql-node.ts'
import type { SqlDatabase } from '../src/kernel/ports/sql.ts'
import type { StateStore } from '../src/kernel/ports/state.ts'
import { plugins as registeredPlugins } from '../src/plugins.ts'
import { migrate } from '../src/runtime/server/bootstrap.ts'
import { createClock, type TestClock } from './clock.ts'
import { readDeliveries, type Deliveries } from './deliveries.ts'
import { openStateStore, type StateStoreKind } from './state-stores.ts'
import {
  createApp,
  createRole,
  insertUser,
  signInAs,
  type TestAppInput,
  type TestRoleInput,
  type TestUserInput,
} from './fixtures.ts'

export interface TestPropuskOptions {
  /**
   * The plugins to load; default: those registered in `src/plugins.ts`. A plugin whose id is
   * already in the list replaces the earlier one, so `[...plugins, myPlugin]` works both before
   * and after `myPlugin` is registered.
   */
  plugins?: Plugin[]
  /** Plugin settings by plugin id (`PLUGIN_SETTINGS`); console delivery is quiet unless set. */
  settings?: Record<string, unknown>
  env?: Record<string, string>
  /**
   * The state store: a kind (`memory`, the default, follows the test clock; `redis-tcp` and
   * `upstash` need the addresses the test run provides, see `state-stores.ts`) or a store of the
   * test's own. Only the in-memory one follows the test clock.
   */
  state?: StateStoreKind | StateStore
  /** The clock of the app and the in-memory state store; default: real time, advanceable. */
  clock?: TestClock
  /** A time source for the clock (instead of `clock`); `advance` shifts it. */
  now?: () => Date
  /**
   * Where a request's client IP comes from. In-process requests have no socket, so without
   * this every one comes from `unknown`; `ipHeader` reads it from `X-Test-Client-Ip`.
   */
  ipHeader?: boolean
  /** Wraps the storage ports the app uses (e.g. to count round trips); setup stays unwrapped. */
  wrapPorts?: (sql: SqlDatabase, state: StateStore) => { sql: SqlDatabase; state: StateStore }
}

export interface TestPropusk extends Propusk {
  clock: TestClock
  /** Log lines of the app (JSON, debug level and up). */
  logs: string[]
  dbUrl: string
  /** `app.request` with a JSON body (when given) and an optional bearer token. */
  request(path: string, init?: TestRequestInit): Promise<Response>
  insertUser(input?: TestUserInput): Promise<string>
  createApp(input: TestAppInput): Promise<string>
  createRole(input: TestRoleInput): Promise<string>
  signInAs(user: string | User, app: string | App, options?: { method?: string }): Promise<TokenSet>
  deliveries: Deliveries
  close(): Promise<void>
}

export interface TestRequestInit {
  method?: string
  /** Sent as JSON unless a string. */
  body?: unknown
  token?: string
  headers?: Record<string, string>
}

/** The list with one plugin per id: a later plugin replaces an earlier one in its place. */
export function uniquePlugins(list: Plugin[]): Plugin[] {
  const byId = new Map<string, Plugin>()
  for (const plugin of list) byId.set(plugin.id, plugin)
  return [...new Set(list.map((p) => p.id))].map((id) => byId.get(id) as Plugin)
}

function pluginSettingsEnv(options: TestPropuskOptions): Record<string, string> {
  const given = options.env?.PLUGIN_SETTINGS
  // An explicit PLUGIN_SETTINGS is passed through untouched (a test may make it invalid).
  if (given !== undefined && !options.settings) return {}
  const base = given === undefined ? {} : (JSON.parse(given) as Record<string, unknown>)
  return {
    PLUGIN_SETTINGS: JSON.stringify({
      'console-delivery': { printToTerminal: false },
      ...base,
      ...options.settings,
    }),
  }
}

export async function createTestPropusk(options: TestPropuskOptions = {}): Promise<TestPropusk> {
  const dir = mkdtempSync(join(tmpdir(), 'propusk-test-'))
  // A given TURSO_DATABASE_URL is shared with another instance (two isolates, one database).
  const dbUrl = options.env?.TURSO_DATABASE_URL ?? `file:${join(dir, 'propusk.db')}`
  const env = {
    TURSO_DATABASE_URL: dbUrl,
    LOG_LEVEL: 'debug',
    ...options.env,
    ...pluginSettingsEnv(options),
  }
  const settings = loadSettings(env)
  const plugins = uniquePlugins(options.plugins ?? registeredPlugins)
  const clock = options.clock ?? createClock(options.now)
  const sql = await openLibsql(dbUrl)
  const state =
    typeof options.state === 'object'
      ? options.state
      : openStateStore(options.state ?? 'memory', { now: clock.epochMs })
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
    now: clock.now,
    ...(options.ipHeader ? { clientIp: (c) => c.req.header('x-test-client-ip') } : {}),
  })
  return {
    ...propusk,
    clock,
    logs,
    dbUrl,
    request: (path, init = {}) => request(propusk, path, init),
    insertUser: (input) => insertUser(propusk, input),
    createApp: (input) => createApp(propusk, input),
    createRole: (input) => createRole(propusk, input),
    signInAs: (user, app, signInOptions) => signInAs(propusk, user, app, signInOptions),
    // Read beside the app's ports, so reading what was sent is not counted as the app's work.
    deliveries: readDeliveries(sql),
    async close() {
      await state.close()
      sql.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function request(
  propusk: Pick<Propusk, 'app'>,
  path: string,
  init: TestRequestInit = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers }
  if (init.token) headers.Authorization = `Bearer ${init.token}`
  let body: string | undefined
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
    headers['Content-Type'] ??= 'application/json'
  }
  return propusk.app.request(path, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
  })
}

/** Header for `createTestPropusk({ ipHeader: true })`: the request comes from this client IP. */
export const fromIp = (ip: string) => ({ 'X-Test-Client-Ip': ip })

export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>
}
