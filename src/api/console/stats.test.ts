import { describe, expect, it } from 'vitest'
import { adminRequest, createAdmin } from '../../../test/support/admin.ts'
import type { AuditEntry } from '../../modules/identity/index.ts'
import { dateRange } from './stats.ts'
import { json, useConsoleAdmin } from '../../../testing/fixtures/console-api.ts'

const ctx = useConsoleAdmin()
const { call } = ctx

const signInEntry = (
  method: string,
  result: AuditEntry['result'],
  reason?: string,
): AuditEntry => ({
  actorType: 'user',
  actorId: 'usr_x',
  action: `sign_in.${method}`,
  targetType: 'user',
  targetId: 'usr_x',
  result,
  ...(reason ? { details: { reason } } : {}),
})

describe('dashboard statistics', () => {
  it('counts sign-ins per day by method, failed and locked attempts, delivery success', async () => {
    const audit = ctx.propusk.services.identity.audit
    await audit.record(signInEntry('password', 'success'))
    await audit.record(signInEntry('password', 'success'))
    await audit.record(signInEntry('sms-otp', 'success'))
    await audit.record(signInEntry('password', 'failure', 'invalid_credentials'))
    await audit.record(signInEntry('password', 'denied', 'app_access_denied'))
    await audit.record(signInEntry('password', 'failure', 'too_many_attempts'))
    await audit.record(signInEntry('sms-otp', 'failure', 'otp_locked'))
    await audit.record({ ...signInEntry('password', 'success'), action: 'user.create' })
    for (const [channel, to] of [
      ['sms', '+79161234567'],
      ['email', 'ivan@example.com'],
    ] as const) {
      await ctx.propusk.services.delivery.send({
        channel,
        to,
        text: 'x',
        purpose: 'otp',
        idempotencyKey: to,
      })
    }

    const response = await call('/v1/admin/stats/dashboard?days=7')
    expect(response.status).toBe(200)
    const body = await json(response)
    const today = body.dates.at(-1)
    expect(body.dates).toHaveLength(7)
    // The admin's own sign-in (fixture) is a password sign-in too.
    expect(body.signIns).toEqual([
      { date: today, method: 'password', count: 3 },
      { date: today, method: 'sms-otp', count: 1 },
    ])
    expect(body.attempts).toEqual([{ date: today, failed: 2, locked: 2 }])
    expect(body.deliveries).toEqual([
      expect.objectContaining({
        channel: 'email',
        provider: 'console-delivery',
        total: 1,
        delivered: 1,
        failed: 0,
      }),
      expect.objectContaining({
        channel: 'sms',
        provider: 'console-delivery',
        total: 1,
        delivered: 1,
      }),
    ])
    expect(body.people.active).toBe(1)
    expect(body.activeSessions).toBe(1)
  })

  it('puts entries on the viewer’s calendar day', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    await ctx.propusk.services.sql.execute({
      sql: `INSERT INTO audit_log (id, at, actor_type, action, result) VALUES ('aud_late', ?, 'user', 'sign_in.password', 'success')`,
      args: [`${yesterday}T22:30:00.000Z`],
    })
    const datesOf = async (offset: number) => {
      const body = await json(
        await call(`/v1/admin/stats/dashboard?days=3&utcOffsetMinutes=${offset}`),
      )
      return body.signIns.map((p: { date: string }) => p.date) as string[]
    }
    const next = new Date(Date.parse(`${yesterday}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10)
    expect(await datesOf(0)).toContain(yesterday)
    // 22:30 UTC is already 01:30 the next day in Moscow.
    const moscow = await datesOf(180)
    expect(moscow).toContain(next)
    expect(moscow).not.toContain(yesterday)
  })

  it('builds the date range in the viewer’s offset', () => {
    const range = dateRange(new Date('2026-03-01T22:00:00.000Z'), 3, 180)
    expect(range.dates).toEqual(['2026-02-28', '2026-03-01', '2026-03-02'])
    expect(range.from).toBe('2026-02-27T21:00:00.000Z')
  })

  it('lists recent sign-ins with names, and counts sign-ins per app', async () => {
    const audit = ctx.propusk.services.identity.audit
    const base = { actorType: 'user' as const, targetType: 'user', targetId: ctx.admin.user.id }
    await audit.record({ ...base, action: 'sign_in.sms-otp', result: 'success', appId: 'gone' })
    await audit.record({
      ...base,
      action: 'sign_in.password',
      result: 'denied',
      appId: 'admin-console',
      details: { reason: 'app_access_denied' },
    })
    // A code accepted for someone who must still create a password is not a sign-in yet.
    await audit.record({
      ...base,
      action: 'sign_in.email-otp',
      result: 'success',
      appId: 'admin-console',
      details: { next: 'password_required' },
    })
    await audit.record({ ...base, action: 'user.create', result: 'success' })

    const body = await json(await call('/v1/admin/stats/dashboard?days=7&recent=3'))
    const today = body.dates.at(-1)
    expect(body.recentSignIns).toHaveLength(3)
    expect(body.recentSignIns[0]).toMatchObject({
      method: 'email-otp',
      result: 'success',
      next: 'password_required',
      userId: ctx.admin.user.id,
      userName: ctx.admin.user.displayName,
      appId: 'admin-console',
      appName: expect.any(String),
    })
    expect(body.recentSignIns[1]).toMatchObject({
      method: 'password',
      result: 'denied',
      reason: 'app_access_denied',
    })
    expect(body.recentSignIns[2]).toMatchObject({ method: 'sms-otp', appId: 'gone', appName: null })
    // The fixture's own console sign-in plus the one to an app deleted since.
    expect(body.signInsByApp).toEqual([
      { date: today, appId: 'admin-console', appName: expect.any(String), count: 1 },
      { date: today, appId: 'gone', appName: null, count: 1 },
    ])
    expect(body.signIns).toEqual([
      { date: today, method: 'password', count: 1 },
      { date: today, method: 'sms-otp', count: 1 },
    ])
  })

  it('needs audit:read', async () => {
    const limited = await createAdmin(ctx.propusk, { permissions: ['users:read'] })
    const response = await adminRequest(ctx.propusk, limited.token, '/v1/admin/stats/dashboard')
    expect(response.status).toBe(403)
    expect((await ctx.propusk.app.request('/v1/admin/stats/dashboard')).status).toBe(401)
  })
})
