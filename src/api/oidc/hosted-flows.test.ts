/**
 * The hosted pages' other paths, in-process with a real redis-server: first-login registration
 * (R4: an invited person proves the phone by code, then creates a password), the not-activated
 * and blocked cases (R3) with their messages, the resend cooldown, and every page's size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../modules/passwords/hash.ts'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { latestCode } from '../../../test/support/otp.ts'
import type { OidcFixture } from '../../../test/support/oidc-fixtures.ts'
import { startInProcessOidc } from '../../../test/support/oidc-in-process.ts'
import {
  authorizationUrl,
  codeGrant,
  FormBrowser,
  location,
  oauth,
  pathOf,
  verifyIdToken,
  type OidcTarget,
  type RpClient,
} from '../../../test/support/oidc-rp.ts'

let propusk: TestPropusk
let target: OidcTarget
let fixture: OidcFixture
let rp: RpClient

beforeAll(async () => {
  ;({ propusk, target, fixture, rp } = await startInProcessOidc())
})

afterAll(async () => propusk?.close())

/** A person holding the fixture's `web` role, in the given state. */
async function person(status: 'invited' | 'blocked', password: string | null) {
  const suffix = crypto.randomUUID().slice(0, 8)
  const phone = `+7915${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`
  const id = `usr_hosted_${suffix}`
  const at = new Date().toISOString()
  const { rows } = await propusk.services.sql.execute({
    sql: 'SELECT role_id FROM user_roles WHERE user_id = ?',
    args: [fixture.person.id],
  })
  await propusk.services.sql.batch([
    {
      sql: `INSERT INTO users (id, kind, display_name, phone, status, password_hash, created_at, updated_at)
            VALUES (?, 'employee', 'Hosted Person', ?, ?, ?, ?, ?)`,
      args: [id, phone, status, password ? await hashPassword(password) : null, at, at],
    },
    { sql: 'INSERT INTO user_roles VALUES (?, ?)', args: [id, String(rows[0]?.role_id)] },
  ])
  return { id, phone }
}

/** Opens the hosted pages for a new authorization; answers the browser, the page and the request. */
async function open(extra: Record<string, string> = {}) {
  const browser = new FormBrowser(target)
  const authorization = await authorizationUrl(rp, extra)
  const start = await browser.request(pathOf(authorization.url))
  const page = await browser.request(location(start))
  return { browser, authorization, html: await page.text() }
}

/** Submits and follows the 303 to the next page (or answers the redirect away). */
async function step(browser: FormBrowser, html: string, fields: Record<string, string>) {
  const posted = await browser.submit(html, fields)
  expect(posted.status).toBe(303)
  const to = location(posted)
  if (!to.startsWith('/signin')) return { away: to, html: '' }
  return { away: null, html: await (await browser.request(to)).text() }
}

const alertOf = (html: string) => /role="alert">([^<]*)</.exec(html)?.[1] ?? ''

async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return (await new Response(stream).arrayBuffer()).byteLength
}

describe('hosted pages', () => {
  it('first sign-in: code, then a new password, then back to the client (R4)', async () => {
    const invited = await person('invited', null)
    const { browser, authorization, html } = await open()
    const sizes = [await gzipSize(html)]
    let page = await step(browser, html, { action: 'login', login: invited.phone })
    sizes.push(await gzipSize(page.html))
    page = await step(browser, page.html, { method: 'sms-otp' })
    expect(page.html).toContain('autocomplete="one-time-code"')
    expect(page.html).toContain('inputmode="numeric"')
    sizes.push(await gzipSize(page.html))
    const code = await latestCode(propusk, invited.phone)
    page = await step(browser, page.html, { action: 'code', code })
    expect(page.html).toContain('autocomplete="new-password"')
    sizes.push(await gzipSize(page.html))
    const mismatch = await step(browser, page.html, {
      action: 'register',
      password: 'Copper kettle 77',
      confirm: 'Copper kettle 78',
    })
    expect(alertOf(mismatch.html)).toBe('The two passwords differ.')
    const done = await step(browser, mismatch.html, {
      action: 'register',
      password: 'Copper kettle 77',
      confirm: 'Copper kettle 77',
    })
    const back = new URL(done.away ?? '')
    const params = oauth.validateAuthResponse(rp.as, rp.client, back, authorization.state)
    const tokens = await oauth.processAuthorizationCodeResponse(
      rp.as,
      rp.client,
      await codeGrant(rp, target, params, authorization.verifier),
      { expectedNonce: authorization.nonce },
    )
    expect((await verifyIdToken(target, rp, tokens.id_token as string)).sub).toBe(invited.id)
    expect((await propusk.services.identity.users.get(invited.id))?.status).toBe('active')
    // Each step's page, gzip: far under the 30 KB budget.
    for (const size of sizes) expect(size).toBeLessThan(30 * 1024)
  })

  it('says when an account is not activated yet, or blocked (R3)', async () => {
    const invited = await person('invited', 'Some pass phrase 1')
    let { browser, html } = await open()
    let page = await step(browser, html, { action: 'login', login: invited.phone })
    page = await step(browser, page.html, { method: 'password' })
    page = await step(browser, page.html, { action: 'password', password: 'Some pass phrase 1' })
    expect(alertOf(page.html)).toContain('Not activated yet?')

    const blocked = await person('blocked', 'Other pass phrase 2')
    ;({ browser, html } = await open())
    page = await step(browser, html, { action: 'login', login: blocked.phone })
    page = await step(browser, page.html, { method: 'password' })
    page = await step(browser, page.html, { action: 'password', password: 'Other pass phrase 2' })
    expect(alertOf(page.html)).toBe('Your account is blocked. Contact your administrator.')
  })

  it('asks to wait before a new code, and links the password reset', async () => {
    const { browser, html } = await open()
    const methods = await step(browser, html, { action: 'login', login: fixture.person.phone })
    const codePage = await step(browser, methods.html, { method: 'sms-otp' })
    expect(codePage.html).toMatch(/data-wait="(59|60)"/)
    const again = await step(browser, codePage.html, { action: 'resend' })
    expect(alertOf(again.html)).toMatch(/^You can request a new code in \d+ s\.$/)
    const back = await step(browser, again.html, { action: 'restart' })
    const other = await step(browser, back.html, { action: 'login', login: fixture.person.phone })
    const password = await step(browser, other.html, { method: 'password' })
    expect(password.html).toContain('href="/reset-password?lang=en"')
  })

  it('switch language by link, and keep it for the next steps', async () => {
    const { browser, html } = await open({ login_hint: '+7 916 000-00-00' })
    expect(html).toContain('value="+7 916 000-00-00"')
    const link = /href="(\/signin\?req=[^"]+lang=ru)"/.exec(html)?.[1]?.replace(/&amp;/g, '&')
    const russian = await (await browser.request(link ?? '')).text()
    expect(russian).toContain('<html lang="ru">')
    const next = await step(browser, russian, { action: 'login', login: 'not a login' })
    expect(alertOf(next.html)).toBe(
      'Введите номер мобильного телефона (например, +7 916 123-45-67) или e-mail.',
    )
  })
})
