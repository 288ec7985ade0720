/**
 * The identity flow of issue 3's "Done when", over HTTP only, on every runtime (Node, Deno,
 * workerd): first-administrator link, admin token, an employee by e-mail and a customer by phone
 * through the admin API, invitations followed from the console outbox, password sign-in to an
 * app each role grants (tokens verified with `jose.createRemoteJWKSet` against the served JWKS)
 * and refusal by one it does not, refresh rotation, family revocation on replay, a refresh
 * retried inside the grace window (REFRESH_GRACE_SECONDS, default 30 s), and blocking.
 *
 * The steps run in order and share one app and the state below. The suite issues its OWN
 * first-administrator link straight into SQL (as the setup-link plugin stores it: sha256 hex of
 * the token, no earlier link retired), so it neither uses up nor depends on the smoke suite's
 * `setupToken`, whichever suite runs first on the same target.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { describe, expect, it } from 'vitest'
import { randomToken, sha256Hex } from '../../src/kernel/crypto.ts'
import type { SmokeTarget } from './smoke-suite.ts'
import { callJson, errorCode, expectStatus, type TokenPair } from './support/http-json.ts'

interface Person {
  login: string
  password: string
  id?: string
  tokens?: TokenPair
}

export function defineIdentityFlowSuite(runtime: string, getTarget: () => SmokeTarget): void {
  describe(`identity flow on ${runtime}`, () => {
    // Unique per run: the smoke suite shares this database and puts its own people into it.
    const suffix = crypto.randomUUID().slice(0, 8)
    const engineerApp = `flow-engineer-${suffix}`
    const customerApp = `flow-customer-${suffix}`
    const digits = String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')
    const admin: Person = { login: `root-${suffix}@example.com`, password: `Root pass ${suffix}!` }
    const employee: Person = {
      login: `Engineer.${suffix}@Example.com`,
      password: `Engineer pass phrase ${suffix}`,
    }
    const customer: Person = {
      // A local notation; the app normalises it to E.164.
      login: `+7 (916) ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`,
      password: `Customer pass phrase ${suffix}`,
    }
    const customerPhone = `+7916${digits}`
    const employeeEmail = employee.login.toLowerCase()
    let adminToken = ''
    let rotated: TokenPair[] = []

    const signIn = (person: Person, clientId: string) =>
      callJson(getTarget(), 'POST', '/v1/auth/password/sign-in', {
        body: { login: person.login, password: person.password, clientId, deviceLabel: 'flow' },
      })
    const refresh = (token: string, clientId: string) =>
      callJson(getTarget(), 'POST', '/v1/token', {
        body: { grant_type: 'refresh_token', refresh_token: token, client_id: clientId },
      })
    const asAdmin = (method: string, path: string, body?: unknown) =>
      callJson(getTarget(), method, path, { body, token: adminToken })

    it('the first-administrator link creates an Administrator who gets an admin-console token', async () => {
      const target = getTarget()
      const token = randomToken()
      const now = Date.now()
      await target.sql([
        {
          sql: `INSERT INTO setup_links (token_hash, created_at, expires_at, purpose)
                VALUES (?, ?, ?, 'first_admin')`,
          args: [
            await sha256Hex(token),
            new Date(now).toISOString(),
            new Date(now + 3600_000).toISOString(),
          ],
        },
      ])
      const completed = await callJson(target, 'POST', '/v1/auth/setup-link/complete', {
        body: { token, displayName: 'Flow Root', email: admin.login, password: admin.password },
      })
      const { user } = expectStatus<{ user: { roleIds: string[] } }>(completed, 201)
      expect(user.roleIds).toEqual(['role_administrator'])

      // The link worked once.
      const again = await callJson(target, 'POST', '/v1/auth/setup-link/complete', {
        body: { token, displayName: 'Second', email: `x-${admin.login}`, password: admin.password },
      })
      expect(again.status).toBe(400)

      const signedIn = expectStatus<TokenPair>(await signIn(admin, 'admin-console'), 200)
      adminToken = signedIn.access_token
      expect(adminToken).toEqual(expect.any(String))
    })

    it('the admin registers apps and creates an employee by e-mail and a customer by phone', async () => {
      for (const [id, type] of [
        [engineerApp, 'engineer-mobile'],
        [customerApp, 'customer-mobile'],
      ] as const) {
        const created = await asAdmin('POST', '/v1/admin/apps', {
          id,
          type,
          name: `Flow ${type}`,
          signInMethods: ['password'],
        })
        expect(expectStatus(created, 201)).toMatchObject({ app: { id, type } })
      }

      const madeEmployee = await asAdmin('POST', '/v1/admin/users', {
        kind: 'employee',
        displayName: 'Flow Engineer',
        email: employee.login,
      })
      const e = expectStatus<CreatedUser>(madeEmployee, 201)
      expect(e.user).toMatchObject({ status: 'invited', email: employeeEmail })
      expect(e.invitation).toMatchObject({ status: 'sent', invitation: { channel: 'email' } })
      employee.id = e.user.id

      const madeCustomer = await asAdmin('POST', '/v1/admin/users', {
        kind: 'customer',
        displayName: 'Flow Customer',
        phone: customer.login,
      })
      const c = expectStatus<CreatedUser>(madeCustomer, 201)
      expect(c.user).toMatchObject({ status: 'invited', phone: customerPhone })
      expect(c.invitation).toMatchObject({ status: 'sent', invitation: { channel: 'sms' } })
      customer.id = c.user.id

      // Nobody signs in before accepting the invitation (the same answer as a wrong password).
      const early = await signIn(employee, engineerApp)
      expect(early.status).toBe(401)
    })

    it('each person follows the invitation from the console outbox and sets a password', async () => {
      for (const [person, recipient, channel] of [
        [employee, employeeEmail, 'email'],
        [customer, customerPhone, 'sms'],
      ] as const) {
        const query = new URLSearchParams({ recipient, channel, limit: '10' })
        const outbox = await asAdmin('GET', `/v1/providers/console-delivery/outbox?${query}`)
        const { messages } = expectStatus<{
          messages: Array<{ purpose: string; text: string | null }>
        }>(outbox, 200)
        const invitation = messages.find((m) => m.purpose === 'invitation')
        const token = /(?:[?&]token=|\/i\/)([\w-]+)/.exec(invitation?.text ?? '')?.[1]
        expect(token, JSON.stringify(messages)).toBeDefined()

        const accepted = await callJson(getTarget(), 'POST', '/v1/invitations/accept', {
          body: { token, password: person.password },
        })
        expect(expectStatus(accepted, 200)).toMatchObject({
          user: { id: person.id, status: 'active' },
        })
        // Single use.
        const again = await callJson(getTarget(), 'POST', '/v1/invitations/accept', {
          body: { token, password: person.password },
        })
        expect(again.status).toBe(400)
      }
    })

    it('each signs in to an app the role grants (JWKS-verified) and is refused by one it does not', async () => {
      const target = getTarget()
      const discovery = expectStatus<{ issuer: string }>(
        await callJson(target, 'GET', '/.well-known/openid-configuration'),
        200,
      )
      // Remote, as a client would: every target here listens on a real local URL.
      const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', target.baseUrl))

      for (const [person, granted, refused, kind] of [
        [employee, engineerApp, customerApp, 'employee'],
        [customer, customerApp, engineerApp, 'customer'],
      ] as const) {
        person.tokens = expectStatus<TokenPair>(await signIn(person, granted), 200)
        const { payload, protectedHeader } = await jwtVerify(person.tokens.access_token, jwks, {
          issuer: discovery.issuer,
          audience: granted,
          algorithms: ['ES256', 'EdDSA'],
        })
        expect(protectedHeader.kid).toEqual(expect.any(String))
        expect(payload).toMatchObject({ sub: person.id, kind, client_id: granted })

        const denied = await signIn(person, refused)
        expect(denied.status).toBe(403)
        expect(errorCode(denied)).toBe('app_access_denied')
      }
      const audit = await asAdmin('GET', `/v1/admin/audit?result=denied&limit=50`)
      expect(JSON.stringify(expectStatus(audit, 200))).toContain('app_access_denied')
    })

    it('refresh rotates the refresh token and issues a working access token', async () => {
      const first = employee.tokens as TokenPair
      const second = expectStatus<TokenPair>(await refresh(first.refresh_token, engineerApp), 200)
      const third = expectStatus<TokenPair>(await refresh(second.refresh_token, engineerApp), 200)
      rotated = [first, second, third]
      expect(new Set(rotated.map((t) => t.refresh_token)).size).toBe(3)

      const me = await callJson(getTarget(), 'GET', '/v1/me', { token: rotated[2]?.access_token })
      expect(expectStatus(me, 200)).toMatchObject({
        user: { id: employee.id },
        app: { id: engineerApp },
      })
    })

    it('replaying a used refresh token kills the whole family, and that is audited', async () => {
      // The first token's successor has rotated too: a copy, even inside the grace window.
      const [first, , newest] = rotated
      if (!first || !newest) throw new Error('the rotation step did not run')
      const replay = await refresh(first.refresh_token, engineerApp)
      expect(replay.status).toBe(400)
      expect(errorCode(replay)).toBe('invalid_grant')

      // The newest token of the family, never used, is dead too, and so is the session.
      const newestRefresh = await refresh(newest.refresh_token, engineerApp)
      expect(newestRefresh.status).toBe(400)
      expect(errorCode(newestRefresh)).toBe('invalid_grant')
      const me = await callJson(getTarget(), 'GET', '/v1/me', { token: newest.access_token })
      expect(me.status).toBe(401)

      const audit = await asAdmin('GET', '/v1/admin/audit?action=token.refresh_reuse&limit=20')
      const { items } = expectStatus<{ items: Array<{ targetId: string | null }> }>(audit, 200)
      expect(items.length).toBeGreaterThan(0)
    })

    it('a refresh retried after a lost answer gets the same new token, also when concurrent', async () => {
      const session = expectStatus<TokenPair>(await signIn(employee, engineerApp), 200)
      const lost = expectStatus<TokenPair>(await refresh(session.refresh_token, engineerApp), 200)
      // The answer never reached the app, which retries with the token it still holds.
      const retried = expectStatus<TokenPair>(
        await refresh(session.refresh_token, engineerApp),
        200,
      )
      expect(retried.refresh_token).toBe(lost.refresh_token)
      const me = await callJson(getTarget(), 'GET', '/v1/me', { token: retried.access_token })
      expect(me.status).toBe(200)

      // Five refreshes at once with one token: one rotation, every caller gets its successor.
      const racing = await Promise.all(
        Array.from({ length: 5 }, () => refresh(retried.refresh_token, engineerApp)),
      )
      const successors = racing.map((answer) => expectStatus<TokenPair>(answer, 200).refresh_token)
      expect(new Set(successors).size).toBe(1)
      expect(successors[0]).not.toBe(retried.refresh_token)

      // Once its successor has rotated, the first token is a copy: the family ends.
      const replay = await refresh(session.refresh_token, engineerApp)
      expect(errorCode(replay)).toBe('invalid_grant')
      const newest = await refresh(successors[0] as string, engineerApp)
      expect(errorCode(newest)).toBe('invalid_grant')
    })

    it('blocking a user ends their sessions: the access token is refused, refresh fails', async () => {
      const tokens = customer.tokens as TokenPair
      const before = await callJson(getTarget(), 'GET', '/v1/me', { token: tokens.access_token })
      expect(before.status).toBe(200)

      const blocked = await asAdmin('POST', `/v1/admin/users/${customer.id}/block`)
      const body = expectStatus<{ user: { status: string }; sessionsEnded: number }>(blocked, 200)
      expect(body.user.status).toBe('blocked')
      expect(body.sessionsEnded).toBeGreaterThanOrEqual(1)

      const after = await callJson(getTarget(), 'GET', '/v1/me', { token: tokens.access_token })
      expect(after.status).toBe(401)
      const refreshed = await refresh(tokens.refresh_token, customerApp)
      expect(refreshed.status).toBe(400)
      expect(errorCode(refreshed)).toBe('invalid_grant')
      // And no new session either.
      const again = await signIn(customer, customerApp)
      expect(again.status).not.toBe(200)
    })
  })
}

interface CreatedUser {
  user: { id: string; status: string; email: string | null; phone: string | null }
  invitation: { status: string; invitation?: { channel: string } }
}
