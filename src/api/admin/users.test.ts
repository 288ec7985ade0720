import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk()

const call = fixture.request

const createUser = (body: Record<string, unknown>) =>
  fixture.call('/v1/admin/users', { method: 'POST', body })

async function count(sql: string, args: (string | number)[] = []) {
  const { rows } = await fixture.propusk.services.sql.execute({ sql, args })
  return Number(rows[0]?.n)
}

describe('admin users API', () => {
  it('creates an employee by e-mail and a customer by phone, normalised, invited, with default roles', async () => {
    const employee = await createUser({
      kind: 'employee',
      displayName: '  Иван Петров ',
      email: ' Ivan.Petrov@Example.com ',
    })
    expect(employee.status).toBe(201)
    expect(employee.body.user).toMatchObject({
      kind: 'employee',
      displayName: 'Иван Петров',
      email: 'ivan.petrov@example.com',
      phone: null,
      status: 'invited',
      roleIds: ['role_field_employee'],
      roles: [{ id: 'role_field_employee', name: 'Field employee' }],
      activeSessions: 0,
    })
    expect(employee.body.invitation).toMatchObject({
      status: 'sent',
      invitation: { channel: 'email', sentTo: 'ivan.petrov@example.com' },
    })
    expect(employee.body.user.invitation).toMatchObject({ channel: 'email', acceptedAt: null })

    const customer = await createUser({
      kind: 'customer',
      displayName: 'ООО Ромашка',
      phone: '8 916 123-45-67',
    })
    expect(customer.status).toBe(201)
    expect(customer.body.user).toMatchObject({
      phone: '+79161234567',
      email: null,
      roleIds: ['role_customer'],
    })
    expect(customer.body.invitation).toMatchObject({
      status: 'sent',
      invitation: { channel: 'sms', sentTo: '+79161234567' },
    })

    const audit = await fixture.propusk.services.sql.execute({
      sql: "SELECT * FROM audit_log WHERE action = 'user.create' AND target_id = ?",
      args: [employee.body.user.id],
    })
    expect(audit.rows[0]).toMatchObject({
      actor_id: fixture.admin.user.id,
      result: 'success',
      app_id: 'admin-console',
    })
    expect(String(audit.rows[0]?.request_id)).toMatch(/^req_/)
  })

  it('answers 409 naming the field for phones and e-mails in any notation or case', async () => {
    await createUser({
      kind: 'employee',
      displayName: 'A',
      phone: '+79161234567',
      email: 'a@example.com',
    })
    const phone = await createUser({
      kind: 'customer',
      displayName: 'B',
      phone: '8 (916) 123 45 67',
    })
    expect(phone.status).toBe(409)
    expect(phone.body.error).toMatchObject({ code: 'phone_taken', fields: [{ field: 'phone' }] })
    const email = await createUser({ kind: 'customer', displayName: 'C', email: 'A@EXAMPLE.COM' })
    expect(email.status).toBe(409)
    expect(email.body.error).toMatchObject({ code: 'email_taken', fields: [{ field: 'email' }] })
    // Nothing half-written: no user, no roles, no success entry for the refused ones.
    expect(
      await count('SELECT count(*) AS n FROM users WHERE display_name IN (?, ?)', ['B', 'C']),
    ).toBe(0)
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'user.create' AND result = 'success'",
      ),
    ).toBe(1)
    expect(
      await count(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'user.create' AND result = 'failure'",
      ),
    ).toBe(2)
  })

  it('validates every field with 400 and field names, never 500', async () => {
    const none = await createUser({ kind: 'employee', displayName: 'No login' })
    expect(none.status).toBe(400)
    expect(none.body.error.fields).toEqual([expect.objectContaining({ field: 'phone' })])
    const bad = await createUser({
      kind: 'robot',
      displayName: '',
      phone: '12345',
      email: 'nope@',
      roleIds: ['role_nope'],
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'displayName',
      'email',
      'kind',
      'phone',
    ])
    const unknownRole = await createUser({
      kind: 'employee',
      displayName: 'X',
      email: 'x@example.com',
      roleIds: ['role_nope'],
    })
    expect(unknownRole.status).toBe(400)
    expect(unknownRole.body.error.fields).toEqual([
      {
        field: 'roleIds.0',
        code: 'unknown_role',
        params: { role: 'role_nope' },
        message: 'unknown role role_nope',
      },
    ])
    const notJson = await call('/v1/admin/users', {
      method: 'POST',
      body: '{"kind":',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(notJson.status).toBe(400)
    expect(await count('SELECT count(*) AS n FROM users')).toBe(1) // just the admin
  })

  it('gets, updates with 409s, and refuses to leave a user without any login', async () => {
    const a = await createUser({ kind: 'employee', displayName: 'A', phone: '+79161234567' })
    const b = await createUser({ kind: 'employee', displayName: 'B', email: 'b@example.com' })
    const id = b.body.user.id as string

    const got = await call(`/v1/admin/users/${id}`)
    expect(got.status).toBe(200)
    expect(await got.json()).toMatchObject({
      id,
      email: 'b@example.com',
      invitation: { channel: 'email' },
    })
    expect((await call('/v1/admin/users/usr_missing')).status).toBe(404)

    const taken = await call(`/v1/admin/users/${id}`, {
      method: 'PATCH',
      body: { phone: '9161234567' },
    })
    expect(taken.status).toBe(409)
    expect((await taken.json()).error.code).toBe('phone_taken')

    const updated = await call(`/v1/admin/users/${id}`, {
      method: 'PATCH',
      body: {
        displayName: 'Борис',
        phone: '+7 916 765-43-21',
        roleIds: ['role_field_employee', 'role_customer'],
      },
    })
    expect(updated.status).toBe(200)
    expect(await updated.json()).toMatchObject({
      displayName: 'Борис',
      phone: '+79167654321',
      roleIds: ['role_customer', 'role_field_employee'],
    })

    const noLogin = await call(`/v1/admin/users/${a.body.user.id}`, {
      method: 'PATCH',
      body: { phone: null },
    })
    expect(noLogin.status).toBe(400)
    expect((await noLogin.json()).error.fields[0].field).toBe('phone')
    const empty = await call(`/v1/admin/users/${id}`, { method: 'PATCH', body: {} })
    expect(empty.status).toBe(400)
    const unknownField = await call(`/v1/admin/users/${id}`, {
      method: 'PATCH',
      body: { status: 'active' },
    })
    expect(unknownField.status).toBe(400)
  })

  it('blocks (ending sessions), unblocks back to the earlier state, and deletes', async () => {
    const created = await createUser({
      kind: 'employee',
      displayName: 'Worker',
      email: 'w@example.com',
    })
    const id = created.body.user.id as string
    // Make them active with a live session.
    await fixture.propusk.services.identity.users.activate(id)
    const user = await fixture.propusk.services.identity.users.get(id)
    const app = await fixture.propusk.services.identity.apps.get('admin-console')
    await fixture.propusk.services.sql.execute({
      sql: "INSERT INTO user_roles VALUES (?, 'role_administrator')",
      args: [id],
    })
    await fixture.propusk.services.identity.sessions.signIn({
      user: user!,
      app: app!,
      method: 'password',
      ip: null,
      userAgent: null,
    })
    expect((await (await call(`/v1/admin/users/${id}`)).json()).activeSessions).toBe(1)

    const blocked = await call(`/v1/admin/users/${id}/block`, { method: 'POST' })
    expect(blocked.status).toBe(200)
    expect(await blocked.json()).toMatchObject({ user: { status: 'blocked' }, sessionsEnded: 1 })
    expect((await (await call(`/v1/admin/users/${id}`)).json()).activeSessions).toBe(0)

    const unblocked = await call(`/v1/admin/users/${id}/unblock`, { method: 'POST' })
    expect((await unblocked.json()).user.status).toBe('active')

    const invitee = await createUser({
      kind: 'customer',
      displayName: 'Invitee',
      phone: '+79161112233',
    })
    const inviteeId = invitee.body.user.id as string
    await call(`/v1/admin/users/${inviteeId}/block`, { method: 'POST' })
    const back = await call(`/v1/admin/users/${inviteeId}/unblock`, { method: 'POST' })
    expect((await back.json()).user.status).toBe('invited')

    expect(
      (await call(`/v1/admin/users/${fixture.admin.user.id}/block`, { method: 'POST' })).status,
    ).toBe(409)
    expect(
      (await call(`/v1/admin/users/${fixture.admin.user.id}`, { method: 'DELETE' })).status,
    ).toBe(409)

    expect((await call(`/v1/admin/users/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await call(`/v1/admin/users/${id}`)).status).toBe(404)
    expect(await count('SELECT count(*) AS n FROM sessions WHERE user_id = ?', [id])).toBe(0)
    expect((await call(`/v1/admin/users/${id}`, { method: 'DELETE' })).status).toBe(404)
    const actions = await fixture.propusk.services.sql.execute({
      sql: "SELECT action FROM audit_log WHERE target_id = ? AND result = 'success' ORDER BY at, rowid",
      args: [id],
    })
    expect(actions.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.block', 'user.unblock', 'user.delete']),
    )
  })

  it('can create without sending, reported as skipped', async () => {
    const created = await createUser({
      kind: 'employee',
      displayName: 'Quiet',
      email: 'q@example.com',
      sendInvitation: false,
    })
    expect(created.status).toBe(201)
    expect(created.body.invitation).toEqual({ status: 'skipped' })
    expect(created.body.user.invitation).toBeNull()
  })
})
