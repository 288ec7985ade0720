import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserAvailable, openBrowser, type Browser } from './support/browser.ts'
import { startConsoleServer } from './support/console.ts'
import type { RunningServer } from './support/server.ts'
import { seedInstall, signIn } from './support/walk.ts'

/** The console at 390×844: a menu drawer that opens and closes like a dialog. */
const entry = process.env.PROPUSK_BROWSER_ENTRY ?? 'src/runtime/node/main.ts'

let server: RunningServer
let browser: Browser
let page: Page

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 5000 })

const menuButton = () => page.locator('.topbar button')
const drawerInert = () => page.locator('#menu').evaluate((menu) => (menu as HTMLElement).inert)
const inMenu = () =>
  page.evaluate(() => !!document.activeElement?.closest('#menu') && !!document.activeElement)

describe.skipIf(!browserAvailable())('console at phone width', () => {
  beforeAll(async () => {
    server = await startConsoleServer(entry)
    await seedInstall(server.url, server.setupLink)
    browser = await openBrowser({ viewport: { width: 390, height: 844 } })
    page = browser.page
    await signIn(page, server.url)
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('keeps the top bar one row high on short pages', async () => {
    for (const path of ['/admin/nothing-here', '/admin/roles', '/admin']) {
      await page.goto(`${server.url}${path}`)
      await page.locator('#main h1').waitFor()
      const box = await page.locator('.topbar').boundingBox()
      expect(box?.height, path).toBeLessThanOrEqual(56)
    }
  })

  it('keeps the closed menu out of the tab order', async () => {
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false')
    expect(await drawerInert()).toBe(true)
    await menuButton().focus()
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab')
      expect(await inMenu()).toBe(false)
    }
  })

  it('opens the menu and closes it with the same button', async () => {
    await menuButton().click()
    expect(await menuButton().getAttribute('aria-expanded')).toBe('true')
    expect(await drawerInert()).toBe(false)
    // Focus moves into the menu; the menu's links are reachable.
    expect(await inMenu()).toBe(true)
    // A click, not a keyboard press: the button must be on top of the open drawer.
    await menuButton().click()
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false')
    expect(await drawerInert()).toBe(true)
  })

  it('closes the menu with Esc, returning focus to its button', async () => {
    await menuButton().click()
    await page.keyboard.press('Escape')
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false')
    expect(await menuButton().evaluate((b) => document.activeElement === b)).toBe(true)
  })

  it('closes the menu with a click beside it', async () => {
    await menuButton().click()
    await page.locator('.backdrop').waitFor()
    await page.mouse.click(370, 500)
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false')
    expect(await page.locator('.backdrop').count()).toBe(0)
  })

  it('closes the menu after choosing a page', async () => {
    await menuButton().click()
    await page.locator('#menu a[href="/admin/people"]').click()
    await page.waitForURL(/\/admin\/people$/)
    expect(await menuButton().getAttribute('aria-expanded')).toBe('false')
    expect(await drawerInert()).toBe(true)
  })

  it('shows the menu as a column at desktop width, never inert', async () => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await poll(() => drawerInert()).toBe(false)
    expect(await page.locator('#menu a[href="/admin/roles"]').isVisible()).toBe(true)
    await page.setViewportSize({ width: 390, height: 844 })
    await poll(() => drawerInert()).toBe(true)
  })
})
