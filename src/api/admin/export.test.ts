import { describe, expect, it } from 'vitest'
import { csvCell } from './csv-write.ts'
import { parseCsv } from './csv.ts'
import { insertUser } from '../../../test/support/account.ts'
import { useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk()

async function csv(path: string) {
  const response = await fixture.request(path)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('text/csv')
  return parseCsv(await response.text()).map((r) => r.cells)
}

describe('CSV exports', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(['+1', '-1', '@SUM(A1)', '\tx'].map(csvCell)).toEqual([
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
    ])
    expect(csvCell('Иван, мастер')).toBe('"Иван, мастер"')
    expect(csvCell(null)).toBe('')
  })

  it('exports people with the filters, over many pages, in Russian words', async () => {
    const { propusk } = fixture
    for (let i = 0; i < 205; i++) {
      await insertUser(propusk, { email: `p${i}@example.com`, displayName: `Сотрудник ${i}` })
    }
    await insertUser(propusk, {
      kind: 'customer',
      displayName: '=cmd|calc',
      phone: '+79160000001',
    })
    const all = await csv('/v1/admin/users/export?kind=employee')
    expect(all[0]).toEqual(expect.arrayContaining(['kind', 'display_name', 'phone', 'email']))
    // 205 employees and the admin, over two internal pages of 200.
    expect(all.length).toBe(1 + 206)

    const ru = await csv('/v1/admin/users/export?kind=customer&lang=ru')
    expect(ru[0]?.slice(0, 5)).toEqual(['Тип', 'Имя', 'Телефон', 'E-mail', 'Роли'])
    expect(ru[1]?.slice(0, 5)).toEqual(['клиент', "'=cmd|calc", "'+79160000001", '', 'Клиент'])

    const audit = await fixture.call('/v1/admin/audit?action=user.export')
    expect(audit.body.items[0].details.filters).toEqual({ kind: 'customer' })
  })

  it('exports the audit log with its filters', async () => {
    await insertUser(fixture.propusk, { email: 'x@example.com' })
    await fixture.call('/v1/admin/users', {
      method: 'POST',
      body: { kind: 'employee', displayName: '@Плохое имя', email: 'bad@example.com' },
    })
    const rows = await csv('/v1/admin/audit/export?action=user.create&lang=ru')
    expect(rows[0]?.[0]).toBe('Время')
    expect(rows.slice(1).every((r) => r[4] === 'user.create')).toBe(true)
    expect(rows.length).toBe(2)
    // Names beside the ids: the admin who acted, the person created (a formula-safe cell).
    expect(rows[1]?.[2]).toBe(fixture.admin.user.displayName)
    expect(rows[1]?.[6]).toBe("'@Плохое имя")
    expect((await fixture.call('/v1/admin/audit/export?result=maybe')).status).toBe(400)
  })
})
