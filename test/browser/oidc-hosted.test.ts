/**
 * The hosted sign-in pages in headless Chromium, against the real Node server: a relying party
 * (oauth4webapi) sends the browser to /authorize; the person signs in with a password, then,
 * in a fresh browser, with an SMS code; the browser lands on the RP's loopback callback (the
 * pages' CSP must let the last form's redirect go there), and the RP redeems the code.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserAvailable, openBrowser, shoot, type Browser } from './support/browser.ts'
import { startServer, type RunningServer } from './support/server.ts'
import { runSql } from '../runtime/support/databases.ts'
import { adminAccessToken } from '../runtime/support/admin-token.ts'
import { createOidcFixture, type OidcFixture } from '../support/oidc-fixtures.ts'
import {
  authorizationUrl,
  codeGrant,
  discover,
  oauth,
  verifyIdToken,
  type OidcTarget,
  type RpClient,
} from '../support/oidc-rp.ts'

let server: RunningServer
let rpServer: Server
let target: OidcTarget
let fixture: OidcFixture
let rp: RpClient
const browsers: Browser[] = []

beforeAll(async () => {
  server = await startServer()
  // The relying party's callback: a loopback page that only says it was reached.
  rpServer = createServer((_req, res) => res.end('<!doctype html><title>RP</title>back at the RP'))
  await new Promise<void>((done) => rpServer.listen(0, '127.0.0.1', done))
  const redirectUri = `http://127.0.0.1:${(rpServer.address() as AddressInfo).port}/callback`
  target = { issuer: server.url, fetch: (path, init) => fetch(`${server.url}${path}`, init) }
  const sql = (statements: Parameters<typeof runSql>[1]) => runSql(server.dbPath, statements)
  fixture = await createOidcFixture(sql, redirectUri)
  rp = await discover(target, fixture.clientId, redirectUri)
}, 90_000)

afterAll(async () => {
  for (const browser of browsers) await browser.close()
  await new Promise((done) => rpServer?.close(done))
  await server?.stop()
})

async function newPage(locale = 'en-US'): Promise<Page> {
  const browser = await openBrowser({ locale, viewport: { width: 390, height: 780 } })
  browsers.push(browser)
  return browser.page
}

/** Redeems the code the browser came back with, and checks the ID token. */
async function redeem(page: Page, authorization: Awaited<ReturnType<typeof authorizationUrl>>) {
  await page.waitForURL((url) => url.href.startsWith(rp.redirectUri))
  const params = oauth.validateAuthResponse(
    rp.as,
    rp.client,
    new URL(page.url()),
    authorization.state,
  )
  const tokens = await oauth.processAuthorizationCodeResponse(
    rp.as,
    rp.client,
    await codeGrant(rp, target, params, authorization.verifier),
    { expectedNonce: authorization.nonce },
  )
  return verifyIdToken(target, rp, tokens.id_token as string)
}

describe.skipIf(!browserAvailable())('hosted sign-in pages in Chromium', () => {
  it('a password, without any script on the page', async () => {
    const page = await newPage()
    const authorization = await authorizationUrl(rp)
    await page.goto(authorization.url.href)
    await page.getByLabel('Mobile phone or e-mail').fill(fixture.person.phone)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'With my password' }).click()
    await page.getByLabel('Password').fill(fixture.person.password)
    await shoot(page, 'hosted-password', { docs: true })
    await page.getByRole('button', { name: 'Sign in' }).click()
    const claims = await redeem(page, authorization)
    expect(claims).toMatchObject({ sub: fixture.person.id, amr: ['pwd'] })
  }, 60_000)

  it('an SMS code, in Russian', async () => {
    const page = await newPage('ru-RU')
    const authorization = await authorizationUrl(rp)
    await page.goto(authorization.url.href)
    await page.getByLabel('Мобильный телефон или e-mail').fill(fixture.person.phone)
    await page.getByRole('button', { name: 'Продолжить' }).click()
    await page.getByRole('button', { name: 'Код в SMS' }).click()
    const code = page.locator('input[autocomplete="one-time-code"]')
    await expect(code.getAttribute('inputmode')).resolves.toBe('numeric')
    const admin = await adminAccessToken({
      fetch: target.fetch,
      sql: (statements) => runSql(server.dbPath, statements),
    })
    const outbox = await target.fetch(
      `/v1/providers/console-delivery/outbox?recipient=${encodeURIComponent(fixture.person.phone)}`,
      { headers: { Authorization: `Bearer ${admin}` } },
    )
    const { messages } = (await outbox.json()) as { messages: Array<{ text: string }> }
    await code.fill(/#(\d+)$/.exec(messages[0]?.text ?? '')?.[1] ?? '')
    await shoot(page, 'hosted-sms-code', { docs: true })
    await page.getByRole('button', { name: 'Войти' }).click()
    const claims = await redeem(page, authorization)
    expect(claims.amr).toEqual(['otp', 'sms'])
  }, 60_000)
})
