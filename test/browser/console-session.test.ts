import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserAvailable, openBrowser, type Browser } from './support/browser.ts'
import { startConsoleServer } from './support/console.ts'
import type { RunningServer } from './support/server.ts'
import { adminPassword, adminToken, seedInstall, signIn, type Seeded } from './support/walk.ts'

/** The console session ending under an open page: nothing typed is lost. */
const entry = process.env.PROPUSK_BROWSER_ENTRY ?? 'src/runtime/node/main.ts'

let server: RunningServer
let browser: Browser
let page: Page
let seeded: Seeded

/** Ends every session of the first administrator from another device, through the admin API. */
async function endAdminSessionsElsewhere() {
  const token = await adminToken(server.url)
  const response = await fetch(`${server.url}/v1/admin/users/${seeded.adminId}/sessions`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status).toBe(200)
}

describe.skipIf(!browserAvailable())('console session expiry', () => {
  beforeAll(async () => {
    server = await startConsoleServer(entry)
    seeded = await seedInstall(server.url, server.setupLink)
    browser = await openBrowser()
    page = browser.page
    await signIn(page, server.url)
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('asks to sign in again over a filled form, then sends it', async () => {
    await page.goto(`${server.url}/admin/people/new`)
    const name = page.getByRole('textbox', { name: 'Full name', exact: true })
    await name.fill('Ольга Кузнецова')
    await page.getByLabel('Mobile phone').fill('+7 916 765-43-21')
    await endAdminSessionsElsewhere()

    await page.getByRole('button', { name: 'Add and invite' }).click()
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' })
    await dialog.waitFor()
    // Still on the form, with what was typed.
    expect(new URL(page.url()).pathname).toBe('/admin/people/new')
    expect(await name.inputValue()).toBe('Ольга Кузнецова')
    // Esc does not throw the admin out of the dialog (the page cannot work without a session).
    await page.keyboard.press('Escape')
    expect(await dialog.isVisible()).toBe(true)

    // The login is filled in: the password is enough.
    expect(await dialog.getByLabel('Phone or e-mail').inputValue()).toBe('anna@example.com')
    await dialog.getByLabel('Password', { exact: true }).fill(adminPassword)
    await dialog.getByRole('button', { name: 'Sign in' }).click()
    // The request that met the ended session goes again: the person is created.
    await page.getByRole('heading', { level: 1, name: 'Ольга Кузнецова' }).waitFor()
    expect(await dialog.isVisible()).toBe(false)
  })

  it('marks the session this console runs in', async () => {
    await page.goto(`${server.url}/admin/people/${seeded.adminId}`)
    const sessions = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'Sessions' }),
    })
    await sessions.getByText('This session', { exact: true }).waitFor()
    expect(await sessions.getByText('This session', { exact: true }).count()).toBe(1)
  })

  it('warns before ending all of one’s own sessions, then signs out', async () => {
    await page.getByRole('button', { name: 'End all sessions' }).click()
    const ask = page.getByRole('dialog', { name: /End all sessions of/ })
    await ask.getByText('This includes the session you are using now').waitFor()
    await ask.getByRole('button', { name: 'End all sessions' }).click()
    await page.locator('input[name=login]').waitFor()
    expect(await page.getByRole('dialog', { name: 'Your session has ended' }).count()).toBe(0)
  })

  it('signs out from the dialog when the admin prefers to', async () => {
    await signIn(page, server.url)
    await page.goto(`${server.url}/admin/people/new`)
    await page.getByRole('textbox', { name: 'Full name', exact: true }).fill('Пётр Сидоров')
    await page.getByLabel('Mobile phone').fill('+7 916 765-43-22')
    await endAdminSessionsElsewhere()
    await page.getByRole('button', { name: 'Add and invite' }).click()
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' })
    await dialog.getByRole('button', { name: 'Sign out instead' }).click()
    await page.locator('input[name=login]').waitFor()
  })
})
