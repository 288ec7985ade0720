import { afterEach, describe, expect, it } from 'vitest'
import { cryptoUtils } from 'propusk/plugin'
import { insertUser, postJson } from '../../../test/support/account.ts'
import { createAdmin } from '../../../test/support/admin.ts'
import { json } from '../../../test/support/propusk.ts'
import { base32Decode, codeAt } from './test-codes.ts'
import { startTotp, type TotpFixture } from './test-setup.ts'

let fixture: TotpFixture | undefined
afterEach(async () => {
  await fixture?.propusk.close()
  fixture = undefined
})
const start = async (settings?: Record<string, unknown>) =>
  (fixture = await startTotp(settings ? { settings } : {}))

/** Status and body without the per-request id: what a guesser can compare. */
async function outward(response: Response) {
  const body = (await response.json()) as { error: Record<string, unknown> }
  delete body.error.requestId
  return { status: response.status, body }
}

const row = async (f: TotpFixture) =>
  (
    await f.propusk.services.sql.execute({
      sql: 'SELECT * FROM totp_credentials WHERE user_id = ?',
      args: [f.userId],
    })
  ).rows[0]

describe('enrolment', () => {
  it('gives a 20-byte base32 secret and an otpauth URI, pending until a first code confirms it', async () => {
    const f = await start({ issuer: 'Acme Field' })
    const started = await f.call('/enrol', {})
    expect(started.status).toBe(200)
    const body = (await started.json()) as { secret: string; otpauthUri: string }
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(body.otpauthUri).toBe(
      `otpauth://totp/Acme%20Field:${encodeURIComponent(f.login)}?secret=${body.secret}` +
        '&issuer=Acme%20Field&algorithm=SHA1&digits=6&period=30',
    )
    // Pending: no sign-in yet.
    expect((await f.signIn(await codeAt(body.secret, f.clock.at, 1))).status).toBe(401)
    const wrong = await f.call('/enrol/confirm', { code: await codeAt(body.secret, f.clock.at, 5) })
    expect(await outward(wrong)).toMatchObject({
      status: 400,
      body: { error: { code: 'totp_code_incorrect' } },
    })
    const ok = await f.call('/enrol/confirm', { code: await codeAt(body.secret, f.clock.at) })
    expect(await ok.json()).toEqual({ enrolled: true })
    // The confirming code's step is spent; the next step's code signs in.
    expect((await f.signIn(await codeAt(body.secret, f.clock.at))).status).toBe(401)
    expect((await f.signIn(await codeAt(body.secret, f.clock.at, 1))).status).toBe(200)
  })

  it('needs a bearer token, and a code of 6 digits', async () => {
    const f = await start()
    const anonymous = await f.propusk.app.request('/v1/auth/totp/enrol', { method: 'POST' })
    expect(anonymous.status).toBe(401)
    expect(await json(anonymous)).toMatchObject({ error: { code: 'unauthorized' } })
    const bad = await f.call('/enrol/confirm', { code: '12345' })
    expect(await json(bad)).toMatchObject({ error: { code: 'validation_failed' } })
  })

  it('keeps the active secret until a re-enrolment is confirmed, and refuses an expired one', async () => {
    const f = await start({ enrolmentMinutes: 5 })
    const first = await f.enrol()
    const again = (await (await f.call('/enrol', {})).json()) as { secret: string }
    f.clock.at = new Date(f.clock.at.getTime() + 30_000)
    expect((await f.signIn(await codeAt(first, f.clock.at))).status).toBe(200)
    f.clock.at = new Date(f.clock.at.getTime() + 5 * 60_000)
    const late = await f.call('/enrol/confirm', { code: await codeAt(again.secret, f.clock.at) })
    expect(await json(late)).toMatchObject({ error: { code: 'totp_no_pending_enrolment' } })

    // Replacing needs a code of the authenticator in use: a (maybe stolen) token is not enough.
    const third = (await (await f.call('/enrol', {})).json()) as { secret: string }
    const code = await codeAt(third.secret, f.clock.at)
    const tokenOnly = await f.call('/enrol/confirm', { code })
    expect(await json(tokenOnly)).toMatchObject({ error: { code: 'totp_code_incorrect' } })
    const currentCode = await codeAt(first, f.clock.at)
    expect((await f.call('/enrol/confirm', { code, currentCode })).status).toBe(200)
    f.clock.at = new Date(f.clock.at.getTime() + 30_000)
    expect((await f.signIn(await codeAt(first, f.clock.at))).status).toBe(401)
    expect((await f.signIn(await codeAt(third.secret, f.clock.at))).status).toBe(200)
  })

  it('lets an administrator remove a lost authenticator, and nobody else', async () => {
    const f = await start()
    const lost = await f.enrol()
    const byPerson = await f.call('/reset', { userId: f.userId })
    expect(byPerson.status).toBe(403)
    const admin = await createAdmin(f.propusk)
    const auth = { Authorization: `Bearer ${admin.token}` }
    const reset = await postJson(f.propusk, '/v1/auth/totp/reset', { userId: f.userId }, auth)
    expect(await reset.json()).toEqual({ removed: true })
    f.clock.at = new Date(f.clock.at.getTime() + 30_000)
    expect((await f.signIn(await codeAt(lost, f.clock.at))).status).toBe(401)
    // The person enrols a new phone without the lost one.
    const fresh = await f.enrol()
    f.clock.at = new Date(f.clock.at.getTime() + 30_000)
    expect((await f.signIn(await codeAt(fresh, f.clock.at))).status).toBe(200)
  })

  it('keeps secrets sealed at rest, bound to their owner', async () => {
    const f = await start()
    const secret = await f.enrol()
    const stored = await row(f)
    expect(stored?.pending_secret).toBeNull()
    const sealed = String(stored?.secret)
    expect(sealed).toMatch(/^v1\./)
    expect(sealed).not.toContain(secret)
    // The raw secret bytes, in any encoding, are not in the row either.
    const raw = base32Decode(secret)
    expect(raw).toHaveLength(20)
    expect(sealed).not.toContain(cryptoUtils.base64UrlEncode(raw))
    expect(sealed.toLowerCase()).not.toContain(cryptoUtils.toHex(raw))

    // Another person's row with this sealed secret: it does not open for them.
    const otherLogin = `other.${crypto.randomUUID().slice(0, 6)}@example.com`
    const other = await insertUser(f.propusk, { email: otherLogin })
    await f.propusk.services.sql.execute({
      sql: `INSERT INTO totp_credentials (user_id, secret, last_step, updated_at) VALUES (?, ?, 0, ?)`,
      args: [other, sealed, new Date().toISOString()],
    })
    f.clock.at = new Date(f.clock.at.getTime() + 30_000)
    const code = await codeAt(secret, f.clock.at)
    expect((await f.signIn(code, otherLogin)).status).toBe(401)
    expect((await f.signIn(code)).status).toBe(200)
  })

  it('removes the authenticator only with a current, unused code', async () => {
    const f = await start()
    const secret = await f.enrol()
    const used = await f.call('/disable', { code: await codeAt(secret, f.clock.at) })
    expect(await json(used)).toMatchObject({ error: { code: 'totp_code_incorrect' } })
    f.clock.at = new Date(f.clock.at.getTime() + 30_000)
    const removed = await f.call('/disable', { code: await codeAt(secret, f.clock.at) })
    expect(await removed.json()).toEqual({ disabled: true })
    expect(await row(f)).toBeUndefined()
    const again = await f.call('/disable', { code: await codeAt(secret, f.clock.at, 1) })
    expect(await json(again)).toMatchObject({ error: { code: 'totp_not_enrolled' } })
  })
})
