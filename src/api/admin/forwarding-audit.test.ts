import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'
import { createIdentityRepositories } from '../../modules/identity/store/index.ts'

const fixture = useAdminPropusk()

const { call } = fixture

describe('SMS forwarding rules (R11)', () => {
  it('creates, lists, toggles and deletes rules keyed by the normalised phone', async () => {
    const created = await call('/v1/admin/sms-forwarding', {
      method: 'POST',
      body: { phone: '8 916 123-45-67', email: 'Support@Example.com', note: 'ticket 4512' },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      phone: '+79161234567',
      email: 'support@example.com',
      enabled: true,
      note: 'ticket 4512',
      createdBy: fixture.admin.user.id,
    })
    const id = created.body.id as string
    const repos = createIdentityRepositories(fixture.propusk.services)
    expect(await repos.forwarding.forwardTo('+79161234567')).toBe('support@example.com')

    const dup = await call('/v1/admin/sms-forwarding', {
      method: 'POST',
      body: { phone: '+7 (916) 123-45-67', email: 'x@example.com' },
    })
    expect(dup.status).toBe(409)
    expect(dup.body.error).toMatchObject({
      code: 'forwarding_rule_exists',
      fields: [{ field: 'phone' }],
    })

    const bad = await call('/v1/admin/sms-forwarding', {
      method: 'POST',
      body: { phone: '123', email: 'nope', note: 'x'.repeat(501) },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'email',
      'note',
      'phone',
    ])

    const off = await call(`/v1/admin/sms-forwarding/${id}`, {
      method: 'PATCH',
      body: { enabled: false },
    })
    expect(off.body).toMatchObject({ enabled: false, phone: '+79161234567' })
    expect(await repos.forwarding.forwardTo('+79161234567')).toBeNull()

    await call('/v1/admin/sms-forwarding', {
      method: 'POST',
      body: { phone: '+79160000001', email: 'b@example.com' },
    })
    expect((await call('/v1/admin/sms-forwarding')).body.items).toHaveLength(2)
    const filtered = await call(
      `/v1/admin/sms-forwarding?phone=${encodeURIComponent('8 916 000-00-01')}`,
    )
    expect(filtered.body.items.map((r: { email: string }) => r.email)).toEqual(['b@example.com'])
    const clash = await call(`/v1/admin/sms-forwarding/${id}`, {
      method: 'PATCH',
      body: { phone: '+79160000001' },
    })
    expect(clash.status).toBe(409)

    expect((await call(`/v1/admin/sms-forwarding/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await call(`/v1/admin/sms-forwarding/${id}`)).status).toBe(404)
    expect(
      (await call(`/v1/admin/sms-forwarding/${id}`, { method: 'PATCH', body: { note: 'x' } }))
        .status,
    ).toBe(404)
  })
})

describe('audit log', () => {
  it('records admin actions with actor, target, result, IP and request id, queryable with filters', async () => {
    const created = await call('/v1/admin/users', {
      method: 'POST',
      body: {
        kind: 'employee',
        displayName: 'Audited',
        email: 'audited@example.com',
        sendInvitation: false,
      },
      headers: { 'X-Request-Id': 'trace-create-0001' },
    })
    const userId = created.body.user.id as string
    await call(`/v1/admin/users/${userId}`, { method: 'PATCH', body: { displayName: 'Audited 2' } })
    await call('/v1/admin/users', {
      method: 'POST',
      body: { kind: 'employee', displayName: 'Dup', email: 'audited@example.com' },
    })
    await call('/v1/admin/roles', {
      method: 'POST',
      body: { name: 'Viewer', appTypes: ['web'], permissions: [] },
    })

    const all = await call('/v1/admin/audit?action=user.')
    expect(all.status).toBe(200)
    const actions = all.body.items.map(
      (e: { action: string; result: string }) => `${e.action}:${e.result}`,
    )
    expect(actions).toEqual(['user.create:failure', 'user.update:success', 'user.create:success'])
    const createEntry = all.body.items[2]
    expect(createEntry).toMatchObject({
      actorType: 'user',
      actorId: fixture.admin.user.id,
      targetType: 'user',
      targetId: userId,
      requestId: 'trace-create-0001',
      appId: 'admin-console',
      details: { kind: 'employee', roleIds: ['role_field_employee'] },
    })
    expect(createEntry.ip).toBeTypeOf('string')
    expect(all.body.items[0].details).toMatchObject({ status: 409, code: 'email_taken' })

    const byTarget = await call(`/v1/admin/audit?targetId=${userId}`)
    expect(byTarget.body.items.map((e: { action: string }) => e.action)).toEqual([
      'user.update',
      'user.create',
    ])
    const failures = await call('/v1/admin/audit?result=failure')
    expect(failures.body.items.map((e: { action: string }) => e.action)).toEqual(['user.create'])
    const byActor = await call(`/v1/admin/audit?actorId=${fixture.admin.user.id}&action=role.`)
    expect(byActor.body.items.map((e: { action: string }) => e.action)).toEqual(['role.create'])
    const none = await call('/v1/admin/audit?actorId=usr_nobody')
    expect(none.body.items).toEqual([])
  })

  it('filters by time and pages through many entries', async () => {
    const audit = fixture.propusk.services.identity.audit
    // Entries at known times, written through the service other engineers use.
    const base = Date.parse('2026-02-01T00:00:00.000Z')
    const repos = createIdentityRepositories(fixture.propusk.services)
    for (let i = 0; i < 12; i++) {
      await audit.record({
        actorType: 'anonymous',
        action: 'sign_in.test',
        result: i % 3 ? 'failure' : 'success',
        ip: '203.0.113.9',
      })
    }
    await fixture.propusk.services.sql.execute({
      sql: "UPDATE audit_log SET at = strftime('%Y-%m-%dT%H:%M:%fZ', ?, '+' || (rowid % 12) || ' hours') WHERE action = 'sign_in.test'",
      args: [new Date(base).toISOString()],
    })
    const window = await call(
      '/v1/admin/audit?action=sign_in.test&from=2026-02-01T03:00:00Z&to=2026-02-01T06:00:00%2B00:00',
    )
    expect(window.status).toBe(200)
    expect(window.body.items).toHaveLength(3)
    for (const entry of window.body.items) {
      expect(entry.at >= '2026-02-01T03:00:00.000Z' && entry.at < '2026-02-01T06:00:00.000Z').toBe(
        true,
      )
    }

    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = await repos.audit.query({
        action: 'sign_in.test',
        limit: 5,
        ...(cursor ? { cursor } : {}),
      })
      seen.push(...page.items.map((e) => e.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(new Set(seen).size).toBe(12)
    const viaApi = await call('/v1/admin/audit?action=sign_in.test&limit=5')
    expect(viaApi.body.items).toHaveLength(5)
    const next = await call(
      `/v1/admin/audit?action=sign_in.test&limit=5&cursor=${encodeURIComponent(viaApi.body.nextCursor)}`,
    )
    expect(next.body.items[0].at <= viaApi.body.items[4].at).toBe(true)
    expect((await call('/v1/admin/audit?from=yesterday')).status).toBe(400)
    expect((await call('/v1/admin/audit?result=maybe')).status).toBe(400)
  })

  it('never throws from record(), even when the write fails', async () => {
    const audit = fixture.propusk.services.identity.audit
    await fixture.propusk.services.sql.execute('ALTER TABLE audit_log RENAME TO audit_log_gone')
    await expect(
      audit.record({ actorType: 'system', action: 'test.broken', result: 'success' }),
    ).resolves.toBeUndefined()
    expect(
      fixture.propusk.logs.some(
        (line) => line.includes('audit write failed') && line.includes('test.broken'),
      ),
    ).toBe(true)
    // An admin action, however, is undone when its entry cannot be written.
    const response = await call('/v1/admin/roles', {
      method: 'POST',
      body: { name: 'Orphan', appTypes: [], permissions: [] },
    })
    expect(response.status).toBe(500)
    const { rows } = await fixture.propusk.services.sql.execute(
      "SELECT count(*) AS n FROM roles WHERE name = 'Orphan'",
    )
    expect(Number(rows[0]?.n)).toBe(0)
  })
})
