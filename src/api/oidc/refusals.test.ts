/**
 * What the provider refuses, each checked through the real app (in-process) with a real
 * redis-server state store: the relying party is oauth4webapi, the browser fills in forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mintClientTicket } from '../../modules/sessions/client-ticket.ts'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import type { OidcFixture } from '../../../test/support/oidc-fixtures.ts'
import { inProcessIssuer, startInProcessOidc } from '../../../test/support/oidc-in-process.ts'
import {
  authorizationUrl,
  codeGrant,
  completeCodeFlow,
  FormBrowser,
  location,
  oauth,
  pathOf,
  signInOnHostedPages,
  type OidcTarget,
  type Proof,
  type RpClient,
} from '../../../test/support/oidc-rp.ts'

const issuer = inProcessIssuer
let propusk: TestPropusk
let target: OidcTarget
let fixture: OidcFixture
let rp: RpClient
let password: Proof

beforeAll(async () => {
  ;({ propusk, target, fixture, rp } = await startInProcessOidc())
  password = { kind: 'password', login: fixture.person.email, password: fixture.person.password }
})

afterAll(async () => propusk?.close())

/** Signs in on the hosted pages and answers the callback parameters, without redeeming. */
async function callback(browser = new FormBrowser(target), extra: Record<string, string> = {}) {
  const authorization = await authorizationUrl(rp, extra)
  const start = await browser.request(pathOf(authorization.url))
  const back = new URL(await signInOnHostedPages(browser, start, password))
  const params = oauth.validateAuthResponse(rp.as, rp.client, back, authorization.state)
  return { params, authorization, browser }
}

/** Gzip size with the web-standard CompressionStream (the core's tests import no node: module). */
async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return (await new Response(stream).arrayBuffer()).byteLength
}

const errorCode = async (response: Response) =>
  ((await response.json()) as { error: { code: string } }).error.code

async function sessionRevoked(sessionId: string): Promise<boolean> {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT revoked_at FROM sessions WHERE id = ?',
    args: [sessionId],
  })
  return rows[0]?.revoked_at != null
}

describe('the code grant refuses', () => {
  it('a missing PKCE verifier, and the code still works with the right one', async () => {
    const { params, authorization } = await callback()
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: fixture.clientId,
      code: params.get('code') ?? '',
      redirect_uri: fixture.redirectUri,
    })
    const refused = await target.fetch('/v1/token', { method: 'POST', body })
    expect(refused.status).toBe(400)
    expect(await errorCode(refused)).toBe('invalid_grant')
    const granted = await codeGrant(rp, target, params, authorization.verifier)
    expect(granted.status).toBe(200)
  })

  it('a wrong PKCE verifier, and the session the code stood for ends', async () => {
    const { params } = await callback()
    const refused = await codeGrant(rp, target, params, oauth.generateRandomCodeVerifier())
    expect(refused.status).toBe(400)
    expect(await errorCode(refused)).toBe('invalid_grant')
    const { rows } = await propusk.services.sql.execute({
      sql: "SELECT target_id FROM audit_log WHERE action = 'token.authorization_code' ORDER BY rowid DESC LIMIT 1",
    })
    expect(await sessionRevoked(String(rows[0]?.target_id))).toBe(true)
  })

  it('a reused code, and the session it issued is revoked', async () => {
    const { params, authorization } = await callback()
    const first = await codeGrant(rp, target, params, authorization.verifier)
    const tokens = await oauth.processAuthorizationCodeResponse(rp.as, rp.client, first, {
      expectedNonce: authorization.nonce,
    })
    const again = await codeGrant(rp, target, params, authorization.verifier)
    expect(again.status).toBe(400)
    expect(await errorCode(again)).toBe('invalid_grant')
    expect(await sessionRevoked(tokens.session_id as string)).toBe(true)
    const me = await target.fetch('/userinfo', {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    })
    expect(me.status).toBe(401)
  })
})

describe('/authorize refuses', () => {
  it('an unregistered redirect URI with a page, never a redirect', async () => {
    const authorization = await authorizationUrl({ ...rp, redirectUri: 'https://evil.example/cb' })
    const response = await new FormBrowser(target).request(pathOf(authorization.url))
    expect(response.status).toBe(400)
    expect(response.headers.get('location')).toBeNull()
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
  })

  it('an app type the person’s roles do not grant: access_denied back, and no code', async () => {
    const browser = new FormBrowser(target)
    const authorization = await authorizationUrl(rp)
    const start = await browser.request(pathOf(authorization.url))
    const back = new URL(
      await signInOnHostedPages(browser, start, {
        kind: 'password',
        login: fixture.engineer.email,
        password: fixture.engineer.password,
      }),
    )
    expect(back.searchParams.get('error')).toBe('access_denied')
    expect(back.searchParams.get('code')).toBeNull()
    expect(back.searchParams.get('iss')).toBe(issuer)
    expect(back.searchParams.get('state')).toBe(authorization.state)
  })

  it('prompt=none without an SSO session: login_required', async () => {
    const authorization = await authorizationUrl(rp, { prompt: 'none' })
    const response = await new FormBrowser(target).request(pathOf(authorization.url))
    expect(response.status).toBe(302)
    const back = new URL(location(response))
    expect(back.origin + back.pathname).toBe(fixture.redirectUri)
    expect(back.searchParams.get('error')).toBe('login_required')
  })

  it('the same parameters by POST (a form), with the same checks', async () => {
    const authorization = await authorizationUrl(rp, { prompt: 'none' })
    const response = await new FormBrowser(target).request('/authorize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: authorization.url.search.slice(1),
    })
    expect(new URL(location(response)).searchParams.get('error')).toBe('login_required')
  })

  it('a plain PKCE challenge: invalid_request back to the client', async () => {
    const authorization = await authorizationUrl(rp, { code_challenge_method: 'plain' })
    const response = await new FormBrowser(target).request(pathOf(authorization.url))
    expect(new URL(location(response)).searchParams.get('error')).toBe('invalid_request')
  })
})

