/**
 * The OpenID Connect code flow over HTTP on every runtime (Node, Deno, workerd): oauth4webapi
 * as the relying party, the hosted pages filled in by a browser without JavaScript, with a
 * password and with an SMS code read from the development outbox as an admin; the id_token is
 * checked against the published JWKS, then userinfo, refresh and logout; the refusals a relying
 * party relies on (PKCE, a reused code, an unregistered redirect URI, R7) close the suite.
 */
import { describe, expect, it } from 'vitest'
import { createOidcFixture, type OidcFixture } from '../support/oidc-fixtures.ts'
import {
  authorizationUrl,
  codeGrant,
  completeCodeFlow,
  discover,
  FormBrowser,
  oauth,
  pathOf,
  rpOptions,
  signInOnHostedPages,
  verifyIdToken,
  type OidcTarget,
  type RpClient,
} from '../support/oidc-rp.ts'
import type { SmokeTarget } from './smoke-suite.ts'
import { adminAccessToken } from './support/admin-token.ts'

export function defineOidcSuite(runtime: string, getTarget: () => SmokeTarget): void {
  describe(`OpenID Connect code flow on ${runtime}`, () => {
    let target: OidcTarget
    let fixture: OidcFixture
    let rp: RpClient
    let admin: Promise<string> | undefined

    const readSmsCode = async (phone: string) => {
      admin ??= adminAccessToken(getTarget())
      const response = await getTarget().fetch(
        `/v1/providers/console-delivery/outbox?recipient=${encodeURIComponent(phone)}`,
        { headers: { Authorization: `Bearer ${await admin}` } },
      )
      const { messages } = (await response.json()) as { messages: Array<{ text: string | null }> }
      return /#(\d+)$/.exec(messages[0]?.text ?? '')?.[1] ?? ''
    }

    const setUp = async () => {
      if (rp) return
      const smoke = getTarget()
      const discovery = await smoke.fetch('/.well-known/openid-configuration')
      const { issuer } = (await discovery.json()) as { issuer: string }
      target = { issuer, fetch: (path, init) => smoke.fetch(path, init) }
      fixture = await createOidcFixture((statements) => smoke.sql(statements))
      rp = await discover(target, fixture.clientId, fixture.redirectUri)
    }

    it('a password: validated id_token, userinfo, refresh, logout', async () => {
      await setUp()
      const { tokens, authorization, browser } = await completeCodeFlow(target, rp, {
        kind: 'password',
        login: fixture.person.email,
        password: fixture.person.password,
      })
      const claims = await verifyIdToken(target, rp, tokens.id_token as string)
      expect(claims).toMatchObject({
        sub: fixture.person.id,
        nonce: authorization.nonce,
        amr: ['pwd'],
      })
      const info = await oauth.processUserInfoResponse(
        rp.as,
        rp.client,
        fixture.person.id,
        await oauth.userInfoRequest(rp.as, rp.client, tokens.access_token, rpOptions(target)),
      )
      expect(info.email).toBe(fixture.person.email)
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
      const logout = new URL(rp.as.end_session_endpoint as string)
      logout.searchParams.set('id_token_hint', tokens.id_token as string)
      expect((await browser.request(pathOf(logout))).status).toBe(200)
      const after = await target.fetch('/userinfo', {
        headers: { Authorization: `Bearer ${refreshed.access_token}` },
      })
      expect(after.status).toBe(401)
    })

    it('an SMS code from the outbox', async () => {
      await setUp()
      const { tokens } = await completeCodeFlow(target, rp, {
        kind: 'code',
        login: fixture.person.phone,
        method: 'sms-otp',
        readCode: () => readSmsCode(fixture.person.phone),
      })
      const claims = await verifyIdToken(target, rp, tokens.id_token as string)
      expect(claims.amr).toEqual(['otp', 'sms'])
    })

    it('refuses a wrong verifier, a reused code, an unregistered redirect URI and R7', async () => {
      await setUp()
      const browser = new FormBrowser(target)
      const password = {
        kind: 'password' as const,
        login: fixture.person.email,
        password: fixture.person.password,
      }
      const first = await authorizationUrl(rp)
      const back = await signInOnHostedPages(
        browser,
        await browser.request(pathOf(first.url)),
        password,
      )
      const params = oauth.validateAuthResponse(rp.as, rp.client, new URL(back), first.state)
      const wrong = await codeGrant(rp, target, params, oauth.generateRandomCodeVerifier())
      expect(wrong.status).toBe(400)
      const reused = await codeGrant(rp, target, params, first.verifier)
      expect(reused.status).toBe(400)

      const evil = await authorizationUrl({ ...rp, redirectUri: 'https://evil.example/cb' })
      const page = await browser.request(pathOf(evil.url))
      expect(page.status).toBe(400)
      expect(page.headers.get('location')).toBeNull()

      const other = new FormBrowser(target)
      const denied = await authorizationUrl(rp)
      const deniedBack = await signInOnHostedPages(other, await other.request(pathOf(denied.url)), {
        kind: 'password',
        login: fixture.engineer.email,
        password: fixture.engineer.password,
      })
      expect(new URL(deniedBack).searchParams.get('error')).toBe('access_denied')
    })
  })
}
