import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserAvailable, openBrowser, type Browser } from './support/browser.ts'
import { startConsoleServer } from './support/console.ts'
import type { RunningServer } from './support/server.ts'
import {
  adminToken,
  openPage,
  openSignedOut,
  seedInstall,
  seriousViolations,
  signIn,
  type Seeded,
} from './support/walk.ts'

/**
 * What admins of other identity consoles expect, in the Russian console: a duplicate leads to
 * the person who has the login, search across both directories, block with a reason and an
 * end, effective access, role holders, bulk actions, CSV export and copied invitation links.
 */
const entry = process.env.PROPUSK_BROWSER_ENTRY ?? 'src/runtime/node/main.ts'

let server: RunningServer
let browser: Browser
let page: Page
let seeded: Seeded

async function createPerson(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}/v1/admin/users`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await adminToken(server.url)}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ kind: 'employee', ...body }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { user: { id: string } }).user.id
}

describe.skipIf(!browserAvailable())('console people actions (Russian)', () => {
  beforeAll(async () => {
    server = await startConsoleServer(entry)
    seeded = await seedInstall(server.url, server.setupLink)
    // bypassCSP only lets the axe-core check below inject its script.
    browser = await openBrowser({ locale: 'ru-RU', bypassCSP: true })
    page = browser.page
    await openSignedOut(page, server.url, 'ru')
    await signIn(page, server.url)
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('a duplicate phone names the person who has it and links to them', async () => {
    await openPage(page, `${server.url}/admin/people/new`)
    await page.locator('input[name=displayName]').fill('Иван Петров второй')
    await page.locator('input[name=phone]').fill('8 916 123-45-67')
    await page.getByRole('button', { name: 'Добавить и пригласить' }).click()
    const notice = page.locator('.alert.duplicate')
    await notice.getByText('Этот телефон уже у человека: Иван Петров.').waitFor()
    await notice.getByRole('link', { name: 'Открыть его страницу' }).click()
    await page.getByRole('heading', { level: 1, name: 'Иван Петров' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/admin/people/${seeded.personId}`)
  })

  it('sets a person’s message language when adding them, and back to automatic', async () => {
    await openPage(page, `${server.url}/admin/people/new`)
    await page.locator('input[name=displayName]').fill('John Smith')
    await page.locator('input[name=phone]').fill('8 916 555-00-01')
    await page.getByLabel('Язык сообщений').selectOption({ label: 'English' })
    await page.getByRole('button', { name: 'Добавить и пригласить' }).click()
    await page.getByRole('heading', { level: 1, name: 'John Smith' }).waitFor()
    const id = new URL(page.url()).pathname.split('/').pop() ?? ''
    const person = async () => {
      const response = await fetch(`${server.url}/v1/admin/users/${id}`, {
        headers: { Authorization: `Bearer ${await adminToken(server.url)}` },
      })
      return (await response.json()) as { locale: string | null }
    }
    expect((await person()).locale).toBe('en')
    const shown = page.locator('dt:has-text("Язык сообщений") + dd')
    expect(await shown.textContent()).toBe('English')

    await page.getByRole('button', { name: 'Изменить', exact: true }).click()
    const dialog = page.getByRole('dialog')
    expect(await dialog.getByLabel('Язык сообщений').inputValue()).toBe('en')
    await dialog.getByLabel('Язык сообщений').selectOption({ label: 'Автоматически' })
    await dialog.getByRole('button', { name: 'Сохранить' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect((await person()).locale).toBeNull()
    await shown.getByText('Автоматически').waitFor()
  })

  it('searches employees from the customers tab', async () => {
    await openPage(page, `${server.url}/admin/people?kind=customer`)
    await page.getByRole('searchbox').fill('Петров')
    const row = page.getByRole('row', { name: /Иван Петров/ })
    await row.waitFor()
    await expect(row.getByRole('cell', { name: 'Сотрудник', exact: true }).count()).resolves.toBe(1)
    await page.getByText('Поиск идёт и по сотрудникам, и по заказчикам.').waitFor()
  })

  it('shows a role’s holders and a person’s apps', async () => {
    await openPage(page, `${server.url}/admin/roles/role_field_employee`)
    const holders = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'У кого есть эта роль' }),
    })
    await holders.getByRole('link', { name: 'Иван Петров' }).waitFor()

    await openPage(page, `${server.url}/admin/people/${seeded.adminId}`)
    const access = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'Может входить в приложения' }),
    })
    await access.getByRole('link', { name: 'Консоль администратора' }).waitFor()
    await access.getByText('по роли: Администратор').waitFor()
  })

  it('blocks with a reason and an end, and shows both', async () => {
    const id = await createPerson({ displayName: 'Пётр Сидоров', email: 'petr@example.com' })
    await openPage(page, `${server.url}/admin/people/${id}`)
    await page.getByRole('button', { name: 'Заблокировать' }).click()
    const dialog = page.getByRole('dialog', { name: 'Заблокировать: Пётр Сидоров?' })
    await dialog.getByLabel('Причина').fill('Потерял телефон')
    await dialog.getByLabel('Заблокирован до').fill('2020-01-01T10:00')
    await dialog.getByRole('button', { name: 'Заблокировать' }).click()
    await dialog.getByText('Выберите время в будущем.').waitFor()
    expect(await seriousViolations(page, 'block dialog')).toEqual([])
    await dialog.getByLabel('Заблокирован до').fill('2099-03-01T10:00')
    await dialog.getByRole('button', { name: 'Заблокировать' }).click()
    await page.getByText('Потерял телефон').waitFor()
    await page.getByText('1 мар. 2099 г., 10:00').waitFor()
  })

  it('gives a role to the selected people, one request, a result each', async () => {
    await createPerson({ displayName: 'Ольга Первая', email: 'olga1@example.com' })
    await createPerson({ displayName: 'Ольга Вторая', email: 'olga2@example.com' })
    await openPage(page, `${server.url}/admin/people?q=Ольга`)
    await page.getByRole('checkbox', { name: 'Выбрать: Ольга Первая' }).check()
    await page.getByRole('checkbox', { name: 'Выбрать: Ольга Вторая' }).check()
    const bar = page.getByRole('region', { name: 'Выбрано: 2' })
    expect(await seriousViolations(page, 'people with a selection')).toEqual([])
    await bar.getByRole('button', { name: 'Дать роль' }).click()
    const dialog = page.getByRole('dialog', { name: 'Дать роль выбранным людям' })
    expect(await seriousViolations(page, 'bulk role dialog')).toEqual([])
    await dialog.getByLabel('Роль').selectOption('role_customer')
    await dialog.getByRole('button', { name: 'Дать роль' }).click()
    await page.getByText('Сделано: 2. Не сделано: 0.').waitFor()
    const row = page.getByRole('row', { name: /Ольга Первая/ })
    await row.getByText('Клиент').waitFor()
  })

  it('exports the filtered people as CSV with Russian columns', async () => {
    await openPage(page, `${server.url}/admin/people?q=Ольга`)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Выгрузить CSV' }).click()
    const file = await (await download).path()
    const text = readFileSync(file, 'utf8')
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toMatch(/^Тип,Имя,Телефон,E-mail,Роли,Статус/)
    expect(lines).toHaveLength(3)
    expect(text.startsWith('\uFEFF')).toBe(true)

    // A person's audit trail, from their page.
    await openPage(page, `${server.url}/admin/people/${seeded.personId}`)
    const trail = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'История действий' }),
    })
    const auditDownload = page.waitForEvent('download')
    await trail.getByRole('button', { name: 'Выгрузить CSV' }).click()
    const audit = readFileSync(await (await auditDownload).path(), 'utf8')
    expect(audit).toMatch(/^\uFEFFВремя,Кто,Имя действующего,/)
    expect(audit).toContain('Анна Смирнова')
    expect(audit).toContain('user.create')
    expect(audit).toContain(seeded.personId)

    // The audit log page exports what its filters show.
    await openPage(page, `${server.url}/admin/audit?action=user.block`)
    const logDownload = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Выгрузить CSV' }).click()
    const log = await (await logDownload).path()
    const logText = readFileSync(log, 'utf8')
    expect(logText).toMatch(/^\uFEFFВремя,Кто,Имя действующего,/)
    // trim() drops the byte-order mark too.
    const rows = logText.trim().split('\r\n')
    expect(rows.length).toBeGreaterThan(1)
    expect(rows.slice(1).every((row) => row.includes('user.block'))).toBe(true)
    expect(rows.join('\n')).not.toContain('user.create')
  })

  it('copies a new invitation link, shown once, and resends by SMS', async () => {
    const id = await createPerson({
      displayName: 'Мария Ковалёва',
      email: 'maria@example.com',
      phone: '+79167654321',
    })
    await openPage(page, `${server.url}/admin/people/${id}`)
    await page.getByRole('button', { name: 'Скопировать ссылку' }).click()
    const dialog = page.getByRole('dialog', { name: 'Ссылка-приглашение' })
    const link = (await dialog.getByTestId('invitation-link').textContent()) ?? ''
    expect(link).toMatch(/\/invite\?token=/)
    expect((await fetch(link)).status).toBe(200)
    await dialog.getByRole('button', { name: 'Закрыть' }).click()
    await page.getByText(/Ссылку скопировал администратор/).waitFor()

    await page.getByRole('button', { name: 'Отправить снова' }).click()
    const resend = page.getByRole('dialog', { name: 'Отправить приглашение снова' })
    await resend.getByLabel('Способ отправки').selectOption('sms')
    await resend.getByRole('button', { name: 'Отправить снова' }).click()
    await page.getByText(/Отправлено \(SMS\) на \+7 916 765-43-21/).waitFor()
  })
})
