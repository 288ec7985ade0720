/**
 * The README's screenshots, of the Russian console: `npx tsx test/browser/screenshots-ru.ts`
 * (after `node admin-ui/ensure-built.mjs`). It starts the Node server on a throwaway database,
 * seeds it through the admin API (a role with the engineer app, an employee who signs in, one
 * still invited, a fortnight of marked test sign-ins for the dashboard), opens each page in
 * headless Chromium in Russian and writes docs/screenshots/<name>.png. Not part of `npm test`.
 */
import type { Page } from 'playwright-core'
import { openBrowser, shoot } from './support/browser.ts'
import { startConsoleServer } from './support/console.ts'
import { insertDemoSignIns } from './support/demo-sign-ins.ts'
import { adminToken, openPage, openSignedOut, seedInstall, signIn } from './support/walk.ts'

const ivanPassword = 'tractor-orbit-violet-42'

async function main() {
  // `shoot` copies the curated shots into docs/screenshots only when asked to.
  process.env.UPDATE_SCREENSHOTS = '1'
  const server = await startConsoleServer('src/runtime/node/main.ts')
  try {
    const seeded = await seedInstall(server.url, server.setupLink)
    const token = await adminToken(server.url)
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
      return (await response.json()) as Record<string, unknown>
    }
    const role = await call('POST', '/v1/admin/roles', {
      name: 'Диспетчеры',
      description: 'Планируют выезды из офиса',
      appTypes: ['engineer-mobile'],
      permissions: ['users:read'],
    })
    await call('POST', '/v1/admin/apps', {
      id: 'engineer-app',
      type: 'engineer-mobile',
      name: 'Приложение инженера (Android)',
    })
    const ivan = seeded.personId
    await call('PATCH', `/v1/admin/users/${ivan}`, {
      roleIds: ['role_field_employee', String(role.id)],
    })
    const link = await call('POST', `/v1/admin/users/${ivan}/invitation-link`)
    const inviteToken = new URL(String(link.url)).searchParams.get('token')
    await fetch(`${server.url}/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: inviteToken, password: ivanPassword }),
    })
    for (const password of [ivanPassword, 'не тот пароль', ivanPassword]) {
      await fetch(`${server.url}/v1/auth/password/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login: '+79161234567', password, clientId: 'engineer-app' }),
      })
    }
    // TEST DATA, marked in the audit log, so the dashboard shows a fortnight.
    await insertDemoSignIns(server.dbPath, {
      userId: ivan,
      appIds: ['engineer-app', 'engineer-app', 'admin-console'],
    })
    const maria = await call('POST', '/v1/admin/users', {
      kind: 'employee',
      displayName: 'Мария Ковалёва',
      phone: '+79167654321',
      email: 'maria.kovaleva@example.com',
      roleIds: ['role_field_employee'],
    })
    const mariaId = String((maria.user as { id: string }).id)

    const browser = await openBrowser({ locale: 'ru-RU' })
    const page = browser.page
    try {
      await openSignedOut(page, server.url, 'ru')
      await signIn(page, server.url)
      await shots(page, server.url, { roleId: String(role.id), mariaId })
    } finally {
      await browser.close()
    }
  } finally {
    await server.stop()
  }
}

async function shots(page: Page, url: string, ids: { roleId: string; mariaId: string }) {
  await openPage(page, `${url}/admin`)
  await page.locator('.legend').first().waitFor()
  await shoot(page, '10-dashboard', { docs: true, fullPage: true })

  await openPage(page, `${url}/admin/apps/engineer-app`)
  const panel = page.getByRole('region', { name: 'Проверить вход' })
  await panel.getByLabel('Телефон или e-mail человека').fill('8 916 123-45-67')
  await panel.getByRole('button', { name: 'Продолжить' }).click()
  await panel.getByRole('button', { name: 'Пароль', exact: true }).click()
  await panel.getByLabel('Пароль', { exact: true }).fill(ivanPassword)
  await panel.getByRole('button', { name: 'Войти' }).click()
  await panel.getByText('Вход выполнен. Токены не сохранены.').waitFor()
  await shoot(page, '10-try-sign-in', { docs: true, fullPage: true })

  await openPage(page, `${url}/admin/people/${ids.mariaId}`)
  await shoot(page, '05-person-invited', { docs: true, height: 1180 })

  await openPage(page, `${url}/admin/roles/${ids.roleId}`)
  await shoot(page, '09-role-editor', { docs: true, height: 1000 })

  await openPage(page, `${url}/admin/outbox`)
  await page.locator('a[href*="/invite?token="], a[href*="/i/"]').first().waitFor()
  await shoot(page, '06-outbox', { docs: true })

  await openPage(page, `${url}/admin/plugins?id=password`)
  await shoot(page, '16-plugin-settings', { docs: true, height: 900 })

  await openPage(page, `${url}/admin/audit?action=sign_in.`)
  await page.locator('tbody tr button').first().click()
  await shoot(page, '11-audit-log', { docs: true })
}

await main()
