import { describe, expect, it } from 'vitest'
import { adminRequest, createAdmin, useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk()

const { call } = fixture

describe('sessions per user', () => {
  it('lists a user’s sessions and ends one or all of them, audited', async () => {
    const other = await createAdmin(fixture.propusk)
    const app = await fixture.propusk.services.identity.apps.get('admin-console')
    const second = await fixture.propusk.services.identity.sessions.signIn({
      user: other.user,
      app: app!,
      method: 'password',
      ip: '203.0.113.5',
      userAgent: 'test-agent',
    })
    await fixture.propusk.services.identity.sessions.signIn({
      user: other.user,
      app: app!,
      method: 'password',
      ip: null,
      userAgent: null,
    })

    const listed = await call(`/v1/admin/users/${other.user.id}/sessions`)
    expect(listed.status).toBe(200)
    expect(listed.body.items).toHaveLength(3)
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(second.sessionId)
    // Each with its client's name, not only its id.
    expect(listed.body.items[0]).toMatchObject({ appId: app!.id, appName: app!.name })

    expect(
      (
        await call(`/v1/admin/users/${fixture.admin.user.id}/sessions/${second.sessionId}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await call(`/v1/admin/users/${other.user.id}/sessions/${second.sessionId}`, {
          method: 'DELETE',
        })
      ).status,
    ).toBe(204)
    expect(
      (await adminRequest(fixture.propusk, second.accessToken, '/v1/admin/users')).status,
    ).toBe(401)
    expect((await call(`/v1/admin/users/${other.user.id}/sessions`)).body.items).toHaveLength(2)

    const all = await call(`/v1/admin/users/${other.user.id}/sessions`, { method: 'DELETE' })
    expect(all.body).toEqual({ sessionsEnded: 2 })
    expect((await adminRequest(fixture.propusk, other.token, '/v1/admin/users')).status).toBe(401)
    expect((await call(`/v1/admin/users/${other.user.id}/sessions`)).body.items).toHaveLength(0)
    expect((await call('/v1/admin/users/usr_missing/sessions')).status).toBe(404)

    const { rows } = await fixture.propusk.services.sql.execute({
      sql: `SELECT action, target_id, result FROM audit_log WHERE action LIKE 'session.%' AND actor_id = ?
            ORDER BY at, rowid`,
      args: [fixture.admin.user.id],
    })
    expect(rows.map((r) => [r.action, r.target_id, r.result])).toEqual([
      ['session.revoke', second.sessionId, 'failure'], // the 404: not this user's session
      ['session.revoke', second.sessionId, 'success'],
      ['session.revoke_all', other.user.id, 'success'],
    ])
  })
})
