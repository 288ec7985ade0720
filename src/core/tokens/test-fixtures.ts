/** Test fixtures for the token tests: rows inserted with SQL, so only sessions code is tested. */
import { sha256Hex } from '../crypto.ts'
import type { TokenSet, User } from '../identity/types.ts'
import type { Propusk } from '../app.ts'
import {
  createClock,
  createTestPropusk,
  insertUser as insertKitUser,
  type TestPropusk,
} from '../../../testing/index.ts'

export const apiSecret = 'api-secret-0123456789-abcdefghijklmnopqrstuvwxyz'

/** A clock tests can move (`clock.advance(seconds)`), frozen at `start`: the kit's clock. */
export const testClock = (start = new Date('2026-03-01T10:00:00.000Z')) => createClock(start)

export async function startPropusk(
  options: Parameters<typeof createTestPropusk>[0] = {},
): Promise<TestPropusk> {
  const propusk = await createTestPropusk(options)
  await seedApps(propusk)
  return propusk
}

/** Apps of each type beside the built-in `admin-console` one. */
export async function seedApps(propusk: Propusk): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z'
  const app = (id: string, type: string, methods: string[], secret: string | null = null) => ({
    sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, secret_hash, created_at, updated_at)
          VALUES (?, ?, ?, 1, ?, ?, ?, ?)`,
    args: [id, id, type, JSON.stringify(methods), secret, at, at],
  })
  await propusk.services.sql.batch([
    app('web-app', 'web', ['password', 'email-otp']),
    app('customer-app', 'customer-mobile', ['password', 'sms-otp']),
    app('engineer-app', 'engineer-mobile', ['password', 'sms-otp']),
    app('api-client', 'api-only', ['password'], await sha256Hex(apiSecret)),
  ])
}

let counter = 0

/** A person with the given roles (the kit's `insertUser`), read back as the app sees them. */
export async function insertUser(
  propusk: Propusk,
  options: {
    roles: string[]
    status?: 'invited' | 'active' | 'blocked'
    kind?: 'employee' | 'customer'
  },
): Promise<User> {
  counter += 1
  const id = await insertKitUser(propusk, {
    displayName: `Test ${counter}`,
    roleIds: options.roles,
    ...(options.status ? { status: options.status } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
  })
  const user = await propusk.services.identity.users.get(id)
  if (!user) throw new Error('fixture user not readable')
  return user
}

export async function setRoles(propusk: Propusk, userId: string, roles: string[]): Promise<void> {
  await propusk.services.sql.batch([
    { sql: 'DELETE FROM user_roles WHERE user_id = ?', args: [userId] },
    ...roles.map((role) => ({
      sql: 'INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)',
      args: [userId, role],
    })),
  ])
}

export async function signIn(
  propusk: Propusk,
  user: User,
  appId: string,
  method = 'password',
  clientSecret?: string,
): Promise<TokenSet> {
  const app = await propusk.services.identity.apps.get(appId)
  if (!app) throw new Error(`no app ${appId}`)
  // Re-read: a fixture may have changed the user's status since it was created.
  const current = (await propusk.services.identity.users.get(user.id)) ?? user
  return propusk.services.identity.sessions.signIn({
    user: current,
    app,
    method,
    ip: '203.0.113.7',
    userAgent: 'vitest',
    deviceLabel: 'test device',
    ...(clientSecret === undefined ? {} : { clientSecret }),
  })
}

export function refresh(
  propusk: Propusk,
  refreshToken: string,
  clientId: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    propusk.app.request('/v1/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_id: clientId,
        ...extra,
      }),
    }),
  )
}

export async function withToken(
  propusk: Propusk,
  path: string,
  token: string,
  init: RequestInit = {},
) {
  return propusk.app.request(path, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
  })
}

export async function auditRows(propusk: Propusk, action: string) {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT * FROM audit_log WHERE action = ? ORDER BY at',
    args: [action],
  })
  return rows.map((row) => ({
    ...row,
    details: JSON.parse(String(row.details)) as Record<string, unknown>,
  }))
}
