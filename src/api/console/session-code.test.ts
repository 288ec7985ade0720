/**
 * The console's sign-in through the hosted pages, in-process against a real redis-server: the
 * code `/authorize` sent back to `<PUBLIC_URL>/admin/` becomes a console cookie session, once.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import * as oauth from 'oauth4webapi'
import { createRedisStateStore } from '../../storage/state/redis-tcp.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { createAdmin, quietDelivery, type TestAdmin } from '../../../test/support/admin.ts'
import { FormBrowser, signInOnHostedPages } from '../../../test/support/oidc-rp.ts'
import {
  consoleHeaders,
  setCookieOf,
  setPassword,
  withConsole,
} from '../../../testing/fixtures/console-api.ts'

const issuer = 'https://id.example.com'
const redirectUri = `${issuer}/admin/`
const password = 'plum-harbor-sixty-lantern'
let propusk: TestPropusk
let admin: TestAdmin

beforeEach(async () => {
  propusk = await createTestPropusk({
    env: { ...quietDelivery, PUBLIC_URL: issuer },
    state: createRedisStateStore({
      url: inject('redisUrl'),
      prefix: `console-code:${crypto.randomUUID()}:`,
    }),
  })
  withConsole(propusk)
  admin = await createAdmin(propusk)
  await setPassword(propusk, admin.user.id, password)
})
afterEach(async () => propusk?.close())

/** The console's round trip up to the callback: a code for `admin-console`, and its verifier. */
async function codeFromHostedPages() {
  const target = {
    issuer,
    fetch: async (path: string, init?: RequestInit) => propusk.app.request(path, init),
  }
  const browser = new FormBrowser(target)
  const verifier = oauth.generateRandomCodeVerifier()
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: 'admin-console',
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ui_locales: 'en',
  })
  const start = await browser.request(`/authorize?${query}`)
  const back = new URL(
    await signInOnHostedPages(browser, start, {
      kind: 'password',
      login: admin.user.email ?? '',
      password,
    }),
  )
  expect(back.origin + back.pathname).toBe(redirectUri)
  expect(back.searchParams.get('state')).toBe('st-1')
  expect(back.searchParams.get('iss')).toBe(issuer)
  return { code: back.searchParams.get('code') ?? '', verifier }
}

const redeem = (body: Record<string, string>, headers: Record<string, string> = consoleHeaders) =>
  propusk.app.request('/v1/console/session/code', {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  })

async function revokedReason(sessionId: string) {
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT revoked_reason FROM sessions WHERE id = ?',
    args: [sessionId],
  })
  return rows[0]?.revoked_reason ?? null
}

describe('console sign-in with an authorization code', () => {
  it('turns the code into a cookie session, and refuses it a second time', async () => {
    const { code, verifier } = await codeFromHostedPages()
    const response = await redeem({ code, redirectUri, codeVerifier: verifier })
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      accessToken: expect.any(String),
      sessionId: expect.stringMatching(/^ses_/),
      user: { id: admin.user.id },
      permissions: expect.arrayContaining(['users:write']),
    })
    expect(JSON.stringify(body)).not.toMatch(/refresh/i)
    const cookie = setCookieOf(response)
    expect(cookie?.pair).toMatch(/^propusk_console=.{30,}/)
    expect(cookie?.attributes).toMatch(/HttpOnly/)
    expect(cookie?.attributes).toMatch(/SameSite=Strict/)
    expect(cookie?.attributes).toMatch(/Path=\/v1\/console/)

    // The cookie works as any console session's: a refresh answers a new access token.
    const refreshed = await propusk.app.request('/v1/console/refresh', {
      method: 'POST',
      headers: { ...consoleHeaders, cookie: cookie?.pair ?? '' },
    })
    expect(refreshed.status).toBe(200)

    // A reused code is refused and ends what it issued.
    const again = await redeem({ code, redirectUri, codeVerifier: verifier })
    expect(again.status).toBe(400)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('invalid_grant')
    expect(await revokedReason(String(body.sessionId))).toBe('code_reused')
  })

  it('refuses a wrong verifier, and ends the session the code stood for', async () => {
    const { code } = await codeFromHostedPages()
    const response = await redeem({
      code,
      redirectUri,
      codeVerifier: oauth.generateRandomCodeVerifier(),
    })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_grant',
    )
    expect(setCookieOf(response)).toBeNull()
  })

  it('needs the CSRF header and well-formed input', async () => {
    const { code, verifier } = await codeFromHostedPages()
    const noHeader = await redeem(
      { code, redirectUri, codeVerifier: verifier },
      { 'Content-Type': 'application/json' },
    )
    expect(noHeader.status).toBe(403)
    const missing = await redeem({ code, redirectUri })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'validation_failed',
    )
    // Neither spent the code.
    const response = await redeem({ code, redirectUri, codeVerifier: verifier })
    expect(response.status).toBe(200)
  })
})
