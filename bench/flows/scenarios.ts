/**
 * The flows the bench measures, as a client app runs them, and the floor operation each is read
 * against. A flow's setup (signing the virtual user in) is not measured; its step is.
 */
import { expectStatus, type Client } from './driver.ts'

export const benchApp = 'bench-app'
export const benchPassword = 'Kettle-Orbit-42-bench'
export const benchPhone = (i: number) => `+7916${String(1_000_000 + i).padStart(7, '0')}`

/** Users 0…99 sign in by password (one per virtual user); codes go to the others, once each. */
const codeUsersFrom = 100
let nextCodeUser = codeUsersFrom

/** Each server is seeded afresh: its code flows start again at the first code user. */
export function restartCodeUsers(): void {
  nextCodeUser = codeUsersFrom
}

export interface Flow<S = unknown> {
  name: string
  /** The labelled request whose latency is reported (a flow may make several). */
  label: string
  unit: 'req/s' | 'flows/s'
  /** The floor operation this flow is compared with, and the target ratio. */
  floor?: { flow: string; target: number }
  /**
   * A second floor, printed beside the target's for context: the least this flow's kind of work
   * (e.g. a durable write transaction) costs on the same stack.
   */
  alsoBeside?: string
  setup(client: Client, vu: number): Promise<S>
  step(client: Client, state: S): Promise<void>
}

async function passwordSignIn(client: Client, vu: number) {
  const answer = expectStatus(
    await client.send('POST', '/v1/auth/password/sign-in', {
      json: { login: benchPhone(vu), password: benchPassword, clientId: benchApp },
    }),
    200,
    'password sign-in',
  )
  return { access: String(answer.body.access_token), refresh: String(answer.body.refresh_token) }
}

const none = async () => ({})

/**
 * The code just sent to `login`, from the outbox or the bench's webhook receiver (see
 * propusk-server.ts). Console delivery may write its row a moment after the send answers (more
 * so with the simulated edge delay), so a few short retries.
 */
async function codeSentTo(client: Client, login: string): Promise<{ code: string }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const { body } = await client.send('GET', `/__bench/code?to=${encodeURIComponent(login)}`)
    if (typeof body.code === 'string' && body.code) return { code: body.code }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`no code reached the outbox for ${login}`)
}

export const propuskFlows: Flow[] = [
  {
    name: 'refresh (POST /v1/token)',
    label: 'refresh',
    unit: 'req/s',
    floor: { flow: 'floor sign-in', target: 0.5 },
    alsoBeside: 'floor rotate',
    setup: (client, vu) => passwordSignIn(client, vu),
    async step(client, state) {
      const s = state as { refresh: string }
      const answer = expectStatus(
        await client.send('POST', '/v1/token', {
          form: { grant_type: 'refresh_token', refresh_token: s.refresh, client_id: benchApp },
          label: 'refresh',
        }),
        200,
        'refresh',
      )
      s.refresh = String(answer.body.refresh_token)
    },
  },
  {
    name: 'GET /v1/me',
    label: 'me',
    unit: 'req/s',
    floor: { flow: 'floor verify', target: 0.5 },
    setup: (client, vu) => passwordSignIn(client, vu),
    async step(client, state) {
      const s = state as { access: string }
      expectStatus(
        await client.send('GET', '/v1/me', {
          headers: { authorization: `Bearer ${s.access}` },
          label: 'me',
        }),
        200,
        'me',
      )
    },
  },
  {
    name: 'SMS code send + verify',
    label: 'send',
    unit: 'flows/s',
    floor: { flow: 'floor sign-in', target: 0.25 },
    alsoBeside: 'floor rotate',
    setup: none,
    async step(client) {
      const login = benchPhone(nextCodeUser++)
      const sent = expectStatus(
        await client.send('POST', '/v1/auth/sms-otp/send', {
          json: { login, clientId: benchApp },
          label: 'send',
        }),
        200,
        'code send',
      )
      const body = await codeSentTo(client, login)
      expectStatus(
        await client.send('POST', '/v1/auth/sms-otp/verify', {
          json: { challengeId: sent.body.challengeId, code: body.code, clientId: benchApp },
          label: 'verify',
        }),
        200,
        'code verify',
      )
    },
  },
  {
    name: 'password sign-in',
    label: 'password',
    unit: 'req/s',
    setup: async (_client, vu) => ({ vu }),
    async step(client, state) {
      const { vu } = state as { vu: number }
      expectStatus(
        await client.send('POST', '/v1/auth/password/sign-in', {
          json: { login: benchPhone(vu), password: benchPassword, clientId: benchApp },
          label: 'password',
        }),
        200,
        'password sign-in',
      )
    },
  },
  {
    name: 'JWKS',
    label: 'jwks',
    unit: 'req/s',
    floor: { flow: 'floor static', target: 0.9 },
    setup: none,
    async step(client) {
      expectStatus(
        await client.send('GET', '/.well-known/jwks.json', { label: 'jwks' }),
        200,
        'jwks',
      )
    },
  },
  {
    name: 'POST /v1/sign-in/start',
    label: 'start',
    unit: 'req/s',
    setup: none,
    async step(client) {
      expectStatus(
        await client.send('POST', '/v1/sign-in/start', {
          json: {
            login: benchPhone(codeUsersFrom + Math.floor(Math.random() * 1000)),
            clientId: benchApp,
          },
          label: 'start',
        }),
        200,
        'sign-in start',
      )
    },
  },
]

export const floorFlows: Flow[] = [
  {
    name: 'floor sign-in',
    label: 'floor-sign-in',
    unit: 'req/s',
    setup: none,
    async step(client) {
      expectStatus(
        await client.send('POST', '/sign-in', {
          json: { login: '+79160000001' },
          label: 'floor-sign-in',
        }),
        200,
        'floor sign-in',
      )
    },
  },
  {
    name: 'floor verify',
    label: 'floor-verify',
    unit: 'req/s',
    async setup(client) {
      const answer = await client.send('POST', '/sign-in', { json: { login: '+79160000001' } })
      return { token: String(answer.body.access_token) }
    },
    async step(client, state) {
      const { token } = state as { token: string }
      expectStatus(
        await client.send('GET', '/verify', {
          headers: { authorization: `Bearer ${token}` },
          label: 'floor-verify',
        }),
        200,
        'floor verify',
      )
    },
  },
  {
    name: 'floor rotate',
    label: 'floor-rotate',
    unit: 'req/s',
    async setup(client) {
      const answer = await client.send('POST', '/session', { json: {} })
      return { refresh: String(answer.body.refresh_token) }
    },
    async step(client, state) {
      const s = state as { refresh: string }
      const answer = expectStatus(
        await client.send('POST', '/refresh', {
          json: { refresh_token: s.refresh },
          label: 'floor-rotate',
        }),
        200,
        'floor rotate',
      )
      s.refresh = String(answer.body.refresh_token)
    },
  },
  {
    name: 'floor static',
    label: 'floor-static',
    unit: 'req/s',
    setup: none,
    async step(client) {
      expectStatus(
        await client.send('GET', '/static', { label: 'floor-static' }),
        200,
        'floor static',
      )
    },
  },
]
