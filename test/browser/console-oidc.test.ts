/**
 * The console is an OpenID Connect app of its own install: signed out, it sends the browser to
 * /authorize (code + PKCE, in its language), the hosted pages take the password, and the browser
 * comes back signed in, on the page it asked for. Signing out ends the SSO session too, so the
 * next sign-in asks again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserAvailable, openBrowser, type Browser } from './support/browser.ts'
import { startConsoleServer, watchPageProblems } from './support/console.ts'
import type { RunningServer } from './support/server.ts'
import { passwordOnHostedPages, seedInstall, type Seeded } from './support/walk.ts'
import { runSql } from '../runtime/support/databases.ts'
import { hashPassword } from '../../src/modules/passwords/index.ts'

const entry = process.env.PROPUSK_BROWSER_ENTRY ?? 'src/runtime/node/main.ts'

let server: RunningServer
let seeded: Seeded
let browser: Browser
let page: Page
const pageProblems: string[] = []
const fieldPassword = 'tractor-orbit-violet-42'
const heading = (name: string) => page.getByRole('heading', { level: 1, name })

describe.skipIf(!browserAvailable())('console sign-in through the hosted pages', () => {
  beforeAll(async () => {
    server = await startConsoleServer(entry)
    seeded = await seedInstall(server.url, server.setupLink)
    browser = await openBrowser()
    page = browser.page
    watchPageProblems(browser.context, pageProblems)
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('redirects to /authorize, signs in on the hosted page, and comes back to the page asked for', async () => {
    const authorize = page.waitForRequest((request) => request.url().includes('/authorize?'))
    await page.goto(`${server.url}/admin/people?kind=customer`)
    const query = new URL((await authorize).url()).searchParams
    expect(Object.fromEntries(query)).toMatchObject({
      response_type: 'code',
      client_id: 'admin-console',
      redirect_uri: `${server.url}/admin/`,
      code_challenge_method: 'S256',
      ui_locales: 'en',
      scope: 'openid profile email',
    })
    expect(query.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(query.get('state')).toMatch(/^[\w-]{43}$/)
    expect(query.get('nonce')).toMatch(/^[\w-]{43}$/)

    await passwordOnHostedPages(page)
    await heading('People').waitFor()
    const back = new URL(page.url())
    expect(back.pathname + back.search).toBe('/admin/people?kind=customer')
    // The round trip's secrets are gone, and the refresh token is out of the scripts' reach.
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toBe('{}')
    expect(await page.evaluate(() => document.cookie)).not.toContain('propusk_console')
  })

  it('signs in again from the SSO session without asking, while it lasts', async () => {
    await browser.context.clearCookies({ name: 'propusk_console' })
    await page.goto(`${server.url}/admin`)
    await heading('Dashboard').waitFor()
  })

  it('refuses an answer whose state this tab did not send, and waits for the admin', async () => {
    await browser.context.clearCookies()
    await page.goto(`${server.url}/admin/?code=stolen&state=other&iss=${server.url}`)
    await page.getByRole('alert').getByText('The sign-in did not complete').waitFor()
    expect(new URL(page.url()).search).toBe('')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await passwordOnHostedPages(page)
    await heading('Dashboard').waitFor()
  })

  it('signs out through end_session: the next sign-in asks again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL((url) => url.pathname === '/signin')
    expect(
      (await browser.context.cookies())
        .map((cookie) => cookie.name)
        .filter((n) => n !== 'propusk_preauth'),
    ).toEqual([])
    await page.goto(`${server.url}/admin`)
    await page.waitForURL((url) => url.pathname === '/signin')
    await page.locator('input[name=login]').waitFor()
    await passwordOnHostedPages(page)
    await heading('Dashboard').waitFor()
  })

  it('tells a person without the console in their roles, and offers another account', async () => {
    // The seeded field employee, active with a password: their role grants no admin console.
    const at = new Date().toISOString()
    await runSql(server.dbPath, [
      {
        sql: "UPDATE users SET status = 'active', password_hash = ?, activated_at = ? WHERE id = ?",
        args: [await hashPassword(fieldPassword), at, seeded.personId],
      },
    ])
    await page.getByRole('button', { name: 'Sign out' }).click()
    await passwordOnHostedPages(page, '+79161234567', fieldPassword)
    await page.getByRole('alert').getByText('Your roles do not grant access').waitFor()
    expect(new URL(page.url()).search).toBe('')
    // No loop: the console waits on its own page.
    await page.waitForTimeout(500)
    expect(new URL(page.url()).pathname).toBe('/admin/')
    // Another account: the SSO session of the refused one is not reused (prompt=login).
    await page.getByRole('button', { name: 'Sign in with another account' }).click()
    await passwordOnHostedPages(page)
    await heading('Dashboard').waitFor()
  })

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(pageProblems).toEqual([])
  })
})
