/**
 * The authenticator-app (TOTP) sign-in over HTTP on every runtime (Node, Deno, workerd): an
 * admin registers an app offering the method, a person signed in by password enrols and
 * confirms an authenticator (sign-in start then offers it), signs in with a code, is refused a
 * replay of it, and a run of wrong codes pauses their login with 429 and Retry-After. Codes are
 * computed here from the secret the server handed out, exactly as an authenticator app computes
 * them, with the real clock.
 */
import { describe, expect, it } from 'vitest'
import { hashPassword } from '../../src/modules/passwords/index.ts'
import { randomId } from '../../src/kernel/crypto.ts'
import { codeAt } from '../../plugins/sign-in/totp/test-codes.ts'
import type { SmokeTarget } from './smoke-suite.ts'
import { adminAccessToken } from './support/admin-token.ts'
import { callJson, errorCode, expectStatus, type TokenPair } from './support/http-json.ts'

export function defineTotpSuite(runtime: string, getTarget: () => SmokeTarget): void {
  describe(`authenticator-app sign-in on ${runtime}`, () => {
    // Unique per run: other suites share this database.
    const suffix = crypto.randomUUID().slice(0, 8)
    const app = `totp-engineer-${suffix}`
    const login = `totp.${suffix}@example.com`
    const password = `Totp pass phrase ${suffix}`
    let secret = ''
    let confirmedAt = new Date()
    const signIn = (code: string) =>
      callJson(getTarget(), 'POST', '/v1/auth/totp/sign-in', {
        body: { login, code, clientId: app },
      })

    it('a person signed in by password enrols an authenticator and confirms it', async () => {
      const target = getTarget()
      const admin = await adminAccessToken(target)
      const created = await callJson(target, 'POST', '/v1/admin/apps', {
        token: admin,
        body: {
          id: app,
          type: 'engineer-mobile',
          name: 'TOTP',
          signInMethods: ['password', 'totp'],
        },
      })
      expectStatus(created, 201)
      const userId = randomId('usr')
      const at = new Date().toISOString()
      await target.sql([
        {
          sql: `INSERT INTO users (id, kind, display_name, email, status, password_hash, created_at, updated_at, activated_at)
                VALUES (?, 'employee', 'TOTP Engineer', ?, 'active', ?, ?, ?, ?)`,
          args: [userId, login, await hashPassword(password), at, at, at],
        },
        { sql: "INSERT INTO user_roles VALUES (?, 'role_field_employee')", args: [userId] },
      ])
      const bearer = expectStatus<TokenPair>(
        await callJson(target, 'POST', '/v1/auth/password/sign-in', {
          body: { login, password, clientId: app },
        }),
        200,
      ).access_token

      const started = await callJson(target, 'POST', '/v1/auth/totp/enrol', { token: bearer })
      const body = expectStatus<{ secret: string; otpauthUri: string }>(started, 200)
      expect(body.otpauthUri).toContain(`secret=${body.secret}`)
      secret = body.secret
      confirmedAt = new Date()
      const confirmed = await callJson(target, 'POST', '/v1/auth/totp/enrol/confirm', {
        token: bearer,
        body: { code: await codeAt(secret, confirmedAt) },
      })
      expect(expectStatus(confirmed, 200)).toEqual({ enrolled: true })
      // Sign-in start now offers the method for this person's login.
      const start = await callJson(target, 'POST', '/v1/sign-in/start', {
        body: { login, clientId: app },
      })
      expect(expectStatus(start, 200)).toMatchObject({ methods: ['password', 'totp'] })
    })

    it('signs in with the next code, and refuses the same code again', async () => {
      // The confirming code's step is spent; the next one is inside the ±1 window.
      const code = await codeAt(secret, confirmedAt, 1)
      const tokens = expectStatus<TokenPair>(await signIn(code), 200)
      const me = await callJson(getTarget(), 'GET', '/v1/me', { token: tokens.access_token })
      expect(expectStatus(me, 200)).toMatchObject({ app: { id: app } })

      const replay = await signIn(code)
      expect(replay.status).toBe(401)
      expect(errorCode(replay)).toBe('invalid_credentials')
    })

    it('pauses the login after 5 failures with 429 and Retry-After, even for a right code', async () => {
      const window = await Promise.all([-1, 0, 1, 2, 3].map((o) => codeAt(secret, confirmedAt, o)))
      let guess = 0
      while (window.includes(String(guess).padStart(6, '0'))) guess++
      const wrong = String(guess).padStart(6, '0')
      // The refused replay above was the first failure of this login.
      for (let i = 0; i < 4; i++) expect((await signIn(wrong)).status).toBe(401)
      const response = await getTarget().fetch('/v1/auth/totp/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login, code: await codeAt(secret, confirmedAt, 2), clientId: app }),
      })
      expect(response.status).toBe(429)
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await response.json()).toMatchObject({ error: { code: 'too_many_attempts' } })
    })
  })
}
