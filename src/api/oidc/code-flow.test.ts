/**
 * The authorization code flow end to end, in-process, against a real redis-server state store
 * and a libSQL file: oauth4webapi as the relying party, the hosted pages filled in by a
 * browser without JavaScript, with a password and with an SMS code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../modules/passwords/hash.ts'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { latestCode } from '../../../test/support/otp.ts'
import type { OidcFixture } from '../../../test/support/oidc-fixtures.ts'
import { inProcessIssuer, startInProcessOidc } from '../../../test/support/oidc-in-process.ts'
import {
  completeCodeFlow,
  discover,
  oauth,
  rpOptions,
  verifyIdToken,
  type OidcTarget,
  type RpClient,
} from '../../../test/support/oidc-rp.ts'

const issuer = inProcessIssuer
let propusk: TestPropusk
let target: OidcTarget
let fixture: OidcFixture
let rp: RpClient

beforeAll(async () => {
  ;({ propusk, target, fixture, rp } = await startInProcessOidc())
})

afterAll(async () => propusk?.close())

describe('OpenID Connect code flow (in-process, Redis state)', () => {
  it('signs in with a password: id_token, userinfo, refresh, end of session', async () => {
    const { tokens, authorization, browser, callback } = await completeCodeFlow(target, rp, {
      kind: 'password',
      login: fixture.person.email,
      password: fixture.person.password,
    })
    const claims = oauth.getValidatedIdTokenClaims(tokens)
    expect(claims?.sub).toBe(fixture.person.id)
    const verified = await verifyIdToken(target, rp, tokens.id_token as string)
    expect(verified).toMatchObject({
      iss: issuer,
      aud: fixture.clientId,
      nonce: authorization.nonce,
      amr: ['pwd'],
      email: fixture.person.email,
    })
    expect(verified.sid).toBe(tokens.session_id)
    expect(typeof verified.auth_time).toBe('number')

    const info = await oauth.processUserInfoResponse(
      rp.as,
      rp.client,
      fixture.person.id,
      await oauth.userInfoRequest(rp.as, rp.client, tokens.access_token, rpOptions(target)),
    )
    expect(info).toMatchObject({ sub: fixture.person.id, phone_number: fixture.person.phone })

    const refreshed = await oauth.processRefreshTokenResponse(
      rp.as,
      rp.client,
      await oauth.refreshTokenGrantRequest(
        rp.as,
        rp.client,
        rp.auth,
        tokens.refresh_token as string,
        rpOptions(target),
      ),
    )
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token)

    const logout = new URL(rp.as.end_session_endpoint as string)
    logout.search = new URLSearchParams({
      id_token_hint: tokens.id_token as string,
      post_logout_redirect_uri: fixture.redirectUri,
      state: 'bye',
    }).toString()
    const ended = await browser.request(logout.pathname + logout.search)
    expect(ended.status).toBe(302)
    expect(ended.headers.get('location')).toBe(`${fixture.redirectUri}?state=bye`)
    const after = await target.fetch('/userinfo', {
      headers: { authorization: `Bearer ${refreshed.access_token}` },
    })
    expect(after.status).toBe(401)
    expect(browser.cookies.has('propusk_sso')).toBe(false)

    // Nothing secret of the flow reached a log line.
    const logs = propusk.logs.join('\n')
    const secrets = [
      callback.get('code'),
      authorization.verifier,
      fixture.person.password,
      tokens.access_token,
      tokens.refresh_token,
      tokens.id_token,
      ...browser.cookies.values(),
    ]
    for (const secret of secrets) expect(logs).not.toContain(String(secret))
  })

  it('signs in with an SMS code read from the development outbox', async () => {
    const { tokens } = await completeCodeFlow(target, rp, {
      kind: 'code',
      login: fixture.person.phone,
      method: 'sms-otp',
      readCode: () => latestCode(propusk, fixture.person.phone),
    })
    const verified = await verifyIdToken(target, rp, tokens.id_token as string)
    expect(verified.amr).toEqual(['otp', 'sms'])
    expect(verified.sub).toBe(fixture.person.id)
  })

  it('lets the built-in admin console use its own page as redirect URI, on any install', async () => {
    const suffix = crypto.randomUUID().slice(0, 8)
    const at = new Date().toISOString()
    const password = `Console pass phrase ${suffix}`
    await propusk.services.sql.batch([
      {
        sql: `INSERT INTO users (id, kind, display_name, email, status, password_hash, created_at, updated_at, activated_at)
              VALUES (?, 'employee', 'Console Admin', ?, 'active', ?, ?, ?, ?)`,
        args: [
          `usr_console_${suffix}`,
          `console.${suffix}@example.com`,
          await hashPassword(password),
          at,
          at,
          at,
        ],
      },
      {
        sql: "INSERT INTO user_roles (user_id, role_id) VALUES (?, 'role_administrator')",
        args: [`usr_console_${suffix}`],
      },
    ])
    const consoleRp = await discover(target, 'admin-console', `${issuer}/admin/`)
    const { tokens, back } = await completeCodeFlow(target, consoleRp, {
      kind: 'password',
      login: `console.${suffix}@example.com`,
      password,
    })
    expect(back.origin + back.pathname).toBe(`${issuer}/admin/`)
    const me = await target.fetch('/v1/me', {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    })
    expect(me.status).toBe(200)
  })
})
