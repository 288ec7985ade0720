import { describe, expect, it } from 'vitest'
import { insertUser } from '../../../test/support/account.ts'
import { adminRequest, createAdmin, useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk()
const bulk = (body: Record<string, unknown>) =>
  fixture.call('/v1/admin/users/bulk', { method: 'POST', body })

describe('bulk actions on people', () => {
  it('blocks each person with the reason, one result per person, self refused', async () => {
    const { propusk, admin } = fixture
    const a = await insertUser(propusk, { email: 'a@example.com' })
    const b = await insertUser(propusk, { email: 'b@example.com' })
    const answer = await bulk({
      action: 'block',
      userIds: [a, b, 'usr_missing', admin.user.id, a],
      reason: 'Проверка',
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ done: 2, failed: 2 })
    expect(answer.body.results.map((r: { code?: string }) => r.code ?? 'done')).toEqual([
      'done',
      'done',
      'not_found',
      'self_action_forbidden',
    ])
    const person = await fixture.call(`/v1/admin/users/${b}`)
    expect(person.body).toMatchObject({ status: 'blocked', blockedReason: 'Проверка' })
    const audit = await fixture.call(`/v1/admin/audit?targetId=${a}&action=user.block`)
    expect(audit.body.items).toHaveLength(1)
    const refused = await fixture.call(
      `/v1/admin/audit?targetId=${admin.user.id}&action=user.block&result=failure`,
    )
    expect(refused.body.items[0].details).toMatchObject({
      code: 'self_action_forbidden',
      bulk: true,
    })
  })

  it('assigns a role within the admin’s rights, per person', async () => {
    const { propusk } = fixture
    const a = await insertUser(propusk, { email: 'r1@example.com' })
    const admin2 = await insertUser(propusk, {
      email: 'r2@example.com',
      roleIds: ['role_administrator'],
    })
    const answer = await bulk({
      action: 'assign_role',
      roleId: 'role_customer',
      userIds: [a, admin2],
    })
    expect(answer.body.done).toBe(2)
    expect((await fixture.call(`/v1/admin/users/${a}`)).body.roleIds).toEqual([
      'role_customer',
      'role_field_employee',
    ])
    const unknown = await bulk({ action: 'assign_role', roleId: 'role_nope', userIds: [a] })
    expect(unknown.status).toBe(400)

    // An admin with people rights only: may not hand out Administrator, nor touch an admin.
    const limited = await createAdmin(propusk, { permissions: ['users:read', 'users:write'] })
    const asLimited = (body: unknown) =>
      adminRequest(propusk, limited.token, '/v1/admin/users/bulk', { method: 'POST', body })
    const grant = await (
      await asLimited({ action: 'assign_role', roleId: 'role_administrator', userIds: [a, admin2] })
    ).json()
    expect(grant.results.map((r: { code: string }) => r.code)).toEqual([
      'role_grant_forbidden',
      'target_outranks_you',
    ])
    const readOnly = await createAdmin(propusk, { permissions: ['users:read'] })
    const denied = await adminRequest(propusk, readOnly.token, '/v1/admin/users/bulk', {
      method: 'POST',
      body: { action: 'block', userIds: [a] },
    })
    expect(denied.status).toBe(403)
  })

  it('resends invitations to invited people only, by the channel asked for', async () => {
    const { propusk } = fixture
    const invited = await insertUser(propusk, {
      status: 'invited',
      phone: '+79161112233',
      email: 'inv@example.com',
    })
    const active = await insertUser(propusk, { email: 'act@example.com' })
    const answer = await bulk({
      action: 'resend_invitation',
      channel: 'sms',
      userIds: [invited, active],
    })
    expect(answer.body.results).toMatchObject([
      { userId: invited, status: 'done' },
      { userId: active, status: 'failed', code: 'user_not_invited' },
    ])
    const person = await fixture.call(`/v1/admin/users/${invited}`)
    expect(person.body.invitation).toMatchObject({ channel: 'sms', sentTo: '+79161112233' })
  })

  it('refuses an empty or oversized list and unknown actions', async () => {
    expect((await bulk({ action: 'block', userIds: [] })).status).toBe(400)
    const many = Array.from({ length: 201 }, (_, i) => `usr_${i}`)
    expect((await bulk({ action: 'block', userIds: many })).status).toBe(400)
    const odd = await bulk({ action: 'delete', userIds: ['usr_1'] })
    expect(odd.status).toBe(400)
    expect(odd.body.error.code).toBe('validation_failed')
  })
})
