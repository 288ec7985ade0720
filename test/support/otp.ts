/**
 * Fixtures for the one-time-code tests: people and apps inserted with SQL (so only the code
 * flows are under test), HTTP helpers, and reading what console delivery "sent".
 */
import type { StateStore } from '../../src/kernel/ports/state.ts'
import { adminToken } from './admin.ts'
import { createApp, insertUser as insertKitUser } from '../../testing/index.ts'
import { createTestPropusk, type TestPropusk } from './propusk.ts'

export const engineerApp = 'engineer-app'
export const allMethods = ['sms-otp', 'flash-call', 'email-otp', 'password']

/** Quiet console delivery plus per-plugin settings. */
export function pluginSettings(extra: Record<string, Record<string, unknown>> = {}) {
  return {
    PLUGIN_SETTINGS: JSON.stringify({ 'console-delivery': { printToTerminal: false }, ...extra }),
  }
}

export async function startOtpPropusk(
  options: {
    state?: StateStore
    plugins?: Record<string, Record<string, unknown>>
    env?: Record<string, string>
    /** Takes the client IP from the `X-Test-Client-Ip` header (see `fromIp`). */
    ipHeader?: boolean
  } = {},
): Promise<TestPropusk> {
  const env = {
    ...pluginSettings(options.plugins),
    PUBLIC_URL: 'https://id.example.com',
    ...options.env,
  }
  const propusk = await createTestPropusk({
    env,
    ...(options.state ? { state: options.state } : {}),
    ...(options.ipHeader ? { ipHeader: true } : {}),
  })
  await insertApp(propusk, { id: engineerApp, type: 'engineer-mobile', methods: allMethods })
  return propusk
}

export { fromIp } from './propusk.ts'

export async function insertApp(
  propusk: TestPropusk,
  app: { id: string; type: string; methods: string[]; settings?: Record<string, unknown> },
): Promise<void> {
  await createApp(propusk, app)
}

let counter = 0

/** A field employee: the role grants the engineer mobile app. */
export async function insertUser(
  propusk: TestPropusk,
  user: { phone?: string; email?: string; status?: 'active' | 'invited' | 'blocked' },
): Promise<string> {
  counter += 1
  return insertKitUser(propusk, {
    displayName: `Ivan ${counter}`,
    phone: user.phone ?? null,
    email: user.email ?? null,
    status: user.status ?? 'active',
    roleIds: ['role_field_employee'],
  })
}

export async function post(
  propusk: TestPropusk,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await propusk.app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
  })
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  }
}

interface OutboxMessage {
  channel: string
  recipient: string
  text: string | null
  subject: string | null
  html: string | null
  callerNumber: string | null
}

/** One admin per app, made on first use: the outbox answers admin-console tokens only. */
const outboxReaders = new WeakMap<TestPropusk, Promise<string>>()

/** Messages console delivery "sent" to this recipient, newest first (through its outbox API). */
export async function outbox(
  propusk: TestPropusk,
  recipient: string,
  channel?: string,
): Promise<OutboxMessage[]> {
  let token = outboxReaders.get(propusk)
  if (!token) {
    token = adminToken(propusk)
    outboxReaders.set(propusk, token)
  }
  const query = new URLSearchParams({ recipient, ...(channel ? { channel } : {}) })
  const response = await propusk.app.request(`/v1/providers/console-delivery/outbox?${query}`, {
    headers: { Authorization: `Bearer ${await token}` },
  })
  if (response.status !== 200) {
    throw new Error(`outbox: ${response.status} ${await response.text()}`)
  }
  return ((await response.json()) as { messages: OutboxMessage[] }).messages
}

/** The code of the newest message: the `#code` of an SMS, the caller's last digits, the e-mail's code. */
export async function latestCode(propusk: TestPropusk, recipient: string): Promise<string> {
  return (await propusk.deliveries.last(recipient)).code ?? ''
}

export const sendCode = (
  propusk: TestPropusk,
  method: string,
  login: string,
  clientId = engineerApp,
) => post(propusk, `/v1/auth/${method}/send`, { login, clientId })

export const verifyCode = (
  propusk: TestPropusk,
  method: string,
  challengeId: unknown,
  code: string,
  clientId = engineerApp,
) => post(propusk, `/v1/auth/${method}/verify`, { challengeId, code, clientId })

export async function sessionCount(propusk: TestPropusk, userId: string): Promise<number> {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?',
    args: [userId],
  })
  return Number(rows[0]?.n ?? 0)
}

/** A code that differs from `code` in every digit. */
export const wrongCode = (code: string) =>
  [...code].map((d) => String((Number(d) + 1) % 10)).join('')

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
