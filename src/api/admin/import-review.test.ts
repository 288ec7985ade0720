/** CSV import review fixes: syntax errors, extra columns, control characters, role grants. */
import { describe, expect, it } from 'vitest'
import { adminRequest, createAdmin, useAdminPropusk } from '../../../test/support/admin.ts'
import { parseCsv } from './csv.ts'

const fixture = useAdminPropusk()

const importCsv = (csv: string, token?: string) =>
  token
    ? adminRequest(fixture.propusk, token, '/v1/admin/users/import', {
        method: 'POST',
        body: { csv },
      }).then(async (r) => ({ status: r.status, body: await r.json() }))
    : fixture.call('/v1/admin/users/import', { method: 'POST', body: { csv } })

describe('CSV import: file problems', () => {
  it('reports an unclosed quote with the row it opened on', async () => {
    expect(() => parseCsv('kind,display_name,email\nemployee,"Ann,ann@example.com\n')).toThrow(
      'unclosed quote at row 2',
    )
    const { status, body } = await importCsv(
      'kind,display_name,email\nemployee,Bob,bob@example.com\nemployee,"Ann,ann@example.com\nemployee,Cy,cy@example.com\n',
    )
    expect(status).toBe(400)
    expect(body.error.fields).toEqual([
      { field: 'csv', code: 'csv_malformed', message: 'unclosed quote at row 3' },
    ])
  })

  it('ignores unknown extra columns and says so in the report', async () => {
    const { status, body } = await importCsv(
      'kind,display_name,email,Notes\nemployee,Dana,dana@example.com,met at the fair\n',
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({ created: 1, failed: 0 })
    expect(body.warnings).toEqual([expect.stringContaining('unknown column "Notes" ignored')])
  })

  it('refuses control characters in display names, in the file and in the API', async () => {
    const { body } = await importCsv(
      'kind,display_name,email\nemployee,Eve\u0007Bell,eve@example.com\n',
    )
    expect(body.rows[0]).toMatchObject({
      status: 'error',
      errors: [{ field: 'display_name', message: 'must not contain control characters' }],
    })
    for (const name of ['Zed\u0000', 'Tab\tName', 'Del\u007F']) {
      const created = await fixture.call('/v1/admin/users', {
        method: 'POST',
        body: {
          kind: 'employee',
          displayName: name,
          email: 'zed@example.com',
          sendInvitation: false,
        },
      })
      expect(created.status).toBe(400)
      expect(created.body.error.fields[0].field).toBe('displayName')
    }
  })
})

describe('CSV import: roles the admin may not give', () => {
  it('refuses rows that give roles with permissions the importer lacks', async () => {
    const limited = await createAdmin(fixture.propusk, {
      permissions: ['users:read', 'users:write'],
    })
    const { status, body } = await importCsv(
      [
        'kind,display_name,email,roles',
        'employee,Mallory,mallory@example.com,Administrator',
        'employee,Field,field@example.com,Field employee',
        `employee,Self,self@example.com,${limited.user.roleIds[0]}`,
      ].join('\n'),
      limited.token,
    )
    expect(status).toBe(200)
    expect(body.rows[0]).toMatchObject({ status: 'error' })
    expect(body.rows[0].errors[0]).toMatchObject({ field: 'roles' })
    expect(body.rows[0].errors[0].message).toContain('roles:write')
    expect(body.rows[1]).toMatchObject({ status: 'created' })
    expect(body.rows[2]).toMatchObject({ status: 'created' })
    const { rows } = await fixture.propusk.services.sql.execute(
      "SELECT count(*) AS n FROM users WHERE email = 'mallory@example.com'",
    )
    expect(Number(rows[0]?.n)).toBe(0)
  })
})
