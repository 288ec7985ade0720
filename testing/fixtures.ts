/**
 * Rows a test needs before its flow starts (people, apps, roles), a signed-in session, and the
 * messages console delivery "sent". People, apps and roles are written straight into the real
 * database so only the flow under test runs through the app; sessions come from the real session
 * service, so their tokens are the ones the app issues.
 */
import type { Propusk } from '../src/app.ts'
import { randomId, sha256Hex } from '../src/kernel/crypto.ts'
import { hashPassword } from '../src/modules/passwords/hash.ts'
import type {
  App,
  Permission,
  TokenSet,
  User,
  UserKind,
  UserStatus,
} from '../src/modules/identity/index.ts'

type WithServices = Pick<Propusk, 'services'>

export interface TestUserInput {
  kind?: UserKind
  displayName?: string
  /** Default: a unique address, unless a phone is given. */
  email?: string | null
  phone?: string | null
  status?: UserStatus
  password?: string | null
  /** Iterations of the stored hash (to test upgrades); default: current parameters. */
  iterations?: number
  pepper?: string
  /** Default: `role_customer` for customers, `role_field_employee` otherwise. */
  roleIds?: string[]
}

/** Inserts a person and returns their id. */
export async function insertUser(
  propusk: WithServices,
  input: TestUserInput = {},
): Promise<string> {
  const id = randomId('usr')
  const at = propusk.services.now().toISOString()
  const status = input.status ?? 'active'
  const hash = input.password
    ? await hashPassword(input.password, {
        ...(input.iterations ? { iterations: input.iterations } : {}),
        pepper: input.pepper ?? propusk.services.config.PASSWORD_PEPPER,
      })
    : null
  const roleIds =
    input.roleIds ?? (input.kind === 'customer' ? ['role_customer'] : ['role_field_employee'])
  await propusk.services.sql.batch([
    {
      sql: `INSERT INTO users (id, kind, display_name, phone, email, status, password_hash, created_at, updated_at, activated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        id,
        input.kind ?? 'employee',
        input.displayName ?? 'Тестовый Пользователь',
        input.phone ?? null,
        input.email === undefined && input.phone == null
          ? `${id.toLowerCase()}@example.com`
          : (input.email ?? null),
        status,
        hash,
        at,
        at,
        status === 'invited' ? null : at,
      ],
    },
    ...roleIds.map((roleId) => ({
      sql: 'INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)',
      args: [id, roleId],
    })),
  ])
  return id
}

export interface TestAppInput {
  /** An app type of a loaded plugin, e.g. `engineer-mobile`. */
  type: string
  /** Sign-in methods the app allows; default `['password']`. */
  methods?: string[]
  /** The client id; default a unique one. */
  id?: string
  name?: string
  settings?: Record<string, unknown>
  redirectUris?: string[]
  /** A client secret (stored hashed, as the admin API does): the app is then confidential. */
  secret?: string
}

/** Registers an enabled app and returns its client id. */
export async function createApp(propusk: WithServices, input: TestAppInput): Promise<string> {
  const id = input.id ?? `app-${crypto.randomUUID().slice(0, 8)}`
  const at = propusk.services.now().toISOString()
  await propusk.services.sql.execute({
    sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, settings, redirect_uris, secret_hash, created_at, updated_at)
          VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
    args: [
      id,
      input.name ?? `App ${id}`,
      input.type,
      JSON.stringify(input.methods ?? ['password']),
      JSON.stringify(input.settings ?? {}),
      JSON.stringify(input.redirectUris ?? []),
      input.secret === undefined ? null : await sha256Hex(input.secret),
      at,
      at,
    ],
  })
  return id
}

export interface TestRoleInput {
  /** App types whose apps the role's holders may sign in to. */
  appTypes: string[]
  /** Admin API permissions; default none. */
  permissions?: Permission[]
  name?: string
}

/** Creates a role and returns its id. */
export async function createRole(propusk: WithServices, input: TestRoleInput): Promise<string> {
  const suffix = crypto.randomUUID().slice(0, 8)
  const id = `role_test_${suffix}`
  const name = input.name ?? `Test role ${suffix}`
  const at = propusk.services.now().toISOString()
  await propusk.services.sql.execute({
    sql: `INSERT INTO roles (id, name, name_key, app_types, permissions, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
    args: [
      id,
      name,
      name.toLowerCase(),
      JSON.stringify(input.appTypes),
      JSON.stringify(input.permissions ?? []),
      at,
      at,
    ],
  })
  return id
}

/**
 * Signs a person in to an app through the session service (access checks, audit and token
 * issuing all run), as a sign-in method does after checking the credential. The method must be
 * one the app allows; default: the app's first.
 */
export async function signInAs(
  propusk: WithServices,
  user: string | User,
  app: string | App,
  options: { method?: string } = {},
): Promise<TokenSet> {
  const { identity } = propusk.services
  const found = typeof user === 'string' ? await identity.users.get(user) : user
  const client = typeof app === 'string' ? await identity.apps.get(app) : app
  if (!found) throw new Error(`signInAs: no user ${String(user)}`)
  if (!client) throw new Error(`signInAs: no app ${String(app)}`)
  const method = options.method ?? client.signInMethods[0]
  if (!method) throw new Error(`signInAs: app ${client.id} allows no sign-in method`)
  return identity.sessions.signIn({ user: found, app: client, method, ip: null, userAgent: null })
}

/**
 * An access token of a person signed in to the admin console (`admin-console`): an
 * Administrator, or with `permissions` a role holding exactly those. For plugin routes guarded by
 * admin permissions (e.g. console delivery's outbox).
 */
export async function adminToken(
  propusk: WithServices,
  options: { permissions?: Permission[] } = {},
): Promise<string> {
  const roleId =
    options.permissions === undefined
      ? 'role_administrator'
      : await createRole(propusk, { appTypes: ['admin-console'], permissions: options.permissions })
  const userId = await insertUser(propusk, { roleIds: [roleId] })
  const tokens = await signInAs(propusk, userId, 'admin-console', { method: 'password' })
  return tokens.accessToken
}
