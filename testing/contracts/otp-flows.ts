/**
 * The one-time-code flows end to end (HTTP → engine → state store → console delivery → libSQL),
 * run once per state-store adapter by otp-flows.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { StateStore } from '../../src/kernel/ports/state.ts'
import type { TestPropusk } from '../../test/support/propusk.ts'
import { challengeIdPattern } from '../../src/modules/otp/keys.ts'
import {
  insertUser,
  latestCode,
  outbox,
  post,
  sendCode,
  sessionCount,
  sleep,
  startOtpPropusk,
  verifyCode,
  wrongCode,
} from '../../test/support/otp.ts'

/** Every header but the per-request ones. */
function headersOf(answer: { headers: Headers }): Record<string, string> {
  const headers = Object.fromEntries(answer.headers.entries())
  delete headers['x-request-id']
  delete headers.date
  return headers
}

function withoutRequestId(body: Record<string, unknown>): Record<string, unknown> {
  const error = body.error as Record<string, unknown> | undefined
  return error ? { ...body, error: { ...error, requestId: 'x' } } : body
}

export function describeOtpFlows(name: string, makeState: () => StateStore): void {
  describe(`one-time codes over ${name}`, () => {
    let propusk: TestPropusk | undefined
    afterEach(async () => {
      await propusk?.close()
      propusk = undefined
    })
    const start = async (plugins?: Record<string, Record<string, unknown>>) => {
      propusk = await startOtpPropusk({ state: makeState(), ...(plugins ? { plugins } : {}) })
      return propusk
    }

    it('signs in by SMS code, typed in any common phone notation', async () => {
      const p = await start()
      const userId = await insertUser(p, { phone: '+79161234567' })
      const sent = await sendCode(p, 'sms-otp', '8 (916) 123-45-67')
      expect(sent.status).toBe(200)
      expect(sent.body).toMatchObject({
        method: 'sms-otp',
        channel: 'sms',
        codeLength: 4,
        resendAfterSeconds: 60,
        expiresInSeconds: 300,
        sentTo: '+7916***4567',
      })
      const [sms] = await outbox(p, '+79161234567', 'sms')
      expect(sms?.text).toMatch(/^Код для входа: (\d{4})\n\n@id\.example\.com #\1$/)
      const code = await latestCode(p, '+79161234567')
      const verified = await verifyCode(p, 'sms-otp', sent.body.challengeId, code)
      expect(verified.status).toBe(200)
      expect(verified.body).toMatchObject({ status: 'signed_in', token_type: 'Bearer' })
      expect(verified.body.access_token).toEqual(expect.any(String))
      expect(await sessionCount(p, userId)).toBe(1)
      // Used up: the same code again is refused.
      const again = await verifyCode(p, 'sms-otp', sent.body.challengeId, code)
      expect(again.body.error).toMatchObject({ code: 'code_expired' })
      expect(p.logs.some((line) => new RegExp(`(?<![\\w.-])${code}(?![\\w.-])`).test(line))).toBe(
        false,
      )
    })

    it('signs in by flash call: the code is the last 4 digits of the calling number', async () => {
      const p = await start()
      const userId = await insertUser(p, { phone: '+79161234568' })
      const sent = await sendCode(p, 'flash-call', '+7 916 123 45 68')
      expect(sent.body).toMatchObject({ channel: 'call', codeLength: 4 })
      const [call] = await outbox(p, '+79161234568', 'call')
      expect(call?.callerNumber).toMatch(/^\+7\d{10}$/)
      const code = (call?.callerNumber ?? '').slice(-4)
      expect(
        await verifyCode(p, 'flash-call', sent.body.challengeId, wrongCode(code)),
      ).toMatchObject({
        status: 400,
      })
      const verified = await verifyCode(p, 'flash-call', sent.body.challengeId, code)
      expect(verified.body.status).toBe('signed_in')
      expect(await sessionCount(p, userId)).toBe(1)
    })

    it('signs in by e-mail code (6 digits, 10 minutes)', async () => {
      const p = await start()
      const userId = await insertUser(p, { email: 'ivan.petrov@example.com' })
      const sent = await sendCode(p, 'email-otp', '  Ivan.Petrov@Example.COM ')
      expect(sent.body).toMatchObject({ channel: 'email', codeLength: 6, expiresInSeconds: 600 })
      const [mail] = await outbox(p, 'ivan.petrov@example.com', 'email')
      expect(mail?.subject).toBe('Код для входа в App engineer-app')
      const code = await latestCode(p, 'ivan.petrov@example.com')
      expect(code).toMatch(/^\d{6}$/)
      expect(mail?.html).toContain(`>${code}</strong>`)
      const verified = await verifyCode(p, 'email-otp', sent.body.challengeId, code)
      expect(verified.body.status).toBe('signed_in')
      expect(await sessionCount(p, userId)).toBe(1)
      expect(p.logs.join('\n')).not.toContain(code)
    })

    it('first sign-in: an invited person proves the phone, creates a password, is signed in', async () => {
      const p = await start()
      const userId = await insertUser(p, { phone: '+79161234569', status: 'invited' })
      const sent = await sendCode(p, 'sms-otp', '+79161234569')
      const code = await latestCode(p, '+79161234569')
      const verified = await verifyCode(p, 'sms-otp', sent.body.challengeId, code)
      expect(verified.body).toEqual({
        status: 'password_required',
        setupToken: expect.any(String),
        expiresIn: 600,
      })
      expect(await sessionCount(p, userId)).toBe(0)
      const complete = (password: string) =>
        post(p, '/v1/sign-in/complete-registration', {
          setupToken: verified.body.setupToken,
          password,
          clientId: 'engineer-app',
        })
      // A refused password does not use the setup token up.
      expect((await complete('short')).body.error).toMatchObject({ code: 'password_too_short' })
      const done = await complete('correct horse battery staple')
      expect(done.status).toBe(200)
      expect(done.body).toMatchObject({ token_type: 'Bearer', session_id: expect.any(String) })
      const { rows } = await p.services.sql.execute({
        sql: 'SELECT status, password_hash FROM users WHERE id = ?',
        args: [userId],
      })
      expect(rows[0]?.status).toBe('active')
      expect(String(rows[0]?.password_hash)).toMatch(/^pbkdf2-sha256\$/)
      expect(await sessionCount(p, userId)).toBe(1)
      const reused = await complete('another good passphrase')
      expect(reused.body.error).toMatchObject({ code: 'setup_token_invalid' })
    })

    it('refuses a resend within 60 s and says how long to wait', async () => {
      const p = await start()
      await insertUser(p, { phone: '+79161234570' })
      expect((await sendCode(p, 'sms-otp', '+79161234570')).status).toBe(200)
      const early = await sendCode(p, 'sms-otp', '+79161234570')
      expect(early.status).toBe(429)
      expect(early.body.error).toMatchObject({ code: 'resend_too_soon' })
      const wait = (early.body.error as { retryAfterSeconds: number }).retryAfterSeconds
      expect(wait).toBeGreaterThan(55)
      expect(wait).toBeLessThanOrEqual(60)
      expect(early.headers.get('retry-after')).toBe(String(wait))
      expect(await outbox(p, '+79161234570')).toHaveLength(1)
    })

    it('locks out after wrong codes across codes; a new code does not reset the count; lockouts grow', async () => {
      const p = await start({
        'sms-otp': { resendAfterSeconds: 1, lockoutSeconds: 1, lockoutGrowthFactor: 4 },
      })
      await insertUser(p, { phone: '+79161234571' })
      const first = await sendCode(p, 'sms-otp', '+79161234571')
      const code1 = await latestCode(p, '+79161234571')
      for (const left of [2, 1]) {
        const wrong = await verifyCode(p, 'sms-otp', first.body.challengeId, wrongCode(code1))
        expect(wrong.body.error).toMatchObject({ code: 'code_invalid', attemptsLeft: left })
      }
      await sleep(1100)
      const second = await sendCode(p, 'sms-otp', '+79161234571')
      const code2 = await latestCode(p, '+79161234571')
      // Two wrong codes already count: the new code has one try left before the lockout.
      const third = await verifyCode(p, 'sms-otp', second.body.challengeId, wrongCode(code2))
      expect(second.body).toMatchObject({ codeLength: 4 })
      expect(third.body.error).toMatchObject({
        code: 'code_attempts_exhausted',
        attemptsLeft: 0,
        lockedForSeconds: 1,
      })
      const locked = await sendCode(p, 'sms-otp', '+79161234571')
      expect(locked.status).toBe(429)
      expect(locked.body.error).toMatchObject({ code: 'otp_locked' })

      await sleep(1100)
      const next = await sendCode(p, 'sms-otp', '+79161234571')
      const code3 = await latestCode(p, '+79161234571')
      let last: Record<string, unknown> = {}
      for (let i = 0; i < 3; i++) {
        last = (await verifyCode(p, 'sms-otp', next.body.challengeId, wrongCode(code3))).body
      }
      expect(last.error).toMatchObject({ code: 'code_attempts_exhausted', lockedForSeconds: 4 })
      // Even the right code is refused while locked.
      const right = await verifyCode(p, 'sms-otp', next.body.challengeId, code3)
      expect(right.status).toBe(429)
      expect(right.body.error).toMatchObject({ code: 'otp_locked' })
    })

    it('50 concurrent verifications of one right code give exactly one session', async () => {
      const p = await start()
      const userId = await insertUser(p, { phone: '+79161234572' })
      const sent = await sendCode(p, 'sms-otp', '+79161234572')
      const code = await latestCode(p, '+79161234572')
      const results = await Promise.all(
        Array.from({ length: 50 }, () => verifyCode(p, 'sms-otp', sent.body.challengeId, code)),
      )
      expect(results.filter((r) => r.status === 200)).toHaveLength(1)
      expect(
        new Set(
          results
            .filter((r) => r.status !== 200)
            .map((r) => (r.body.error as { code: string }).code),
        ),
      ).toEqual(new Set(['code_expired']))
      expect(await sessionCount(p, userId)).toBe(1)
    })

    it('refuses numbers outside the allowed countries and fixed lines, with a clear error', async () => {
      const p = await start()
      const us = await sendCode(p, 'sms-otp', '+1 202 555 0123')
      expect(us.status).toBe(400)
      expect(us.body.error).toMatchObject({ code: 'country_not_allowed', allowedCountries: ['RU'] })
      expect((us.body.error as { message: string }).message).toContain('Russia')
      const kz = await sendCode(p, 'flash-call', '+7 701 123 45 67')
      expect(kz.body.error).toMatchObject({ code: 'country_not_allowed', country: 'KZ' })
      const landline = await sendCode(p, 'sms-otp', '+7 495 123-45-67')
      expect(landline.body.error).toMatchObject({ code: 'phone_not_mobile' })
    })

    it.each([
      // All logins of a row share their masked form, so even `sentTo` must be equal.
      ['sms-otp', ['+79161110001', '+79164440001'], '+79162220001', '+79163330001'],
      ['flash-call', ['+79161110002', '+79164440002'], '+79162220002', '+79163330002'],
      [
        'email-otp',
        ['ivan@example.com', 'ilya@example.com'],
        'igor@example.com',
        'inna@example.com',
      ],
    ] as const)(
      '%s: an unknown or blocked login gets exactly the answer of a known one, and nothing is sent',
      async (method, knownLogins, unknownLogin, blockedLogin) => {
        const p = await start()
        const field = method === 'email-otp' ? 'email' : 'phone'
        await insertUser(p, { [field]: blockedLogin, status: 'blocked' })
        for (const [i, other] of [unknownLogin, blockedLogin].entries()) {
          // A fresh known login each time, so both codes are at the same point.
          const knownLogin = knownLogins[i] as string
          await insertUser(p, { [field]: knownLogin })
          const known = await sendCode(p, method, knownLogin)
          expect(known.status).toBe(200)
          const wrong = wrongCode(await latestCode(p, knownLogin))
          const unknown = await sendCode(p, method, other)
          expect(unknown.status).toBe(known.status)
          expect(headersOf(unknown)).toEqual(headersOf(known))
          expect({ ...unknown.body, challengeId: 'x' }).toEqual({ ...known.body, challengeId: 'x' })
          expect(unknown.body.challengeId).toMatch(challengeIdPattern)
          expect(String(unknown.body.challengeId).length).toBe(
            String(known.body.challengeId).length,
          )
          expect(await outbox(p, other)).toHaveLength(0)
          expect(await outbox(p, knownLogin)).toHaveLength(1)
          // Wrong codes answer alike too.
          const [a, b] = await Promise.all([
            verifyCode(p, method, known.body.challengeId, wrong),
            verifyCode(p, method, unknown.body.challengeId, wrong),
          ])
          expect(b.status).toBe(400)
          expect(b.status).toBe(a.status)
          expect(headersOf(b)).toEqual(headersOf(a))
          expect(withoutRequestId(b.body)).toEqual(withoutRequestId(a.body))
          // And resends (whose wait may differ by a second: the two were sent apart).
          const [resendA, resendB] = await Promise.all([
            sendCode(p, method, knownLogin),
            sendCode(p, method, other),
          ])
          expect(resendB.status).toBe(429)
          expect(resendB.status).toBe(resendA.status)
          expect(Object.keys(headersOf(resendB)).sort()).toEqual(
            Object.keys(headersOf(resendA)).sort(),
          )
          expect(resendB.body.error).toMatchObject({ code: 'resend_too_soon' })
          expect(Object.keys(resendB.body.error as object).sort()).toEqual(
            Object.keys(resendA.body.error as object).sort(),
          )
        }
      },
    )
  })
}
