/**
 * Shared setup of the TOTP tests: a whole Propusk on a real libSQL file with a settable clock,
 * an engineer app that offers passwords and authenticator codes, and a signed-in person.
 */
import type { StateStore } from 'propusk/plugin'
import { insertApp, insertUser, postJson, testEnv } from '../../../test/support/account.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { codeAt } from './test-codes.ts'

export const APP = 'engineer-app'

export interface TotpFixture {
  propusk: TestPropusk
  /** The app's clock; tests move it. */
  clock: { at: Date }
  userId: string
  login: string
  /** A bearer access token of the person (password sign-in). */
  token: string
  call(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>
  /** Enrols and confirms an authenticator; returns its base32 secret. */
  enrol(): Promise<string>
  signIn(code: string, login?: string): Promise<Response>
}

export async function startTotp(
  options: { settings?: Record<string, unknown>; state?: StateStore } = {},
): Promise<TotpFixture> {
  // 5 s into a step, so ±1 step is unambiguous whatever the real time is.
  const clock = { at: new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000) }
  const propusk = await createTestPropusk({
    env: testEnv({ totp: options.settings ?? {} }),
    now: () => clock.at,
    ...(options.state ? { state: options.state } : {}),
  })
  await insertApp(propusk, {
    id: APP,
    type: 'engineer-mobile',
    signInMethods: ['password', 'totp'],
  })
  const login = `ivan.${crypto.randomUUID().slice(0, 6)}@example.com`
  const password = 'горный ручей 42'
  const userId = await insertUser(propusk, { email: login, password })
  const passwordToken = await passwordSignIn(propusk, login, password)
  const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    postJson(propusk, `/v1/auth/totp${path}`, body, {
      Authorization: `Bearer ${passwordToken}`,
      ...headers,
    })
  return {
    propusk,
    clock,
    userId,
    login,
    token: passwordToken,
    call,
    async enrol() {
      const started = (await (await call('/enrol', {})).json()) as { secret: string }
      const confirmed = await call('/enrol/confirm', {
        code: await codeAt(started.secret, clock.at),
      })
      if (confirmed.status !== 200) throw new Error(`confirm: ${await confirmed.text()}`)
      return started.secret
    },
    signIn: (code, as = login) =>
      postJson(propusk, '/v1/auth/totp/sign-in', { login: as, code, clientId: APP }),
  }
}

async function passwordSignIn(propusk: TestPropusk, login: string, password: string) {
  const response = await postJson(propusk, '/v1/auth/password/sign-in', {
    login,
    password,
    clientId: APP,
  })
  const body = (await response.json()) as { access_token?: string }
  if (!body.access_token) throw new Error(`password sign-in: ${JSON.stringify(body)}`)
  return body.access_token
}
