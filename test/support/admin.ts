/**
 * Admin access tokens for tests: an active user holding the Administrator role (or a role with
 * just the given permissions), signed in to the built-in `admin-console` app.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { Propusk } from '../../src/app.ts'
import type { Permission, TokenSet, User } from '../../src/modules/identity/index.ts'
import { createRole, insertUser, signInAs } from '../../testing/index.ts'
import { createTestPropusk, type TestPropusk } from './propusk.ts'

let counter = 0

export interface TestAdmin {
  user: User
  tokens: TokenSet
  token: string
}

export async function createAdmin(
  propusk: Propusk,
  options: { permissions?: Permission[]; appTypes?: string[] } = {},
): Promise<TestAdmin> {
  counter += 1
  const suffix = `${counter}_${crypto.randomUUID().slice(0, 8)}`
  const custom = options.permissions !== undefined || options.appTypes !== undefined
  const roleId = custom
    ? await createRole(propusk, {
        appTypes: options.appTypes ?? ['admin-console'],
        permissions: options.permissions ?? [],
      })
    : 'role_administrator'
  const userId = await insertUser(propusk, {
    displayName: `Admin ${suffix}`,
    email: `admin.${suffix}@example.com`,
    roleIds: [roleId],
  })
  const user = await propusk.services.identity.users.get(userId)
  if (!user) throw new Error('admin fixture: user missing')
  const tokens = await signInAs(propusk, user, 'admin-console', { method: 'password' })
  return { user, tokens, token: tokens.accessToken }
}

/** An admin-console access token; `permissions` limits it to a role with exactly those. */
export async function adminToken(
  propusk: Propusk,
  options: { permissions?: Permission[] } = {},
): Promise<string> {
  return (await createAdmin(propusk, options)).token
}

export interface AdminRequestInit {
  method?: string
  body?: unknown
  headers?: Record<string, string>
}

/** `propusk.app.request` with the bearer token and a JSON body. */
export async function adminRequest(
  propusk: Propusk,
  token: string,
  path: string,
  init: AdminRequestInit = {},
): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...init.headers }
  let body: string | undefined
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
    headers['Content-Type'] ??= 'application/json'
  }
  return propusk.app.request(path, {
    method: init.method ?? 'GET',
    headers,
    ...(body ? { body } : {}),
  })
}

/** Env for admin tests: console delivery keeps messages in its outbox without printing them. */
export const quietDelivery = {
  PLUGIN_SETTINGS: JSON.stringify({ 'console-delivery': { printToTerminal: false } }),
}

type PropuskOptions = Parameters<typeof createTestPropusk>[0]

/**
 * The setup of admin API tests: a fresh Propusk (quiet console delivery unless `env` says
 * otherwise) and an Administrator signed in to the admin console, made before each test and
 * closed after it, or once for the file with `scope: 'file'`. Read `propusk` and `admin` inside
 * tests and hooks only: they are replaced for every test.
 */
export function useAdminPropusk(options: PropuskOptions & { scope?: 'each' | 'file' } = {}) {
  const { scope = 'each', ...base } = options
  let current: { propusk: TestPropusk; admin: TestAdmin } | undefined

  async function start(propuskOptions: PropuskOptions = {}) {
    const propusk = await createTestPropusk({
      ...propuskOptions,
      env: { ...quietDelivery, ...propuskOptions.env },
    })
    current = { propusk, admin: await createAdmin(propusk) }
  }
  async function stop() {
    const closing = current
    current = undefined
    await closing?.propusk.close()
  }
  const running = () => {
    if (!current) throw new Error('useAdminPropusk: only inside tests and hooks')
    return current
  }

  ;(scope === 'file' ? beforeAll : beforeEach)(() => start(base))
  ;(scope === 'file' ? afterAll : afterEach)(stop)

  const fixture = {
    get propusk() {
      return running().propusk
    },
    get admin() {
      return running().admin
    },
    /** A request with the admin's token. */
    request: (path: string, init: AdminRequestInit = {}) =>
      adminRequest(running().propusk, running().admin.token, path, init),
    /** `request` with the answer's status and JSON body (`null` for 204). */
    async call(path: string, init: AdminRequestInit = {}) {
      const response = await fixture.request(path, init)
      return {
        status: response.status,
        body: response.status === 204 ? null : await response.json(),
      }
    },
    /** Replaces the app within a test (e.g. other plugins), with a new admin. */
    async restart(propuskOptions: PropuskOptions = {}) {
      await stop()
      await start(propuskOptions)
    },
  }
  return fixture
}
