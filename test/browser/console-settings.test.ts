import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserAvailable, openBrowser, type Browser } from './support/browser.ts'
import { startConsoleServer } from './support/console.ts'
import type { RunningServer } from './support/server.ts'
import { adminToken, seedInstall, signIn } from './support/walk.ts'

/** Session policy and plugin settings in human units, with defaults and errors at the field. */
const entry = process.env.PROPUSK_BROWSER_ENTRY ?? 'src/runtime/node/main.ts'

let server: RunningServer
let browser: Browser
let page: Page

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '')
const card = (title: string) =>
  page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: title }) })

describe.skipIf(!browserAvailable())('console settings in human units', () => {
  beforeAll(async () => {
    server = await startConsoleServer(entry)
    await seedInstall(server.url, server.setupLink)
    browser = await openBrowser()
    page = browser.page
    await signIn(page, server.url)
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows an app’s session policy in minutes and days, defaults filled in', async () => {
    await page.goto(`${server.url}/admin/apps/new?type=engineer-mobile`)
    const policy = card('Session policy')
    const longest = policy.getByLabel('Longest session')
    await longest.waitFor()
    // The type's defaults are on screen, not empty fields or 15552000.
    expect(await policy.getByLabel('Access token lifetime').inputValue()).toBe('15')
    expect(await longest.inputValue()).toBe('180')
    expect(await policy.getByRole('combobox').nth(1).inputValue()).toBe('days')
    await policy.getByText('Default for this type: 180 days.').waitFor()
    expect(await policy.textContent()).not.toMatch(/, s\b|\d{6,}/)
    // Redirect URIs have a card of their own, not under SMS auto-fill.
    expect(await card('SMS auto-fill').getByLabel('Redirect URIs').count()).toBe(0)
    await card('Redirect URIs').getByLabel('Redirect URIs').waitFor()

    // A 30-day session: type 30, keep "days".
    await page.getByLabel('Name', { exact: true }).fill('Engineers (30 days)')
    await page.getByLabel('Client id').fill('engineers-30')
    await longest.fill('30')
    await page.getByRole('button', { name: 'Create' }).click()
    await page.getByRole('heading', { level: 1, name: 'Engineers (30 days)' }).waitFor()
    const saved = await fetch(`${server.url}/v1/admin/apps/engineers-30`, {
      headers: { Authorization: `Bearer ${await adminToken(server.url)}` },
    }).then((r) => r.json() as Promise<{ policy: Record<string, number> }>)
    // Only what differs from the type is stored, so the type's other defaults keep applying.
    expect(saved.policy).toEqual({ refreshTokenAbsoluteTtlSeconds: 30 * 86_400 })
  })

  it('moves focus to the app field the server refused', async () => {
    await page.getByLabel('Android app hash').fill('short')
    await page.getByRole('button', { name: 'Save' }).click()
    const hash = page.getByLabel('Android app hash')
    await expect.poll(() => hash.getAttribute('aria-invalid')).toBe('true')
    // Focus follows once the refused save has rendered.
    const hashId = await hash.getAttribute('id')
    await expect.poll(focusedId).toBe(hashId)
    // Words, not field paths.
    expect(await page.locator('form').first().textContent()).not.toContain(
      'settings.androidAppHash',
    )
  })

  it('shows plugin settings in words and units, without requirement ids or typos', async () => {
    await page.goto(`${server.url}/admin/plugins?id=sms-otp`)
    const ttl = page.getByLabel('A code works for')
    await ttl.waitFor()
    expect(await ttl.inputValue()).toBe('5')
    const text = (await page.locator('#main').textContent()) ?? ''
    expect(text).not.toMatch(/\(R\d+|per10|\.ts\b|Seconds|Ms\b/)
    expect(text).toContain('Default: 30 days')
  })

  it('moves focus to the plugin setting the server refused, far down the form', async () => {
    const setting = page.getByLabel('Codes per country per hour')
    await setting.fill('0')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => setting.getAttribute('aria-invalid')).toBe('true')
    const settingId = await setting.getAttribute('id')
    await expect.poll(focusedId).toBe(settingId)
    expect(await setting.isVisible()).toBe(true)
  })

  it('names the provider each channel uses, sends a test SMS, and saves without a restart', async () => {
    await page.goto(`${server.url}/admin/plugins?id=sms-otp`)
    const live = card('Delivery in use')
    await live.getByRole('heading', { level: 3, name: /^SMS: / }).waitFor()
    expect(await live.getByRole('heading', { level: 3 }).count()).toBe(3)
    await live.getByLabel('Phone for a test SMS').fill('8 916 123-45-67')
    await live.getByRole('button', { name: 'Send a test SMS' }).click()
    // The toast names the provider and the number as people write it.
    await page.getByText(/accepted it: check \+7 916 123-45-67\./).waitFor()
    const outbox = await fetch(
      `${server.url}/v1/providers/console-delivery/outbox?recipient=%2B79161234567`,
      { headers: { Authorization: `Bearer ${await adminToken(server.url)}` } },
    ).then((r) => r.json() as Promise<{ messages: Array<{ purpose: string }> }>)
    expect(outbox.messages.some((m) => m.purpose === 'test')).toBe(true)

    // A bad number is refused at its field, in words.
    await live.getByLabel('Phone for a test SMS').fill('12')
    await live.getByRole('button', { name: 'Send a test SMS' }).click()
    await expect
      .poll(() => live.getByLabel('Phone for a test SMS').getAttribute('aria-invalid'))
      .toBe('true')

    const ttl = page.getByLabel('A code works for')
    await ttl.fill('6')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Saved and applied.').waitFor()
    expect(await page.locator('#main').textContent()).not.toMatch(/Restart Propusk/i)
  })
})
