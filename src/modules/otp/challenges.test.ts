/**
 * Which challenge a code is checked against (a newer code supersedes an older one without
 * making it count as wrong), who is reachable at all (app access), and what the wrong-code
 * answers say while a lockout runs.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import {
  insertApp,
  insertUser,
  latestCode,
  outbox,
  post,
  sendCode,
  sessionCount,
  startOtpPropusk,
  verifyCode,
  wrongCode,
} from '../../../test/support/otp.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const start = async (plugins?: Record<string, Record<string, unknown>>) =>
  (running = await startOtpPropusk(plugins ? { plugins } : {}))

async function userStatus(p: TestPropusk, userId: string): Promise<unknown> {
  const { rows } = await p.services.sql.execute({
    sql: 'SELECT status FROM users WHERE id = ?',
    args: [userId],
  })
  return rows[0]?.status
}

/** A person whose only role grants the web app, not the engineer mobile app. */
async function insertUserWithoutAccess(
  p: TestPropusk,
  user: { phone: string; status?: 'active' | 'invited' },
): Promise<string> {
  const id = await insertUser(p, user)
  const at = new Date().toISOString()
  await p.services.sql.batch([
    {
      sql: `INSERT INTO roles (id, name, name_key, app_types, permissions, created_at, updated_at)
            VALUES (?, ?, ?, ?, '[]', ?, ?)`,
      args: [`role_web_${id}`, `Web ${id}`, `web ${id}`, JSON.stringify(['web']), at, at],
    },
    { sql: 'DELETE FROM user_roles WHERE user_id = ?', args: [id] },
    {
      sql: 'INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)',
      args: [id, `role_web_${id}`],
    },
  ])
  return id
}

describe('superseded challenges', () => {
  it('a code replaced by a newer one (another method) answers code_expired and costs no try', async () => {
    const p = await start()
    const userId = await insertUser(p, { phone: '+79161230001' })
    const sms = await sendCode(p, 'sms-otp', '+79161230001')
    const smsCode = await latestCode(p, '+79161230001')
    const call = await sendCode(p, 'flash-call', '+79161230001')
    const callCode = await latestCode(p, '+79161230001')

    const old = await verifyCode(p, 'sms-otp', sms.body.challengeId, smsCode)
    expect(old.status).toBe(400)
    expect(old.body.error).toMatchObject({ code: 'code_expired' })
    expect(old.body.error).not.toHaveProperty('attemptsLeft')
    // No failure was recorded: the live code still has all its tries.
    const wrong = await verifyCode(p, 'flash-call', call.body.challengeId, wrongCode(callCode))
    expect(wrong.body.error).toMatchObject({ code: 'code_invalid', attemptsLeft: 2 })
    const right = await verifyCode(p, 'flash-call', call.body.challengeId, callCode)
    expect(right.body.status).toBe('signed_in')
    expect(await sessionCount(p, userId)).toBe(1)
  })
})

