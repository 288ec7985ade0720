import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserAvailable, openBrowser, type Browser } from './support/browser.ts'
import { startConsoleServer } from './support/console.ts'
import type { RunningServer } from './support/server.ts'
import {
  adminToken,
  consolePages,
  openPage,
  openSignedOut,
  seedInstall,
  signIn,
  type Seeded,
} from './support/walk.ts'

/**
 * The Russian console speaks Russian: every page, its title and its controls are walked, and
 * any visible Latin-script word outside a short allowlist fails the test.
 */
const entry = process.env.PROPUSK_BROWSER_ENTRY ?? 'src/runtime/node/main.ts'

/** Brand and product names, units and formats a Russian admin reads as they are. */
const allowed = new Set(
  [
    'Propusk',
    'Twilio',
    'Resend',
    'Sinch',
    'SMS',
    'sms.ru',
    'ru',
    'e-mail',
    'E-mail',
    'Android',
    'WebOTP',
    'QR',
    'API',
    'IP',
    'URI',
    'URL',
    'CSV',
    'JSON',
    'id',
    'English', // the language switch names each language in itself
    'Chrome',
    'Linux',
    'HeadlessChrome',
    'Headless',
    'Node.js',
    'node',
  ].map((w) => w.toLowerCase()),
)

/** What the test itself typed or the install generated: e-mails, URLs, ids, the seeded app. */
const typed = [
  /[\w.+-]+@[\w.-]+\.\w+/g, // e-mail addresses
  /\bhttps?:\/\/\S+/g,
  /\b(?:usr|role|ses|aud|app|dlv|fwd|inv)_[\w-]+/g, // ids
  /\badmin-console\b/g, // the seeded app's client id
  /\+7 \d{3} [\d•*]{3}-[\d•*]{2}-\d{2}/g,
]

let server: RunningServer
let browser: Browser
let page: Page
let seeded: Seeded

/** The visible text of the page, its title and the names of its controls. */
async function visibleText(target: Page): Promise<string> {
  return target.evaluate(() => {
    // Messages the Outbox shows are what was sent, in the recipient's language, not the
    // console's words: hidden while the text is read.
    const messages = [...document.querySelectorAll<HTMLElement>('article.message')]
    messages.forEach((m) => (m.style.display = 'none'))
    const parts = [document.title, document.body.innerText]
    messages.forEach((m) => (m.style.display = ''))
    // Tooltips (title) hold raw data on purpose (a full User-Agent, an action code): not read.
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [placeholder]')) {
      if (el.closest('[inert], [hidden]') || el.getClientRects().length === 0) continue
      parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '')
    }
    return parts.join('\n')
  })
}

function latinWords(text: string): string[] {
  let rest = text
  for (const pattern of typed) rest = rest.replace(pattern, ' ')
  const words = rest.match(/[A-Za-z][A-Za-z.'’-]*[A-Za-z]|[A-Za-z]/g) ?? []
  return [...new Set(words.filter((w) => !allowed.has(w.toLowerCase())))]
}

describe.skipIf(!browserAvailable())('the console in Russian', () => {
  beforeAll(async () => {
    server = await startConsoleServer(entry)
    seeded = await seedInstall(server.url, server.setupLink)
    browser = await openBrowser({ locale: 'ru-RU', viewport: { width: 1440, height: 900 } })
    page = browser.page
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows no English on the sign-in page', async () => {
    await openSignedOut(page, server.url, 'ru')
    expect(latinWords(await visibleText(page))).toEqual([])
    await signIn(page, server.url)
  })

  it('shows no English on any console page', async () => {
    const found: Record<string, string[]> = {}
    for (const path of consolePages(seeded)) {
      await openPage(page, `${server.url}${path}`)
      const words = latinWords(await visibleText(page))
      if (words.length) found[path] = words
    }
    expect(found).toEqual({})
  }, 90_000)

  it('tells a refused setting in Russian, from what the server checked', async () => {
    await openPage(page, `${server.url}/admin/plugins?id=sms-otp`)
    const digits = page.getByLabel('Цифр в коде')
    await digits.fill('11')
    await page.getByRole('button', { name: 'Сохранить' }).click()
    // zod's "Too big: expected number to be <=10", said in Russian.
    await page.getByText('Не больше 10', { exact: true }).waitFor()
    expect(await digits.getAttribute('aria-invalid')).toBe('true')
  })

  it('says a lost connection in Russian, not "Failed to fetch"', async () => {
    await page.route('**/v1/admin/roles', (route) => route.abort('internetdisconnected'))
    await page.goto(`${server.url}/admin/roles`)
    await page.getByText('Нет связи с сервером. Проверьте сеть и повторите.').waitFor()
    expect(await page.getByText('Failed to fetch').count()).toBe(0)
    await page.unroute('**/v1/admin/roles')
  })

  it('shows a built-in role’s name the same in its heading and its name field', async () => {
    await openPage(page, `${server.url}/admin/roles/role_field_employee`)
    await page.getByRole('heading', { level: 1, name: 'Выездной сотрудник' }).waitFor()
    expect(await page.getByLabel('Название').inputValue()).toBe('Выездной сотрудник')
    // Saving without touching the name is no rename: the stored (English) name stays, so the
    // English console keeps showing it in English.
    await page.getByRole('checkbox', { name: 'Люди: Просмотр' }).check()
    await page.getByRole('button', { name: 'Сохранить' }).click()
    await page.getByText('Роль сохранена.').waitFor()
    const stored = await fetch(`${server.url}/v1/admin/roles/role_field_employee`, {
      headers: { Authorization: `Bearer ${await adminToken(server.url)}` },
    }).then((r) => r.json() as Promise<{ name: string; permissions: string[] }>)
    expect(stored).toMatchObject({ name: 'Field employee', permissions: ['users:read'] })
  })

  it('names people, roles and providers in the audit log, a deleted person too', async () => {
    const token = await adminToken(server.url)
    const call = (path: string, method: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
    const created = (await (
      await call('/v1/admin/users', 'POST', {
        kind: 'customer',
        displayName: 'Пётр Удалённый',
        email: 'petr.deleted@example.com',
        sendInvitation: false,
      })
    ).json()) as { user: { id: string } }
    expect((await call(`/v1/admin/users/${created.user.id}`, 'DELETE')).status).toBe(204)
    await openPage(page, `${server.url}/admin/audit`)
    const table = page.locator('table')
    await table.getByText('Пётр Удалённый').first().waitFor()
    // Roles and providers by name too: the role saved above, the console's provider plugins.
    await table.getByText('Выездной сотрудник').first().waitFor()
    const text = (await table.innerText()) ?? ''
    expect(text).not.toMatch(/\b(?:usr|role)_\w+/)
  })
})
