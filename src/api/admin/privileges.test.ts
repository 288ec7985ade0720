/**
 * Review fixes: admins can only grant what they hold, cannot lock every administrator out, and
 * no-op changes are recorded as such.
 */
import { describe, expect, it } from 'vitest'
import { adminRequest, createAdmin, useAdminPropusk } from '../../../test/support/admin.ts'
import { createIdentityRepositories } from '../../modules/identity/store/index.ts'

const fixture = useAdminPropusk()

const as = async (token: string, method: string, path: string, body?: unknown) => {
  const response = await adminRequest(fixture.propusk, token, path, {
    method,
    ...(body === undefined ? {} : { body }),
  })
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

async function auditOf(action: string, targetId: string) {
  const { rows } = await fixture.propusk.services.sql.execute({
    sql: 'SELECT result, details FROM audit_log WHERE action = ? AND target_id = ? ORDER BY at, rowid',
    args: [action, targetId],
  })
  return rows.map((r) => ({ result: r.result, details: JSON.parse(String(r.details)) }))
}

describe('granting roles (you can only grant what you have)', () => {
  it('stops an admin with only users:write from handing out Administrator', async () => {
    const limited = await createAdmin(fixture.propusk, {
      permissions: ['users:read', 'users:write'],
    })
    const created = await as(limited.token, 'POST', '/v1/admin/users', {
      kind: 'employee',
      displayName: 'Sock Puppet',
      email: 'puppet@example.com',
      roleIds: ['role_administrator'],
      sendInvitation: false,
    })
    expect(created.status).toBe(403)
    expect(created.body.error.code).toBe('role_grant_forbidden')
    const self = await as(limited.token, 'PATCH', `/v1/admin/users/${limited.user.id}`, {
      roleIds: [...limited.user.roleIds, 'role_administrator'],
    })
    expect(self.status).toBe(403)
    expect(self.body.error.code).toBe('role_grant_forbidden')
    expect((await fixture.propusk.services.identity.users.get(limited.user.id))?.roleIds).toEqual(
      limited.user.roleIds,
    )
    expect(await auditOf('user.update', limited.user.id)).toEqual([
      { result: 'failure', details: { status: 403, code: 'role_grant_forbidden' } },
    ])
    // What needs no permission it lacks is fine: the built-in role of the kind.
    const plain = await as(limited.token, 'POST', '/v1/admin/users', {
      kind: 'employee',
      displayName: 'Field Worker',
      email: 'field@example.com',
      sendInvitation: false,
    })
    expect(plain.status).toBe(201)
  })

  it('stops it from taking over a more powerful account, or taking its roles', async () => {
    const limited = await createAdmin(fixture.propusk, {
      permissions: ['users:read', 'users:write'],
    })
    const admin = fixture.admin.user.id
    for (const [method, path, body] of [
      ['PATCH', `/v1/admin/users/${admin}`, { email: 'mine@example.com' }],
      ['PATCH', `/v1/admin/users/${admin}`, { roleIds: ['role_field_employee'] }],
      ['POST', `/v1/admin/users/${admin}/block`, undefined],
      ['DELETE', `/v1/admin/users/${admin}`, undefined],
      ['POST', `/v1/admin/users/${admin}/password-reset`, undefined],
    ] as const) {
      const answer = await as(limited.token, method, path, body)
      expect([path, answer.status, answer.body?.error.code]).toEqual([
        path,
        403,
        'target_outranks_you',
      ])
    }
    expect((await fixture.propusk.services.identity.users.get(admin))?.status).toBe('active')
  })

  it('stops an admin with roles:write from giving a role permissions it lacks', async () => {
    const roleAdmin = await createAdmin(fixture.propusk, {
      permissions: ['roles:read', 'roles:write', 'users:read', 'users:write'],
    })
    const own = roleAdmin.user.roleIds[0]
    const raise = await as(roleAdmin.token, 'PATCH', `/v1/admin/roles/${own}`, {
      permissions: ['roles:read', 'roles:write', 'users:read', 'users:write', 'settings:write'],
    })
    expect(raise.status).toBe(403)
    expect(raise.body.error.code).toBe('role_grant_forbidden')
    const create = await as(roleAdmin.token, 'POST', '/v1/admin/roles', {
      name: 'Auditors',
      appTypes: ['admin-console'],
      permissions: ['audit:read'],
    })
    expect(create.status).toBe(403)
    const tamper = await as(roleAdmin.token, 'PATCH', '/v1/admin/roles/role_administrator', {
      description: 'mine now',
    })
    expect(tamper.status).toBe(403)
    // The full Administrator can.
    const granted = await fixture.call(`/v1/admin/users/${roleAdmin.user.id}`, {
      method: 'PATCH',
      body: { roleIds: [own, 'role_administrator'] },
    })
    expect(granted.status).toBe(200)
  })
})

describe('the last administrator', () => {
  it('refuses role edits and role removals that would leave no administrator', async () => {
    const me = fixture.admin.user.id
    for (const body of [
      { permissions: [] },
      { permissions: ['users:write'] },
      { appTypes: ['web'] },
    ]) {
      const answer = await fixture.call('/v1/admin/roles/role_administrator', {
        method: 'PATCH',
        body,
      })
      expect(answer.status).toBe(409)
      expect(answer.body.error.code).toBe('last_administrator')
    }
    const demote = await fixture.call(`/v1/admin/users/${me}`, {
      method: 'PATCH',
      body: { roleIds: ['role_field_employee'] },
    })
    expect(demote.status).toBe(409)
    expect(demote.body.error.code).toBe('last_administrator')
    const role = await fixture.call('/v1/admin/roles/role_administrator')
    expect(role.body.permissions).toContain('roles:write')
    expect((await fixture.propusk.services.identity.users.get(me))?.roleIds).toEqual([
      'role_administrator',
    ])
    // With a second (active) administrator the same change is fine.
    await createAdmin(fixture.propusk)
    expect(
      (
        await fixture.call(`/v1/admin/users/${me}`, {
          method: 'PATCH',
          body: { roleIds: ['role_field_employee'] },
        })
      ).status,
    ).toBe(200)
  })

  it('does not count blocked or invited holders, and guards block and delete too', async () => {
    const repos = createIdentityRepositories(fixture.propusk.services)
    const other = await createAdmin(fixture.propusk)
    await repos.users.block(other.user.id)
    const me = fixture.admin.user.id
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { code?: string }) => e.code,
      )
    expect(await refusal(repos.users.block(me))).toBe('last_administrator')
    expect(await refusal(repos.users.delete(me))).toBe('last_administrator')
    expect((await repos.users.get(me))?.status).toBe('active')
  })

  it('lets only one of two administrators demoting each other at once win', async () => {
    const a = fixture.admin
    const b = await createAdmin(fixture.propusk)
    const repos = createIdentityRepositories(fixture.propusk.services)
    // Both pass the up-front count (two administrators); the guard inside each write
    // transaction is what refuses the second.
    const outcomes = await Promise.all(
      [b.user.id, a.user.id].map((id) =>
        repos.users.update(id, { roleIds: ['role_field_employee'] }).then(
          () => 'done',
          (e: { code?: string }) => e.code,
        ),
      ),
    )
    expect(outcomes.sort()).toEqual(['done', 'last_administrator'])
    const { rows } = await fixture.propusk.services.sql.execute(
      "SELECT count(*) AS n FROM user_roles WHERE role_id = 'role_administrator'",
    )
    expect(Number(rows[0]?.n)).toBe(1)
  })
})

