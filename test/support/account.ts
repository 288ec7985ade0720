/**
 * Helpers for the tests of passwords, invitations, resets and the password plugin: people and
 * apps written straight into the real libSQL database, and links read back from the console
 * delivery outbox (what a person would click).
 */
import type { Propusk } from '../../src/core/app.ts'
import { accountPages } from '../../src/core/account/messages.ts'
import { randomId } from '../../src/core/crypto.ts'
import { hashPassword } from '../../src/core/passwords/hash.ts'
import type { UserKind, UserStatus } from '../../src/core/identity/types.ts'

export interface TestUserInput {
  kind?: UserKind
  displayName?: string
  email?: string | null
  phone?: string | null
  status?: UserStatus
  password?: string | null
  /** Iterations of the stored hash (to test upgrades); default: current parameters. */
  iterations?: number
  pepper?: string
  roleIds?: string[]
}

export async function insertUser(
  propusk: Pick<Propusk, 'services'>,
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

/** Registers an app (client id = `id`) of a client app type, allowing the given methods. */
export async function insertApp(
  propusk: Pick<Propusk, 'services'>,
  input: { id: string; type: string; signInMethods?: string[] },
): Promise<void> {
  const at = propusk.services.now().toISOString()
  await propusk.services.sql.execute({
    sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)`,
    args: [
      input.id,
      input.id,
      input.type,
      JSON.stringify(input.signInMethods ?? ['password']),
      at,
      at,
    ],
  })
}

export async function passwordHashOf(
  propusk: Pick<Propusk, 'services'>,
  userId: string,
): Promise<string | null> {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT password_hash FROM users WHERE id = ?',
    args: [userId],
  })
  return (rows[0]?.password_hash as string | null | undefined) ?? null
}

/** Messages console delivery "sent" to `recipient`, newest first. */
export async function outbox(
  propusk: Pick<Propusk, 'services'>,
  recipient: string,
): Promise<
  Array<{
    channel: string
    subject: string | null
    text: string
    html: string | null
    purpose: string
  }>
> {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT * FROM console_outbox WHERE recipient = ? ORDER BY created_at DESC, rowid DESC',
    args: [recipient],
  })
  return rows.map((row) => ({
    channel: String(row.channel),
    subject: row.subject == null ? null : String(row.subject),
    text: String(row.body_text ?? ''),
    html: row.body_html == null ? null : String(row.body_html),
    purpose: String(row.purpose),
  }))
}

/**
 * The token of the newest link to `path` (e.g. `/invite`) sent to `recipient`, in the long
 * form (`/invite?token=…`) or the short one an SMS carries (`/i/…`).
 */
export async function linkToken(
  propusk: Pick<Propusk, 'services'>,
  recipient: string,
  path: string,
): Promise<string> {
  const [latest] = await outbox(propusk, recipient)
  const short = Object.values(accountPages).find((p) => p.page === path)?.short ?? path
  const match = new RegExp(`(?:${path}\\?token=|${short}/)([\\w-]+)`).exec(latest?.text ?? '')
  if (!match?.[1]) throw new Error(`No ${path} link was sent to ${recipient}`)
  return match[1]
}

export function postJson(
  propusk: Pick<Propusk, 'app'>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    propusk.app.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
    }),
  )
}

/** Quiet console delivery plus any plugin settings a test needs. */
export function testEnv(
  pluginSettings: Record<string, unknown> = {},
  extra: Record<string, string> = {},
) {
  return {
    PLUGIN_SETTINGS: JSON.stringify({
      'console-delivery': { printToTerminal: false },
      ...pluginSettings,
    }),
    ...extra,
  }
}
