import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserAvailable, openBrowser, shoot, type Browser } from './support/browser.ts'
import {
  readOutboxCode,
  startConsoleServer,
  trySignIn,
  watchPageProblems,
} from './support/console.ts'
import { insertDemoSignIns } from './support/demo-sign-ins.ts'
import type { RunningServer } from './support/server.ts'

/**
 * The path of issue 5's "done when", in a real browser against the real Node server: the
 * first-admin link, sign-in, a person invited and activated through the Outbox, a role granted
 * the engineer app, that person's sign-in to it (the app page's "Try sign-in", local mode) and
 * the sign-in arriving on the open dashboard and in the audit log.
 *
 * The README's screenshots are of the Russian console (test/browser/screenshots-ru.ts); this
 * story's shots of the same pages stay in test-results/screenshots.
 */
const entry = process.env.PROPUSK_BROWSER_ENTRY ?? 'src/runtime/node/main.ts'
const adminPassword = 'correct horse battery staple'
const ivanPassword = 'tractor-orbit-violet-42'

let server: RunningServer
let browser: Browser
let page: Page
let ivanId = ''
/** Script errors and CSP violations seen by any page (HTTP error statuses are expected). */
const pageProblems: string[] = []

/** expect.poll with the same patience as the page's locators (its default is 1 s). */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 })

const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true })
const heading = (name: string) => page.getByRole('heading', { level: 1, name })