describe('conflicts and no-op changes', () => {
  it('names both fields when the phone and the e-mail are both taken', async () => {
    const user = {
      kind: 'employee',
      phone: '+79161112233',
      email: 'both@example.com',
      sendInvitation: false,
    }
    expect(
      (
        await fixture.call('/v1/admin/users', {
          method: 'POST',
          body: { ...user, displayName: 'First' },
        })
      ).status,
    ).toBe(201)
    const again = await fixture.call('/v1/admin/users', {
      method: 'POST',
      body: { ...user, displayName: 'Second' },
    })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('logins_taken')
    expect(again.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'email',
      'phone',
    ])
    const other = await fixture.call('/v1/admin/users', {
      method: 'POST',
      body: {
        kind: 'employee',
        displayName: 'Other',
        email: 'other@example.com',
        sendInvitation: false,
      },
    })
    const patch = await fixture.call(`/v1/admin/users/${other.body.user.id}`, {
      method: 'PATCH',
      body: { phone: user.phone, email: user.email },
    })
    expect(patch.status).toBe(409)
    expect(patch.body.error.fields).toHaveLength(2)
  })

  it('records a no-op unblock or PATCH as changed: false and writes nothing else', async () => {
    const created = await fixture.call('/v1/admin/users', {
      method: 'POST',
      body: {
        kind: 'customer',
        displayName: 'Calm',
        email: 'calm@example.com',
        sendInvitation: false,
      },
    })
    const { id, updatedAt, roleIds } = created.body.user
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect((await fixture.call(`/v1/admin/users/${id}/unblock`, { method: 'POST' })).status).toBe(
      200,
    )
    const same = await fixture.call(`/v1/admin/users/${id}`, {
      method: 'PATCH',
      body: { roleIds, displayName: 'Calm' },
    })
    expect(same.status).toBe(200)
    expect(same.body.updatedAt).toBe(updatedAt)
    expect(await auditOf('user.unblock', id)).toEqual([
      { result: 'success', details: { changed: false } },
    ])
    expect(await auditOf('user.update', id)).toEqual([
      { result: 'success', details: { changed: false } },
    ])
    await fixture.call(`/v1/admin/users/${id}`, {
      method: 'PATCH',
      body: { displayName: 'Calmer' },
    })
    expect((await auditOf('user.update', id))[1]).toEqual({
      result: 'success',
      details: { changed: true, fields: ['displayName'] },
    })
  })
})
