/**
 * Helpers for the tests of passwords, invitations, resets and the password plugin: people and
 * apps written straight into the real libSQL database, and links read back from the console
 * delivery outbox (what a person would click).
 */
import type { Propusk } from '../../src/app.ts'
import { accountPages } from '../../src/modules/onboarding/messages.ts'
import { createApp } from '../../testing/index.ts'
import { readDeliveries } from '../../testing/deliveries.ts'

export { insertUser, type TestUserInput } from '../../testing/index.ts'

/** Registers an app (client id = `id`) of a client app type, allowing the given methods. */
export async function insertApp(
  propusk: Pick<Propusk, 'services'>,
  input: { id: string; type: string; signInMethods?: string[] },
): Promise<void> {
  await createApp(propusk, {
    id: input.id,
    name: input.id,
    type: input.type,
    methods: input.signInMethods ?? ['password'],
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
export async function outbox(propusk: Pick<Propusk, 'services'>, recipient: string) {
  const sent = await readDeliveries(propusk.services.sql).list(recipient)
  return sent.map((m) => ({
    channel: m.channel,
    subject: m.subject,
    text: m.text ?? '',
    html: m.html,
    purpose: m.purpose,
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
