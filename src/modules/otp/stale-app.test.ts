/**
 * A code check reads the app from this isolate's cache and does not read the person at all: the
 * session batch must then refuse a person blocked or deleted, or an app disabled or no longer
 * allowing the method, since the code was sent. The changes here are made in SQL behind the
 * app repository's back, so the cached app stays stale (as in every other isolate after an
 * admin's change) and the test shows it still is before checking the code.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  engineerApp,
  insertUser,
  latestCode,
  sendCode,
  sessionCount,
  startOtpPropusk,
  verifyCode,
} from '../../../test/support/otp.ts'
import type { TestPropusk } from '../../../test/support/propusk.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const login = '+79161234570'

async function sentCode() {
  const p = (running = await startOtpPropusk())
  const userId = await insertUser(p, { phone: login })
  const sent = await sendCode(p, 'sms-otp', login)
  expect(sent.status, JSON.stringify(sent.body)).toBe(200)
  return { p, userId, challengeId: sent.body.challengeId, code: await latestCode(p, login) }
}

const change = (p: TestPropusk, sql: string, args: string[]) =>
  p.services.sql.execute({ sql, args })

async function expectCachedAppEnabled(p: TestPropusk) {
  const cached = await p.services.identity.apps.cached(engineerApp)
  expect(cached).toMatchObject({
    enabled: true,
    signInMethods: expect.arrayContaining(['sms-otp']),
  })
}

async function auditReasons(p: TestPropusk, userId: string): Promise<string[]> {
  const { rows } = await p.services.sql.execute({
    sql: `SELECT details FROM audit_log WHERE action = 'sign_in.sms-otp' AND target_id = ?`,
    args: [userId],
  })
  return rows.map((row) => String(JSON.parse(String(row.details)).reason))
}

describe('a right code after a change the cached app and the unread person do not show', () => {
  it.each([
    ['person blocked', `UPDATE users SET status = 'blocked' WHERE id = ?`, 'account_blocked'],
    ['app disabled', `UPDATE apps SET enabled = 0 WHERE id = ?`, 'app_disabled'],
    [
      'method removed',
      `UPDATE apps SET sign_in_methods = '["password"]' WHERE id = ?`,
      'sign_in_method_not_allowed',
    ],
    ['roles removed', `DELETE FROM user_roles WHERE user_id = ?`, 'app_access_denied'],
  ])('%s: no session, refused and audited', async (_case, statement, reason) => {
    const { p, userId, challengeId, code } = await sentCode()
    await change(p, statement, [statement.includes('apps') ? engineerApp : userId])
    await expectCachedAppEnabled(p)

    const verified = await verifyCode(p, 'sms-otp', challengeId, code)
    expect(verified.status, JSON.stringify(verified.body)).toBe(403)
    expect(verified.body).toMatchObject({ error: { code: reason } })
    expect(await sessionCount(p, userId)).toBe(0)
    expect(await auditReasons(p, userId)).toEqual([reason])
  })

  it('person deleted: no session, refused', async () => {
    const { p, userId, challengeId, code } = await sentCode()
    await change(p, 'DELETE FROM users WHERE id = ?', [userId])
    await expectCachedAppEnabled(p)

    const verified = await verifyCode(p, 'sms-otp', challengeId, code)
    expect(verified.status, JSON.stringify(verified.body)).toBeGreaterThanOrEqual(400)
    expect(verified.status).toBeLessThan(500)
    expect(await sessionCount(p, userId)).toBe(0)
    expect(await auditReasons(p, userId)).toEqual(['account_gone'])
  })

  it('an invited person (no session batch to re-check): the app is read fresh', async () => {
    const p = (running = await startOtpPropusk())
    const phone = '+79161234575'
    const userId = await insertUser(p, { phone, status: 'invited' })
    const sent = await sendCode(p, 'sms-otp', phone)
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    const code = await latestCode(p, phone)
    await change(p, `UPDATE apps SET enabled = 0 WHERE id = ?`, [engineerApp])
    await expectCachedAppEnabled(p)

    const verified = await verifyCode(p, 'sms-otp', sent.body.challengeId, code)
    expect(verified.status, JSON.stringify(verified.body)).toBe(403)
    expect(verified.body).toMatchObject({ error: { code: 'app_disabled' } })
    const { rows } = await p.services.sql.execute({
      sql: 'SELECT status FROM users WHERE id = ?',
      args: [userId],
    })
    expect(rows[0]?.status).toBe('invited')
  })

  it('nothing changed: the person signs in', async () => {
    const { p, userId, challengeId, code } = await sentCode()
    const verified = await verifyCode(p, 'sms-otp', challengeId, code)
    expect(verified.status, JSON.stringify(verified.body)).toBe(200)
    expect(await sessionCount(p, userId)).toBe(1)
  })
})
