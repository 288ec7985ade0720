/**
 * Shared setup of the TOTP HTTP tests on a test-kit Propusk (`createTestPropusk` from
 * propusk/testing, passed in): an app offering passwords and authenticator codes, and a
 * signed-in person. The clock should start `intoStep()` (test-codes.ts).
 */
import { codeAt } from './test-codes.ts'

/** What the setup uses of the kit's TestPropusk. */
export interface Kit {
  request(
    path: string,
    init?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<Response>
  insertUser(input?: { email?: string | null }): Promise<string>
  createApp(input: { type: string; methods?: string[] }): Promise<string>
  signInAs(
    user: string,
    app: string,
    options?: { method?: string },
  ): Promise<{ accessToken: string }>
  clock: { now(): Date; advance(seconds: number): void }
}

export async function startTotp<P extends Kit>(p: P) {
  const app = await p.createApp({ type: 'engineer-mobile', methods: ['password', 'totp'] })
  const login = `ivan.${crypto.randomUUID().slice(0, 6)}@example.com`
  const userId = await p.insertUser({ email: login })
  const { accessToken: token } = await p.signInAs(userId, app, { method: 'password' })
  const call = (path: string, body: unknown = {}) =>
    p.request(`/v1/auth/totp${path}`, { body, token })
  return {
    p,
    app,
    login,
    userId,
    token,
    call,
    /** The code of `secret` now, `offset` steps away. */
    code: (secret: string, offset = 0) => codeAt(secret, p.clock.now(), offset),
    /** Enrols and confirms an authenticator; returns its base32 secret. */
    async enrol(): Promise<string> {
      const { secret } = (await (await call('/enrol')).json()) as { secret: string }
      const confirmed = await call('/enrol/confirm', { code: await codeAt(secret, p.clock.now()) })
      if (confirmed.status !== 200) throw new Error(`confirm: ${await confirmed.text()}`)
      return secret
    },
    signIn: (code: string, as = login, clientId = app) =>
      p.request('/v1/auth/totp/sign-in', { body: { login: as, code, clientId } }),
  }
}

export type TotpFixture = Awaited<ReturnType<typeof startTotp>>
