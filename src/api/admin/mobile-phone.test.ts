import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk()

const createUser = (phone: string) =>
  fixture.call('/v1/admin/users', {
    method: 'POST',
    body: { kind: 'employee', displayName: 'Иван Петров', phone },
  })

async function outboxSmsTo(recipient: string): Promise<number> {
  const { rows } = await fixture.propusk.services.sql.execute({
    sql: "SELECT COUNT(*) AS n FROM console_outbox WHERE recipient = ? AND channel = 'sms'",
    args: [recipient],
  })
  return Number(rows[0]?.n)
}

const notMobile = {
  status: 400,
  body: {
    error: expect.objectContaining({
      code: 'phone_not_mobile',
      fields: [
        {
          field: 'phone',
          code: 'phone_not_mobile',
          params: { lineType: 'fixed-line' },
          message: expect.stringMatching(/landline.*mobile number/),
        },
      ],
    }),
  },
}

describe('a person’s phone must be able to receive SMS (R3, R5)', () => {
  it('create refuses a Moscow landline with 400 phone_not_mobile and sends nothing', async () => {
    expect(await createUser('8 495 123-45-67')).toEqual(notMobile)
    expect(await outboxSmsTo('+74951234567')).toBe(0)
    const { rows } = await fixture.propusk.services.sql.execute({
      sql: 'SELECT COUNT(*) AS n FROM users WHERE phone = ?',
      args: ['+74951234567'],
    })
    expect(Number(rows[0]?.n)).toBe(0)
  })

  it('create accepts a mobile number and a fixed-line-or-mobile one (US), and invites by SMS', async () => {
    const mobile = await createUser('8 916 123-45-67')
    expect(mobile.status).toBe(201)
    expect(mobile.body.invitation).toMatchObject({ status: 'sent', invitation: { channel: 'sms' } })
    expect(await outboxSmsTo('+79161234567')).toBe(1)
    const us = await createUser('+1 202 555 0123')
    expect(us.status).toBe(201)
    expect(us.body.user.phone).toBe('+12025550123')
  })

  it('update refuses a new landline but keeps an existing phone when other fields change', async () => {
    const created = await createUser('+7 916 765-43-21')
    const id = created.body.user.id as string
    const patch = (body: Record<string, unknown>) =>
      fixture.call(`/v1/admin/users/${id}`, { method: 'PATCH', body })
    expect(await patch({ phone: '+7 (812) 123-45-67' })).toEqual(notMobile)
    // A person stored before this rule with a landline can still be renamed.
    await fixture.propusk.services.sql.execute({
      sql: 'UPDATE users SET phone = ? WHERE id = ?',
      args: ['+74951234567', id],
    })
    const renamed = await patch({ displayName: 'Пётр Иванов', phone: '+74951234567' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.displayName).toBe('Пётр Иванов')
  })

  it('CSV import reports a landline row with the code and imports the others', async () => {
    const csv =
      'kind,display_name,phone\nemployee,Landline,8 495 123-45-67\nemployee,Mobile,8 916 111-22-33\n'
    const { status, body } = await fixture.call('/v1/admin/users/import', {
      method: 'POST',
      body: { csv, sendInvitations: false },
    })
    expect(status).toBe(200)
    expect(body.rows).toEqual([
      expect.objectContaining({
        row: 2,
        status: 'error',
        errors: [expect.objectContaining({ field: 'phone', code: 'phone_not_mobile' })],
      }),
      expect.objectContaining({ row: 3, status: 'created' }),
    ])
  })
})
