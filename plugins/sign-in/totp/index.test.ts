/** Enrolment, secrets at rest, an administrator's reset and what sign-in start offers. */
import { afterEach, describe, expect, it } from 'vitest'
import { cryptoUtils } from 'propusk/plugin'
import { adminToken, createClock, createTestPropusk, json, type TestPropusk } from 'propusk/testing'
import { base32Decode, codeAt, intoStep } from './test-codes.ts'
import { startTotp } from './test-setup.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})
async function start(settings: Record<string, unknown> = {}) {
  running = await createTestPropusk({
    clock: createClock(intoStep()),
    settings: { totp: settings },
  })
  return startTotp(running)
}
const errorOf = async (response: Response) =>
  ((await json(response)) as { error?: { code: string } }).error?.code
const row = async (p: TestPropusk, userId: string) =>
  (
    await p.services.sql.execute({
      sql: 'SELECT * FROM totp_credentials WHERE user_id = ?',
      args: [userId],
    })
  ).rows[0]

describe('enrolment', () => {
  it('gives a 20-byte base32 secret and an otpauth URI, pending until a first code confirms it', async () => {
    const f = await start({ issuer: 'Acme Field' })
    const started = await f.call('/enrol')
    expect(started.status).toBe(200)
    const body = (await started.json()) as { secret: string; otpauthUri: string }
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(body.otpauthUri).toBe(
      `otpauth://totp/Acme%20Field:${encodeURIComponent(f.login)}?secret=${body.secret}` +
        '&issuer=Acme%20Field&algorithm=SHA1&digits=6&period=30',
    )
    // Pending: no sign-in yet.
    expect((await f.signIn(await f.code(body.secret, 1))).status).toBe(401)
    const wrong = await f.call('/enrol/confirm', { code: await f.code(body.secret, 5) })
    expect(wrong.status).toBe(400)
    expect(await errorOf(wrong)).toBe('totp_code_incorrect')
    const ok = await f.call('/enrol/confirm', { code: await f.code(body.secret) })
    expect(await ok.json()).toEqual({ enrolled: true })
    // The confirming code's step is spent; the next step's code signs in.
    expect((await f.signIn(await f.code(body.secret))).status).toBe(401)
    expect((await f.signIn(await f.code(body.secret, 1))).status).toBe(200)
  })

  it('needs a bearer token, and a code of 6 digits', async () => {
    const f = await start()
    const anonymous = await f.p.request('/v1/auth/totp/enrol', { method: 'POST' })
    expect(anonymous.status).toBe(401)
    expect(await errorOf(anonymous)).toBe('unauthorized')
    expect(await errorOf(await f.call('/enrol/confirm', { code: '12345' }))).toBe(
      'validation_failed',
    )
  })

  it('keeps the active secret until a replacement is confirmed with a code of it too', async () => {
    const f = await start({ enrolmentMinutes: 5 })
    const first = await f.enrol()
    const again = (await (await f.call('/enrol')).json()) as { secret: string }
    f.p.clock.advance(30)
    expect((await f.signIn(await f.code(first))).status).toBe(200)
    f.p.clock.advance(5 * 60)
    const late = await f.call('/enrol/confirm', { code: await f.code(again.secret) })
    expect(await errorOf(late)).toBe('totp_no_pending_enrolment')

    const third = (await (await f.call('/enrol')).json()) as { secret: string }
    const code = await f.code(third.secret)
    // An access token alone (maybe stolen) cannot swap in another app.
    expect(await errorOf(await f.call('/enrol/confirm', { code }))).toBe('totp_code_incorrect')
    const currentCode = await f.code(first, 1)
    expect((await f.call('/enrol/confirm', { code, currentCode })).status).toBe(200)
    f.p.clock.advance(60)
    expect((await f.signIn(await f.code(first))).status).toBe(401)
    expect((await f.signIn(await f.code(third.secret))).status).toBe(200)
  })

  it('keeps secrets sealed at rest, bound to their owner', async () => {
    const f = await start()
    const secret = await f.enrol()
    const stored = await row(f.p, f.userId)
    expect(stored?.pending_secret).toBeNull()
    const sealed = String(stored?.secret)
    expect(sealed).toMatch(/^v1\./)
    const raw = base32Decode(secret)
    expect(raw).toHaveLength(20)
    for (const form of [secret, cryptoUtils.base64UrlEncode(raw), cryptoUtils.toHex(raw)]) {
      expect(sealed.toLowerCase()).not.toContain(form.toLowerCase())
    }
    // The sealed secret copied into another person's row does not open for them.
    const otherLogin = `other.${crypto.randomUUID().slice(0, 6)}@example.com`
    const other = await f.p.insertUser({ email: otherLogin })
    await f.p.services.sql.execute({
      sql: 'INSERT INTO totp_credentials (user_id, secret, last_step, updated_at) VALUES (?, ?, 0, ?)',
      args: [other, sealed, new Date().toISOString()],
    })
    f.p.clock.advance(30)
    const code = await f.code(secret)
    expect((await f.signIn(code, otherLogin)).status).toBe(401)
    expect((await f.signIn(code)).status).toBe(200)
  })

  it('lets an administrator remove a lost authenticator, and nobody else', async () => {
    const f = await start()
    const lost = await f.enrol()
    expect((await f.call('/reset', { userId: f.userId })).status).toBe(403)
    const token = await adminToken(f.p)
    const reset = await f.p.request('/v1/auth/totp/reset', { body: { userId: f.userId }, token })
    expect(await reset.json()).toEqual({ removed: true })
    const audit = await f.p.services.sql.execute(
      "SELECT target_id FROM audit_log WHERE action = 'totp.reset' AND result = 'success'",
    )
    expect(audit.rows.map((r) => r.target_id)).toEqual([f.userId])
    f.p.clock.advance(30)
    expect((await f.signIn(await f.code(lost))).status).toBe(401)
    // A new phone is enrolled without the lost one.
    const fresh = await f.enrol()
    f.p.clock.advance(30)
    expect((await f.signIn(await f.code(fresh))).status).toBe(200)
  })
})

describe('sign-in start', () => {
  it('offers totp in apps that list it, whether or not the login has an authenticator', async () => {
    const f = await start()
    const methods = async (login: string, clientId = f.app) =>
      ((await json(await f.p.request('/v1/sign-in/start', { body: { login, clientId } })))
        .methods as string[]) ?? []
    // The same answer before and after enrolment, and for a login with no account: the list
    // must not tell a caller who has an authenticator (or an account).
    expect(await methods(f.login)).toEqual(['password', 'totp'])
    const secret = (await (await f.call('/enrol')).json()) as { secret: string }
    await f.call('/enrol/confirm', { code: await codeAt(secret.secret, f.p.clock.now()) })
    expect(await methods(f.login)).toEqual(['password', 'totp'])
    expect(await methods('nobody-here@example.com')).toEqual(['password', 'totp'])
    const other = await f.p.createApp({ type: 'engineer-mobile', methods: ['password'] })
    expect(await methods(f.login, other)).toEqual(['password'])
  })
})