describe('the hosted pages', () => {
  it('refuse a form without its CSRF token', async () => {
    const browser = new FormBrowser(target)
    const authorization = await authorizationUrl(rp)
    const start = await browser.request(pathOf(authorization.url))
    const posted = await browser.request(location(start), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'login', login: fixture.person.email }).toString(),
    })
    expect(posted.status).toBe(403)
  })

  it('refuse the request in another browser (no pre-auth cookie)', async () => {
    const authorization = await authorizationUrl(rp)
    const start = await new FormBrowser(target).request(pathOf(authorization.url))
    const elsewhere = await new FormBrowser(target).request(location(start))
    expect(elsewhere.status).toBe(400)
  })

  it('are each under 30 KB gzip, in Russian when asked', async () => {
    const browser = new FormBrowser(target)
    const authorization = await authorizationUrl(rp, { ui_locales: 'ru' })
    const start = await browser.request(pathOf(authorization.url))
    const page = await browser.request(location(start))
    const html = await page.text()
    expect(html).toContain('lang="ru"')
    const csp = page.headers.get('content-security-policy')
    expect(csp).toContain("frame-ancestors 'none'")
    // The last form's answer redirects to the client, and form-action applies to that redirect.
    expect(csp).toContain(`form-action 'self' ${new URL(fixture.redirectUri).origin};`)
    expect(csp).toMatch(/script-src 'nonce-[\w-]+'/)
    const size = await gzipSize(html)
    expect(size).toBeGreaterThan(500)
    expect(size).toBeLessThan(30 * 1024)
  })
})

describe('the SSO session', () => {
  it('answers the next /authorize without a page, and prompt=login asks again', async () => {
    const { browser, tokens } = await completeCodeFlow(target, rp, password)
    const next = await authorizationUrl(rp)
    const silent = await browser.request(pathOf(next.url))
    expect(silent.status).toBe(302)
    const back = new URL(location(silent))
    expect(back.searchParams.get('code')).toBeTruthy()
    const params = oauth.validateAuthResponse(rp.as, rp.client, back, next.state)
    const again = await codeGrant(rp, target, params, next.verifier)
    const second = await oauth.processAuthorizationCodeResponse(rp.as, rp.client, again, {
      expectedNonce: next.nonce,
    })
    expect(second.session_id).not.toBe(tokens.session_id)

    const forced = await authorizationUrl(rp, { prompt: 'login' })
    const asked = await browser.request(pathOf(forced.url))
    expect(location(asked)).toMatch(/^\/signin\?req=/)
    const fresh = await authorizationUrl(rp, { max_age: '0' })
    expect(location(await browser.request(pathOf(fresh.url)))).toMatch(/^\/signin\?req=/)
    const recent = await authorizationUrl(rp, { max_age: '3600' })
    expect(location(await browser.request(pathOf(recent.url)))).toMatch(/[?&]code=/)
  })
})

describe('deferred-client tickets', () => {
  const signIn = (clientId: string, clientSecret: string) =>
    target.fetch('/v1/auth/password/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        login: fixture.engineer.email,
        password: fixture.engineer.password,
        clientId,
        clientSecret,
      }),
    })

  it('cannot be forged, nor used for another client, to skip a confidential secret', async () => {
    const clientId = `api-${crypto.randomUUID().slice(0, 8)}`
    const at = new Date().toISOString()
    await propusk.services.sql.execute({
      sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, settings, created_at, updated_at)
            VALUES (?, 'API', 'api-only', 1, '["password"]', '{}', ?, ?)`,
      args: [clientId, at, at],
    })
    const forged = await signIn(clientId, `azt_${'A'.repeat(43)}`)
    expect(forged.status).toBe(401)
    expect(await errorCode(forged)).toBe('invalid_client')
    const otherClients = await mintClientTicket(propusk.services.state, fixture.clientId)
    const borrowed = await signIn(clientId, otherClients)
    expect(borrowed.status).toBe(401)
    expect(await errorCode(borrowed)).toBe('invalid_client')
  })
})
