/**
 * Admin access tokens for tests: an active user holding the Administrator role (or a role with
 * just the given permissions), signed in to the built-in `admin-console` app.
 */
import type { Propusk } from '../../src/core/index.ts'
import type { Permission, TokenSet, User } from '../../src/core/identity/types.ts'

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
  const at = new Date().toISOString()
  const custom = options.permissions !== undefined || options.appTypes !== undefined
  const roleId = custom ? `role_test_${suffix}` : 'role_administrator'
  const userId = `usr_admin_${suffix}`
  await propusk.services.sql.batch([
    ...(custom
      ? [
          {
            sql: `INSERT INTO roles (id, name, name_key, app_types, permissions, created_at, updated_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?)`,
            args: [
              roleId,
              `Test role ${suffix}`,
              `test role ${suffix}`,
              JSON.stringify(options.appTypes ?? ['admin-console']),
              JSON.stringify(options.permissions ?? []),
              at,
              at,
            ],
          },
        ]
      : []),
    {
      sql: `INSERT INTO users (id, kind, display_name, email, status, created_at, updated_at, activated_at)
            VALUES (?, 'employee', ?, ?, 'active', ?, ?, ?)`,
      args: [userId, `Admin ${suffix}`, `admin.${suffix}@example.com`, at, at, at],
    },
    { sql: 'INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)', args: [userId, roleId] },
  ])
  const user = await propusk.services.identity.users.get(userId)
  const app = await propusk.services.identity.apps.get('admin-console')
  if (!user || !app) throw new Error('admin fixture: user or admin-console app missing')
  const tokens = await propusk.services.identity.sessions.signIn({
    user,
    app,
    method: 'password',
    ip: null,
    userAgent: null,
  })
  return { user, tokens, token: tokens.accessToken }
}

/** An admin-console access token; `permissions` limits it to a role with exactly those. */
export async function adminToken(
  propusk: Propusk,
  options: { permissions?: Permission[] } = {},
): Promise<string> {
  return (await createAdmin(propusk, options)).token
}

/** `propusk.app.request` with the bearer token and a JSON body. */
export async function adminRequest(
  propusk: Propusk,
  token: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
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
