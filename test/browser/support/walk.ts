/**
 * Walking every console page: a seeded install (first admin, one person), the list of pages, a
 * signed-in browser page, and axe-core run inside the page.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { repoRoot } from './server.ts'

export const adminLogin = 'anna@example.com'
export const adminPassword = 'correct horse battery staple'

export interface Seeded {
  personId: string
  adminId: string
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Propusk-Console': '1', ...headers },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}

/** An access token of a new console session of the first administrator, as another device. */
export async function adminToken(serverUrl: string): Promise<string> {
  const session = await post(`${serverUrl}/v1/console/session`, {
    via: 'password/sign-in',
    payload: { login: adminLogin, password: adminPassword },
  })
  return String(session.accessToken)
}

/** The first administrator (through the setup link's API) and one invited employee. */
export async function seedInstall(serverUrl: string, setupLink: string): Promise<Seeded> {
  const token = new URL(setupLink).searchParams.get('token')
  const created = await post(`${serverUrl}/v1/auth/setup-link/complete`, {
    token,
    displayName: 'Анна Смирнова',
    email: adminLogin,
    password: adminPassword,
  })
  const accessToken = await adminToken(serverUrl)
  const person = await post(
    `${serverUrl}/v1/admin/users`,
    {
      kind: 'employee',
      displayName: 'Иван Петров',
      phone: '+79161234567',
      roleIds: ['role_field_employee'],
      sendInvitation: true,
    },
    { Authorization: `Bearer ${accessToken}` },
  )
  return {
    adminId: (created.user as { id: string }).id,
    personId: (person.user as { id: string }).id,
  }
}

/** Every page of the console, by URL path. */
export function consolePages(seeded: Seeded): string[] {
  return [
    '/admin',
    '/admin/people',
    '/admin/people?kind=customer',
    '/admin/people/new',
    '/admin/people/import',
    `/admin/people/${seeded.personId}`,
    `/admin/people/${seeded.adminId}`,
    '/admin/roles',
    '/admin/roles/new',
    '/admin/roles/role_field_employee',
    '/admin/apps',
    '/admin/apps/new',
    '/admin/apps/admin-console',
    '/admin/plugins',
    '/admin/plugins?id=sms-otp',
    '/admin/deliveries',
    '/admin/audit',
    '/admin/outbox',
  ]
}

/** Sets the console's language before the next load (the console reads it at start). */
export async function useLanguage(page: Page, lang: 'en' | 'ru') {
  await page.evaluate((value) => localStorage.setItem('propusk.lang', value), lang)
}

/**
 * Proves a password on the hosted sign-in pages the browser is on (or on its way to), whatever
 * the language: the login, then the password method when the app offers more than one.
 */
export async function passwordOnHostedPages(
  page: Page,
  login = adminLogin,
  password = adminPassword,
) {
  await page.waitForURL((url) => url.pathname === '/signin')
  await page.locator('input[name=login]').fill(login)
  await page.locator('button[name=action][value=login]').click()
  const choice = page.locator('button[name=method][value=password]')
  const field = page.locator('input[name=password]')
  await choice.or(field).first().waitFor()
  if (await choice.isVisible()) await choice.click()
  await field.fill(password)
  await page.locator('button[name=action][value=password]').click()
}

/**
 * Signed out, with the console's language set: the hosted sign-in page the console sends the
 * browser to, asked for in that language (`ui_locales`).
 */
export async function openSignedOut(page: Page, serverUrl: string, lang: 'en' | 'ru') {
  await page.goto('about:blank')
  await page.context().clearCookies()
  await page.goto(`${serverUrl}/healthz`)
  await useLanguage(page, lang)
  await page.goto(`${serverUrl}/admin`)
  await page.waitForURL((url) => url.pathname === '/signin')
  await page.locator('input[name=login]').waitFor()
}

/** Signs in to the console through the hosted pages it sends the browser to. */
export async function signIn(page: Page, serverUrl: string) {
  await page.goto(`${serverUrl}/admin`)
  await passwordOnHostedPages(page)
  await page.locator('#main h1').waitFor()
}

/** Opens a console page and waits until it has loaded its data. */
export async function openPage(page: Page, url: string) {
  await page.goto(url)
  await page.locator('#main h1').first().waitFor()
  // Skeleton rows and spinners are gone once the page's requests have answered. (Not
  // "networkidle": the dashboard and the outbox keep polling.)
  await page.waitForFunction(() => !document.querySelector('.skeleton, .loading'))
  await page.waitForTimeout(150)
}

export interface AxeFinding {
  page: string
  rule: string
  impact: string
  /** How many elements break the rule; `targets` names the first three. */
  nodes: number
  targets: string[]
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page, label: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') })
  }
  const violations = await page.evaluate(async () => {
    type Result = {
      id: string
      impact: string | null
      nodes: Array<{ target: unknown[] }>
    }
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Result[] }> } }).axe
    const results = await axe.run()
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => String(n.target.join(' '))),
    }))
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: label, rule: v.id, impact: v.impact, nodes: v.nodes, targets: v.targets }))
}