describe('who gets a code', () => {
  it('a person whose roles do not grant the app gets a decoy: same answer, no SMS', async () => {
    const p = await start()
    await insertUser(p, { phone: '+79161230002' })
    await insertUserWithoutAccess(p, { phone: '+79161230003' })
    const known = await sendCode(p, 'sms-otp', '+79161230002')
    const denied = await sendCode(p, 'sms-otp', '+79161230003')
    expect(denied.status).toBe(known.status)
    expect({ ...denied.body, challengeId: '', sentTo: '' }).toEqual({
      ...known.body,
      challengeId: '',
      sentTo: '',
    })
    expect(await outbox(p, '+79161230003')).toHaveLength(0)
    expect(await outbox(p, '+79161230002')).toHaveLength(1)
  })

  it('an invited person without access to the app cannot activate their account through it', async () => {
    const p = await start()
    const userId = await insertUserWithoutAccess(p, { phone: '+79161230004', status: 'invited' })
    expect((await sendCode(p, 'sms-otp', '+79161230004')).status).toBe(200)
    expect(await outbox(p, '+79161230004')).toHaveLength(0)
    expect(await userStatus(p, userId)).toBe('invited')
  })

  it('access withdrawn after the code was sent: no setup token, or no activation', async () => {
    const p = await start()
    const withdraw = (userId: string) =>
      p.services.sql.execute({ sql: 'DELETE FROM user_roles WHERE user_id = ?', args: [userId] })

    // Withdrawn before the code is checked: the right code gets no setup token.
    const early = await insertUser(p, { phone: '+79161230005', status: 'invited' })
    const sent = await sendCode(p, 'sms-otp', '+79161230005')
    const code = await latestCode(p, '+79161230005')
    await withdraw(early)
    const verified = await verifyCode(p, 'sms-otp', sent.body.challengeId, code)
    expect(verified.status).toBe(403)
    expect(verified.body.error).toMatchObject({ code: 'app_access_denied' })
    expect(await userStatus(p, early)).toBe('invited')

    // Withdrawn after the setup token: the password is not set and the account stays invited.
    const late = await insertUser(p, { phone: '+79161230006', status: 'invited' })
    const sent2 = await sendCode(p, 'sms-otp', '+79161230006')
    const code2 = await latestCode(p, '+79161230006')
    const ok = await verifyCode(p, 'sms-otp', sent2.body.challengeId, code2)
    expect(ok.body.status).toBe('password_required')
    await withdraw(late)
    const complete = await post(p, '/v1/sign-in/complete-registration', {
      setupToken: ok.body.setupToken,
      password: 'correct horse battery staple',
      clientId: 'engineer-app',
    })
    expect(complete.status).toBe(403)
    expect(complete.body.error).toMatchObject({ code: 'app_access_denied' })
    const { rows } = await p.services.sql.execute({
      sql: 'SELECT status, password_hash FROM users WHERE id = ?',
      args: [late],
    })
    expect(rows[0]).toMatchObject({ status: 'invited', password_hash: null })
  })

  it('an app that does not offer the method refuses it for everyone alike', async () => {
    const p = await start()
    await insertApp(p, { id: 'call-only', type: 'engineer-mobile', methods: ['flash-call'] })
    await insertUser(p, { phone: '+79161230007' })
    const known = await sendCode(p, 'sms-otp', '+79161230007', 'call-only')
    const unknown = await sendCode(p, 'sms-otp', '+79161230008', 'call-only')
    expect(known.status).toBe(403)
    expect(known.body.error).toMatchObject({ code: 'sign_in_method_not_allowed' })
    expect({ ...(unknown.body.error as object), requestId: '' }).toEqual({
      ...(known.body.error as object),
      requestId: '',
    })
    expect(await outbox(p, '+79161230007')).toHaveLength(0)
  })
})

describe('wrong-code answers during a lockout', () => {
  it('say when to try again, not to request a new code', async () => {
    const p = await start({ 'sms-otp': { lockoutSeconds: 60 } })
    await insertUser(p, { phone: '+79161230009' })
    const sent = await sendCode(p, 'sms-otp', '+79161230009')
    const wrong = wrongCode(await latestCode(p, '+79161230009'))
    let last: Record<string, unknown> = {}
    let retryAfter: string | null = null
    for (let i = 0; i < 3; i++) {
      const answer = await verifyCode(p, 'sms-otp', sent.body.challengeId, wrong)
      last = answer.body
      retryAfter = answer.headers.get('retry-after')
    }
    expect(retryAfter).toBe('60')
    const error = last.error as { code: string; message: string; lockedForSeconds: number }
    expect(error).toMatchObject({ code: 'code_attempts_exhausted', lockedForSeconds: 60 })
    expect(error.message).not.toMatch(/request a new/i)
    expect(error.message).toMatch(/try again in 60 s/)
  })
})
