import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'
import { parseCsv } from './csv.ts'

const fixture = useAdminPropusk()

const importCsv = (csv: string, options: { dryRun?: boolean; sendInvitations?: boolean } = {}) =>
  fixture.call('/v1/admin/users/import', { method: 'POST', body: { csv, ...options } })

async function userCount() {
  const { rows } = await fixture.propusk.services.sql.execute('SELECT count(*) AS n FROM users')
  return Number(rows[0]?.n) - 1 // minus the admin
}

const mixed = [
  'kind,display_name,phone,email,roles',
  'employee,Иван Петров,8 916 123-45-67,,Field employee',
  'customer,"Ромашка, ООО",,office@romashka.ru,',
  'robot,Bad Kind,+79160000002,,',
  'employee,,+79160000003,,',
  'employee,No Login,,,',
  'employee,Bad Phone,12345,bad@,',
  'employee,Dup Phone,+7 (916) 123-45-67,,',
  'employee,Dup Email,,OFFICE@romashka.ru,',
  'employee,Unknown Role,+79160000004,,Astronaut',
  'employee,Existing,,taken@example.com,',
  '',
  'customer,Two Roles,+79160000005,two@example.com,customer; role_field_employee',
].join('\r\n')

describe('CSV import', () => {
  it('creates valid rows, reports each bad one, and detects duplicates in the file and the directory', async () => {
    await fixture.request('/v1/admin/users', {
      method: 'POST',
      body: {
        kind: 'employee',
        displayName: 'Taken',
        email: 'taken@example.com',
        sendInvitation: false,
      },
    })
    const { status, body } = await importCsv(mixed)
    expect(status).toBe(200)
    expect(body).toMatchObject({ dryRun: false, total: 11, created: 3, failed: 8 })
    const byRow = Object.fromEntries(body.rows.map((r: { row: number }) => [r.row, r]))
    expect(byRow[2]).toMatchObject({ status: 'created', errors: [], invitation: 'sent' })
    expect(byRow[3]).toMatchObject({ status: 'created', invitation: 'sent' })
    expect(byRow[4].errors).toEqual([
      { field: 'kind', code: 'kind_invalid', message: 'must be employee or customer' },
    ])
    expect(byRow[5].errors.map((e: { field: string }) => e.field)).toEqual(['display_name'])
    expect(byRow[6].errors.map((e: { field: string }) => e.field)).toEqual(['phone'])
    expect(byRow[7].errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'phone',
    ])
    expect(byRow[8].errors).toEqual([
      {
        field: 'phone',
        code: 'same_as_row',
        params: { login: 'phone', row: 2 },
        message: 'same phone as row 2',
      },
    ])
    expect(byRow[9].errors).toEqual([
      {
        field: 'email',
        code: 'same_as_row',
        params: { login: 'email', row: 3 },
        message: 'same email as row 3',
      },
    ])
    expect(byRow[10].errors).toEqual([
      {
        field: 'roles',
        code: 'unknown_role',
        params: { role: 'Astronaut' },
        message: 'unknown role "Astronaut"',
      },
    ])
    expect(byRow[11].errors).toEqual([{ field: 'email', code: 'taken', message: 'already taken' }])
    expect(byRow[12]).toBeUndefined() // the blank line keeps its number but is no row
    expect(byRow[13]).toMatchObject({ status: 'created' })

    const ivan = await fixture.propusk.services.identity.users.get(byRow[2].userId)
    expect(ivan).toMatchObject({
      displayName: 'Иван Петров',
      phone: '+79161234567',
      status: 'invited',
      roleIds: ['role_field_employee'],
    })
    const romashka = await fixture.propusk.services.identity.users.get(byRow[3].userId)
    expect(romashka).toMatchObject({
      displayName: 'Ромашка, ООО',
      kind: 'customer',
      roleIds: ['role_customer'],
    })
    const two = await fixture.propusk.services.identity.users.get(byRow[13].userId)
    expect(two?.roleIds).toEqual(['role_customer', 'role_field_employee'])
    expect(await userCount()).toBe(4)
    expect(
      (await fixture.propusk.services.identity.invitations.latest(byRow[2].userId))?.channel,
    ).toBe('sms')

    const audit = await fixture.propusk.services.sql.execute(
      "SELECT details FROM audit_log WHERE action = 'user.import'",
    )
    expect(JSON.parse(String(audit.rows[0]?.details))).toEqual({
      dryRun: false,
      total: 11,
      created: 3,
      failed: 8,
    })
  })

  it('dry runs create nothing', async () => {
    // Without the existing user, the row with taken@example.com is valid here.
    const { body } = await importCsv(mixed, { dryRun: true })
    expect(body).toMatchObject({ dryRun: true, created: 0, failed: 7 })
    expect(body.rows.filter((r: { status: string }) => r.status === 'valid')).toHaveLength(4)
    expect(await userCount()).toBe(0)
  })

  it('takes text/csv bodies with semicolons (Excel), options in the query', async () => {
    const csv =
      '\uFEFFKind;Display Name;Phone;Email\nemployee;Пётр;+79160000010;\ncustomer;Анна;;anna@example.com\n'
    const response = await fixture.request('/v1/admin/users/import?sendInvitations=false', {
      method: 'POST',
      body: csv,
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ created: 2, failed: 0 })
    expect(body.rows.map((r: { invitation: string }) => r.invitation)).toEqual([
      'skipped',
      'skipped',
    ])
  })

  it('refuses files with bad headers, no rows or too many rows as a whole', async () => {
    const unknown = await importCsv('kind,name,phone\nemployee,A,+79160000011')
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'csv',
          message: expect.stringContaining('missing column "display_name"'),
        }),
      ]),
    )
    expect((await importCsv('kind,display_name,phone\n')).status).toBe(400)
    expect((await importCsv('kind,display_name\nemployee,A')).status).toBe(400)
    const big = [
      'kind,display_name,email',
      ...Array.from({ length: 5001 }, (_, i) => `employee,U${i},u${i}@example.com`),
    ]
    const tooMany = await importCsv(big.join('\n'))
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error.fields[0].message).toContain('5000')
    expect(await userCount()).toBe(0)
  })

  it('imports a few hundred people in one request', async () => {
    const rows = ['kind,display_name,phone,email,roles']
    for (let i = 0; i < 300; i++)
      rows.push(`employee,Engineer ${i},+7916${String(1000000 + i)},,Field employee`)
    const started = Date.now()
    const { body } = await importCsv(rows.join('\n'), { sendInvitations: false })
    expect(body).toMatchObject({ total: 300, created: 300, failed: 0 })
    expect(await userCount()).toBe(300)
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, line breaks in quotes and CRLF', () => {
    const records = parseCsv('a,b\r\n"x, ""y""","multi\nline"\r\n\r\nlast,')
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x, "y"', 'multi\nline'] },
      { row: 4, cells: ['last', ''] },
    ])
  })
})
