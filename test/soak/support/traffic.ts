/**
 * The mixed traffic of the soak: what a fleet of mobile apps and one admin do all day. Each
 * operation is a few HTTP steps; a step's answer is checked against what it must be, and the
 * first step that is not as expected ends the operation (its later steps depend on it).
 */
import type { Client, Reply } from './client.ts'
import { appId, type Cast } from './people.ts'

export interface Step {
  op: string
  step: string
  /** The status it must answer; `refused` is any 4xx. */
  expected: number | 'refused'
  reply: Reply
}

export interface TokenPair {
  access: string
  refresh: string
}

export interface TrafficState {
  client: Client
  cast: Cast
  adminToken: string
  /** Sessions the load holds; refresh takes one out and puts its successor back. */
  pool: TokenPair[]
  /** Phones in a code sign-in now, and when each last finished one (resend waits 1 s). */
  busyPhones: Set<string>
  phoneUsedAt: Map<string, number>
  record(step: Step): boolean
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T

function keep(state: TrafficState, body: Record<string, unknown>) {
  state.pool.push({ access: String(body.access_token), refresh: String(body.refresh_token) })
  if (state.pool.length > 80) state.pool.shift()
}

async function step(
  state: TrafficState,
  op: string,
  name: string,
  expected: Step['expected'],
  reply: Promise<Reply>,
) {
  const answer = await reply
  return { ok: state.record({ op, step: name, expected, reply: answer }), reply: answer }
}

export const operations: Record<string, (state: TrafficState) => Promise<void>> = {
  async signInStart(s) {
    await step(
      s,
      'signInStart',
      'start',
      200,
      s.client.call('POST', '/v1/sign-in/start', {
        body: { login: pick(s.cast.phones), clientId: appId },
      }),
    )
  },
  async codeSignIn(s) {
    const now = Date.now()
    const free = s.cast.phones.filter(
      (p) => !s.busyPhones.has(p) && now - (s.phoneUsedAt.get(p) ?? 0) > 2000,
    )
    if (free.length === 0) return
    const phone = pick(free)
    s.busyPhones.add(phone)
    try {
      const sent = await step(
        s,
        'codeSignIn',
        'send',
        200,
        s.client.call('POST', '/v1/auth/sms-otp/send', { body: { login: phone, clientId: appId } }),
      )
      if (!sent.ok) return
      const query = new URLSearchParams({ recipient: phone, channel: 'sms', limit: '1' })
      const box = await step(
        s,
        'codeSignIn',
        'outbox',
        200,
        s.client.call('GET', `/v1/providers/console-delivery/outbox?${query}`, {
          token: s.adminToken,
        }),
      )
      if (!box.ok) return
      const [message] = (box.reply.body.messages ?? []) as Array<{ text?: string }>
      const code = /#(\d+)$/.exec(message?.text ?? '')?.[1] ?? '0000'
      const body = { challengeId: sent.reply.body.challengeId, code, clientId: appId }
      const verified = await step(
        s,
        'codeSignIn',
        'verify',
        200,
        s.client.call('POST', '/v1/auth/sms-otp/verify', { body }),
      )
      if (!verified.ok) return
      keep(s, verified.reply.body)
      // The code is spent: the same challenge and code again must not sign in a second time.
      await step(
        s,
        'codeSignIn',
        'replay',
        'refused',
        s.client.call('POST', '/v1/auth/sms-otp/verify', { body }),
      )
    } finally {
      s.busyPhones.delete(phone)
      s.phoneUsedAt.set(phone, Date.now())
    }
  },
  async passwordSignIn(s) {
    const body = { login: pick(s.cast.passwordLogins), password: s.cast.password, clientId: appId }
    const signedIn = await step(
      s,
      'passwordSignIn',
      'sign-in',
      200,
      s.client.call('POST', '/v1/auth/password/sign-in', { body }),
    )
    if (signedIn.ok) keep(s, signedIn.reply.body)
  },
  async refresh(s) {
    const pair = s.pool.splice(Math.floor(Math.random() * s.pool.length), 1)[0]
    if (!pair) return
    const body = { grant_type: 'refresh_token', refresh_token: pair.refresh, client_id: appId }
    const refreshed = await step(
      s,
      'refresh',
      'refresh',
      200,
      s.client.call('POST', '/v1/token', { body }),
    )
    if (refreshed.ok) keep(s, refreshed.reply.body)
  },
  async me(s) {
    const pair = s.pool.at(-1 - Math.floor(Math.random() * Math.min(10, s.pool.length)))
    if (!pair) return
    await step(s, 'me', 'me', 200, s.client.call('GET', '/v1/me', { token: pair.access }))
  },
  async adminReads(s) {
    const path = pick([
      '/v1/admin/users?limit=20',
      '/v1/admin/audit?limit=20',
      '/v1/admin/roles',
      '/v1/admin/apps',
    ])
    await step(
      s,
      'adminReads',
      path.split('?')[0] as string,
      200,
      s.client.call('GET', path, { token: s.adminToken }),
    )
  },
}

/** How often each operation runs, out of 20. */
export const mix: Array<[string, number]> = [
  ['signInStart', 3],
  ['codeSignIn', 4],
  ['passwordSignIn', 2],
  ['refresh', 4],
  ['me', 4],
  ['adminReads', 3],
]

export function pickOperation(): string {
  let roll = Math.random() * mix.reduce((sum, [, weight]) => sum + weight, 0)
  for (const [name, weight] of mix) {
    roll -= weight
    if (roll < 0) return name
  }
  return 'me'
}