describe.skipIf(!browserAvailable())('admin console in Chromium', () => {
  beforeAll(async () => {
    server = await startConsoleServer(entry)
    browser = await openBrowser()
    page = browser.page
    watchPageProblems(browser.context, pageProblems)
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('serves the console at /admin with deep links, and / redirects there', async () => {
    const root = await fetch(`${server.url}/`, { redirect: 'manual' })
    expect(root.status).toBe(302)
    expect(root.headers.get('location')).toMatch(/\/admin\/?$/)
    const deep = await fetch(`${server.url}/admin/people/usr_anything`)
    expect(deep.status).toBe(200)
    expect(deep.headers.get('cache-control')).toBe('no-store')
    const html = await deep.text()
    const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeTruthy()
    const asset = await fetch(`${server.url}${script}`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect((await fetch(`${server.url}/admin/assets/missing-abcdef12.js`)).status).toBe(404)
  })

  it('creates the first administrator from the link printed at start-up', async () => {
    await page.goto(server.setupLink)
    await page.fill('#displayName', 'Анна Смирнова')
    await page.fill('#email', 'anna@example.com')
    await page.fill('#password', adminPassword)
    await page.fill('#confirm', adminPassword)
    const done = page.waitForResponse((r) => r.url().includes('/v1/auth/setup-link/complete'))
    await page.getByRole('button').last().click()
    expect((await done).ok()).toBe(true)
    // The success message leads to the console.
    await page.getByRole('link', { name: 'Open the admin console →' }).click()
    await page.waitForURL(/\/admin\/?$/)
  })

  it('signs in on the hosted pages and keeps the refresh token away from scripts', async () => {
    // The console sends the browser to the hosted sign-in pages, which send it back signed in.
    await page.waitForURL((url) => url.pathname === '/signin')
    const login = page.getByLabel('Mobile phone or e-mail')
    await shoot(page, '01-sign-in', { docs: true })
    await login.fill('anna@example.com')
    await page.getByRole('button', { name: 'Continue' }).click()
    const password = page.getByLabel('Password', { exact: true })
    const choice = page.getByRole('button', { name: 'With my password' })
    await choice.or(password).first().waitFor()
    if (await choice.isVisible()) await choice.click()
    await password.fill('nope-nope-nope')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').waitFor()
    await page.getByLabel('Password', { exact: true }).fill(adminPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await heading('Dashboard').waitFor()
    // The code and state are gone from the address.
    expect(new URL(page.url()).search).toBe('')
    expect(await page.evaluate(() => document.cookie)).not.toContain('propusk_console')
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toMatch(/ey[\w-]+\.ey/)
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toBe('{}')
    await shoot(page, '02-dashboard-empty')
  })

  it('creates a role without apps and invites a person into it', async () => {
    await nav('Roles').click()
    await heading('Roles').waitFor()
    await page.getByRole('link', { name: 'New role' }).click()
    await page.getByLabel('Name').fill('Dispatchers')
    await page.getByLabel('Description').fill('Office staff who plan field work')
    await page.getByRole('button', { name: 'Create' }).click()
    await heading('Dispatchers').waitFor()

    await nav('People').click()
    await heading('People').waitFor()
    await shoot(page, '03-people-empty')
    await page.getByRole('link', { name: 'Add person' }).click()
    // Required fields are checked before anything is sent, in the admin's language.
    await page.getByRole('button', { name: 'Add and invite' }).click()
    const name = page.getByRole('textbox', { name: 'Full name', exact: true })
    await page.getByText('Enter the person’s full name.').waitFor()
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    expect(await name.evaluate((e) => document.activeElement === e)).toBe(true)
    await name.fill('Иван Петров')
    await page.getByLabel('Mobile phone').fill('8 916 123-45-67')
    await page.getByLabel('E-mail').fill('not-an-email')
    await page.getByRole('checkbox', { name: /Field employee/ }).uncheck()
    await page.getByRole('checkbox', { name: /Dispatchers/ }).check()
    await page.getByRole('button', { name: 'Add and invite' }).click()
    // The server's validation message appears next to the e-mail field, outside its label (the
    // field's accessible name stays "E-mail") and linked to it.
    const error = page.locator('.field:has(input[name=email]) .error')
    await error.waitFor()
    const email = page.getByRole('textbox', { name: 'E-mail', exact: true })
    expect(await email.getAttribute('aria-invalid')).toBe('true')
    expect(await email.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'))
    await shoot(page, '04-person-create-error')
    await page.getByLabel('E-mail').fill('Ivan.Petrov@Example.com')
    await page.getByRole('button', { name: 'Add and invite' }).click()
    await heading('Иван Петров').waitFor()
    ivanId = page.url().split('/').pop() ?? ''
    expect(ivanId).toMatch(/^usr_/)
    await page.getByText('Sent by').waitFor()
    await shoot(page, '05-person-invited', { height: 1180 })
  })

  it('keeps the admin signed in across a reload of a deep link', async () => {
    await page.reload()
    await heading('Иван Петров').waitFor()
  })

  it('turns on SMS forwarding for the person’s phone (R11)', async () => {
    await page.getByText('No forwarding for this phone yet.').waitFor()
    await page.getByLabel('Forward to e-mail').fill('support@example.com')
    await page.getByRole('button', { name: 'Turn on forwarding' }).click()
    await page.getByText('Forwarding saved.').waitFor()
    await page.getByRole('checkbox', { name: 'Forwarding is on' }).waitFor()
  })

  it('follows the invitation from the Outbox and sets a password', async () => {
    await nav('Outbox').click()
    await heading('Outbox').waitFor()
    // Ivan has only a phone: his SMS carries the short form of the link.
    const link = page.locator('a[href*="/invite?token="], a[href*="/i/"]').first()
    await link.waitFor()
    await shoot(page, '06-outbox')
    const href = (await link.getAttribute('href')) ?? ''
    const invite = await browser.context.newPage()
    await invite.goto(href)
    await invite.fill('#password', ivanPassword)
    await invite.fill('#confirm', ivanPassword)
    const accepted = invite.waitForResponse((r) => r.url().includes('/v1/invitations/accept'))
    await invite.getByRole('button').last().click()
    expect((await accepted).ok()).toBe(true)
    await shoot(invite, '07-invitation-accepted')
    await invite.close()
    await page.goto(`${server.url}/admin/people/${ivanId}`)
    await page.getByText('Active', { exact: true }).first().waitFor()
  })

  it('points to the missing engineer app and registers it with the type’s defaults', async () => {
    await nav('Apps').click()
    await heading('Apps').waitFor()
    await page.getByRole('heading', { name: 'Register the apps your people sign in to' }).waitFor()
    await shoot(page, '08-apps-get-started')
    await nav('Roles').click()
    await page.getByRole('link', { name: 'Dispatchers' }).click()
    await heading('Dispatchers').waitFor()
    const engineer = page.locator('.check-item', { hasText: 'Engineer mobile app' })
    await engineer.getByText('No app of this type is registered yet').waitFor()
    await engineer.getByRole('link', { name: 'register one' }).click()
    await heading('Register an app').waitFor()
    expect(new URL(page.url()).searchParams.get('type')).toBe('engineer-mobile')
    expect(await page.getByLabel('Type').inputValue()).toBe('engineer-mobile')
    // The engineer-mobile plugin's defaultSignInMethods, not a guess of the console's.
    for (const method of ['SMS code', 'Flash call', 'E-mail code', 'Password']) {
      expect(await page.getByRole('checkbox', { name: new RegExp(`^${method}`) }).isChecked()).toBe(
        true,
      )
    }
    await page.getByLabel('Name', { exact: true }).fill('Engineer app (Android)')
    await page.getByLabel('Client id').fill('engineer-app')
    await page.getByLabel('Android app hash').fill('FA+9qCX9VSu')
    await page.getByLabel('WebOTP domain').fill('engineer.example.com')
    await page.getByRole('button', { name: 'Create' }).click()
    await heading('Engineer app (Android)').waitFor()
  })

  it('tries the person’s sign-in from the app page: refused while the role lacks the app', async () => {
    const panel = await trySignIn(page, 'ivan.petrov@example.com', 'Password')
    await panel.getByLabel('Password', { exact: true }).fill(ivanPassword)
    await panel.getByRole('button', { name: 'Sign in' }).click()
    await panel.getByText('app_access_denied').waitFor()
    await panel.getByText('Their roles do not grant access to this app.').waitFor()
    await shoot(page, '08-app-editor', { fullPage: true })
  })

  it('grants the role the engineer app', async () => {
    await nav('Roles').click()
    await page.getByRole('link', { name: 'Dispatchers' }).click()
    await heading('Dispatchers').waitFor()
    const engineer = page.locator('.check-item', { hasText: 'Engineer mobile app' })
    // Registered now: no more call to action.
    expect(await engineer.locator('.cta').count()).toBe(0)
    await page.getByRole('checkbox', { name: /Engineer mobile app/ }).check()
    await page.getByRole('checkbox', { name: 'People: Read' }).check()
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Role saved.').waitFor()
    await shoot(page, '09-role-editor', { height: 1000, toasts: true })
  })

  it('watches the person’s sign-ins arrive on the open dashboard', async () => {
    // A second tab keeps the dashboard open, its clock faked so that 15 s pass at once.
    const watcher = await browser.context.newPage()
    await watcher.clock.install()
    await watcher.goto(`${server.url}/admin`)
    const recent = watcher.getByRole('region', { name: 'Recent sign-ins' })
    await recent.waitFor()
    expect(await recent.getByText('Иван Петров').count()).toBe(1) // the refusal above

    // Signing in happens in the first tab (a background tab's clicks are throttled).
    await page.bringToFront()
    await page.goto(`${server.url}/admin/apps/engineer-app`)
    let panel = await trySignIn(page, 'ivan.petrov@example.com', 'Password')
    await panel.getByLabel('Password', { exact: true }).fill(ivanPassword)
    await panel.getByRole('button', { name: 'Sign in' }).click()
    await panel.getByText('Signed in. The tokens were not kept.').waitFor()
    await panel.getByRole('link', { name: 'Иван Петров' }).waitFor()
    await panel.getByText('Engineer app (Android)').waitFor()

    // By e-mail code: the code is read from the Outbox, as a developer would.
    panel = await trySignIn(page, 'ivan.petrov@example.com', 'E-mail code')
    await panel.getByRole('button', { name: 'Send code' }).click()
    await panel.getByText('a code is on its way').waitFor()
    const code = await readOutboxCode(browser.context, server.url)
    expect(code).toMatch(/^\d+$/)
    await page.bringToFront()
    await panel.getByLabel('Code').fill(code)
    await panel.getByRole('button', { name: 'Sign in' }).click()
    await panel.getByText('Signed in. The tokens were not kept.').waitFor()
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toMatch(/ey[\w-]+\.ey/)
    await shoot(page, '10-try-sign-in', { fullPage: true })

    // Nothing clicked on the dashboard: back in view and 15 s later, both sign-ins are there.
    await watcher.bringToFront()
    await watcher.clock.fastForward(16_000)
    await poll(() => recent.getByText('Иван Петров').count()).toBe(3)
    await recent.getByText('E-mail code').first().waitFor()
    await recent.getByText('Engineer app (Android)').first().waitFor()

    // TEST DATA (marked in the audit log) so the README's dashboard shows a fortnight; the
    // open dashboard picks it up on its own at the next 15 s tick.
    await insertDemoSignIns(server.dbPath, {
      userId: ivanId,
      appIds: ['engineer-app', 'engineer-app', 'admin-console'],
    })
    await watcher.clock.fastForward(16_000)
    const legends = watcher.locator('.legend')
    await poll(() => legends.nth(0).textContent()).toContain('Flash call')
    await poll(() => legends.nth(1).textContent()).toContain('Engineer app (Android)')
    await watcher.close()
    // The README's picture, from a tab with a real clock (a fake one holds animation frames).
    await page.bringToFront()
    await nav('Dashboard').click()
    await page.getByRole('region', { name: 'Recent sign-ins' }).waitFor()
    await poll(() => page.locator('.legend').nth(0).textContent()).toContain('Flash call')
    await shoot(page, '10-dashboard', { fullPage: true })
  })

  it('shows the sign-ins in the audit log', async () => {
    await nav('Audit log').click()
    await heading('Audit log').waitFor()
    await page.getByLabel('Action').fill('sign_in.')
    await page.getByRole('button', { name: 'Apply' }).click()
    await poll(() => new URL(page.url()).searchParams.get('action')).toBe('sign_in.')
    const rows = page.locator('tbody tr')
    await poll(() => rows.count()).toBeGreaterThanOrEqual(3)
    await poll(() =>
      page.locator(`tbody a[href="/admin/people/${ivanId}"]`).count(),
    ).toBeGreaterThan(0)
    await poll(() => page.getByText('Denied', { exact: true }).count()).toBeGreaterThan(0)
    await page.locator('tbody tr button').first().click()
    await shoot(page, '11-audit-log')
  })

  it('ends sessions after a confirmation', async () => {
    await page.goto(`${server.url}/admin/people/${ivanId}`)
    await heading('Иван Петров').waitFor()
    // Devices read as browser and system; the full User-Agent is in the tooltip.
    const device = page.locator('td[title*="Mozilla"]').first()
    await device.waitFor()
    expect(await device.textContent()).toMatch(/Chrome \d+ · Linux/)
    await page.getByRole('button', { name: 'End', exact: true }).first().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'End', exact: true }).click()
    await page.getByText('Session ended.').waitFor()
    await page.getByRole('button', { name: 'End all sessions' }).click()
    await dialog.waitFor()
    await shoot(page, '12-confirm-dialog')
    await dialog.getByRole('button', { name: 'End all sessions' }).click()
    // Plural forms by Intl.PluralRules: one session, not "1 sessions".
    await page.getByText('1 session ended.').waitFor()
    await page.getByText('No active sessions.').waitFor()
  })

  it('imports people from CSV with a report per row', async () => {
    await page.goto(`${server.url}/admin/people/import`)
    await heading('Import people from CSV').waitFor()
    await page
      .locator('textarea[name=csv]')
      .fill(
        'kind,display_name,phone,email,roles\n' +
          'employee,Пётр Сидоров,+7 903 555-01-02,,Field employee\n' +
          'employee,Без логина,,,\n' +
          'customer,ООО Ромашка,,office@romashka.example,Customer\n',
      )
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByText('2 created, 1 with errors, 3 rows').waitFor()
    await shoot(page, '13-import-report', { docs: true })
  })

  it('lists people with search, tabs and paging controls', async () => {
    await nav('People').click()
    await page.getByRole('link', { name: 'Иван Петров' }).waitFor()
    await shoot(page, '14-people', { docs: true })
    await page.getByLabel('Search by name, phone or e-mail').fill('916 123')
    await poll(() => page.locator('tbody tr').count()).toBe(1)
    await page.getByRole('tab', { name: 'Customers' }).click()
    await page.getByLabel('Search by name, phone or e-mail').fill('')
    await page.getByRole('link', { name: 'ООО Ромашка' }).waitFor()
  })

  it('edits plugin settings through a form generated from their JSON Schema', async () => {
    await nav('Sign-in & providers').click()
    await heading('Sign-in methods & providers').waitFor()
    await page.getByRole('link', { name: 'Password', exact: true }).click()
    const field = page.getByLabel('Wrong passwords before the account is locked')
    await field.fill('0')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.locator('.field .error').first().waitFor()
    await shoot(page, '15-plugin-settings-error')
    await field.fill('7')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Saved and applied.').first().waitFor()
    await shoot(page, '16-plugin-settings', { height: 900 })
  })

  it('shows the delivery log', async () => {
    await nav('Deliveries').click()
    await heading('Deliveries').waitFor()
    await page.locator('tbody tr').first().waitFor()
    await shoot(page, '17-deliveries', { docs: true })
  })

  it('works at phone width and in Russian', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${server.url}/admin/people/${ivanId}`)
    await heading('Иван Петров').waitFor()
    await shoot(page, '18-phone-person', { docs: true })
    await page.getByRole('button', { name: 'Menu' }).click()
    await shoot(page, '19-phone-menu')
    // The audit log as cards: result, actor and target all stay on screen.
    await page.goto(`${server.url}/admin/audit?action=sign_in.`)
    const card = page.locator('tbody tr', { hasText: 'Denied' }).first()
    await card.waitFor()
    for (const part of [
      card.getByText('Denied'),
      card.getByRole('link', { name: 'Иван Петров' }),
    ]) {
      expect(await part.first().isVisible()).toBe(true)
    }
    await shoot(page, '19-phone-audit')
    await page.getByRole('button', { name: 'Menu' }).click()
    await page.getByLabel('Language').selectOption('ru')
    // Built-in roles and counts in Russian.
    await page.goto(`${server.url}/admin/roles`)
    await page.getByRole('link', { name: 'Выездной сотрудник' }).waitFor()
    await page.getByRole('link', { name: 'Dispatchers' }).click()
    await page.getByText('Роль у 1 человека').waitFor()
    await page.setViewportSize({ width: 1280, height: 820 })
    await page.goto(`${server.url}/admin`)
    await heading('Обзор').waitFor()
    await page.locator('svg.chart rect').first().waitFor()
    await shoot(page, '20-dashboard-ru', { docs: true })
    await page.getByLabel('Язык').selectOption('en')
  })

  it('signs out and ends the session', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    // Through end_session back to the console, which sends the browser to the hosted pages.
    await page.getByLabel('Mobile phone or e-mail').waitFor()
    await page.reload()
    await page.getByLabel('Mobile phone or e-mail').waitFor()
    const refresh = await page.evaluate(() =>
      fetch('/v1/console/refresh', { method: 'POST', headers: { 'X-Propusk-Console': '1' } }).then(
        (r) => r.status,
      ),
    )
    expect(refresh).toBe(401)
  })

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(pageProblems).toEqual([])
  })
})
