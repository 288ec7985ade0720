import { afterEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { plugins as defaultPlugins } from '../../plugins.ts'
import { defineSignInMethod } from '../../kernel/plugin.ts'
import {
  insertApp,
  insertUser,
  latestCode,
  post,
  sendCode,
  startOtpPropusk,
  verifyCode,
  wrongCode,
} from '../../../test/support/otp.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const startSignIn = (p: TestPropusk, login: string, clientId = 'engineer-app') =>
  post(p, '/v1/sign-in/start', { login, clientId })

describe('POST /v1/sign-in/start', () => {
  it('lists the methods for a phone and for an e-mail (R8, R9)', async () => {
    const p = (running = await startOtpPropusk())
    expect((await startSignIn(p, '8 (916) 123-45-67')).body).toEqual({
      loginKind: 'phone',
      normalizedLogin: '+79161234567',
      methods: ['sms-otp', 'flash-call', 'password'],
    })
    expect((await startSignIn(p, ' Ivan@Example.com')).body).toEqual({
      loginKind: 'email',
      normalizedLogin: 'ivan@example.com',
      methods: ['email-otp', 'password'],
    })
  })

  it('filters by the app, the allowed countries and mobile numbers (R6)', async () => {
    const p = (running = await startOtpPropusk())
    expect((await startSignIn(p, '+1 202 555 0123')).body.methods).toEqual(['password'])
    expect((await startSignIn(p, '+7 495 123-45-67')).body.methods).toEqual(['password'])
    expect((await startSignIn(p, 'ivan@example.com', 'admin-console')).body.methods).toEqual([
      'password',
    ])
    // An app may widen the countries of one method.
    await insertApp(p, {
      id: 'kz-app',
      type: 'engineer-mobile',
      methods: ['sms-otp', 'flash-call'],
      settings: { otp: { 'sms-otp': { allowedCountries: ['RU', 'KZ'] } } },
    })
    expect((await startSignIn(p, '+7 701 123 45 67', 'kz-app')).body.methods).toEqual(['sms-otp'])
  })

  it('never reveals whether an account exists', async () => {
    const p = (running = await startOtpPropusk())
    await insertUser(p, { phone: '+79161234567', email: 'ivan@example.com' })
    for (const [known, unknown] of [
      ['+79161234567', '+79161234599'],
      ['ivan@example.com', 'nobody@example.com'],
    ] as const) {
      const a = await startSignIn(p, known)
      const b = await startSignIn(p, unknown)
      expect(b.status).toBe(a.status)
      expect({ ...b.body, normalizedLogin: '' }).toEqual({ ...a.body, normalizedLogin: '' })
    }
  })

  it("asks a method's offeredAt whether to offer it for this login and app", async () => {
    const seen: string[] = []
    const enrolledOnly = defineSignInMethod({
      id: 'enrolled-only',
      kind: 'sign-in-method',
      name: 'Enrolled only',
      loginKinds: ['phone', 'email'],
      settings: z.object({}),
      async offeredAt(login, app, ctx) {
        seen.push(`${ctx.pluginId} ${login.kind}:${login.value}@${app.id}`)
        return login.value.endsWith('7') || login.value.startsWith('yes@')
      },
    })
    const p = (running = await createTestPropusk({
      env: { PUBLIC_URL: 'https://id.example.com' },
      plugins: [...defaultPlugins, enrolledOnly],
    }))
    await insertApp(p, {
      id: 'hook-app',
      type: 'engineer-mobile',
      methods: ['enrolled-only', 'password'],
    })
    expect((await startSignIn(p, '+7 916 123-45-67', 'hook-app')).body.methods).toEqual([
      'enrolled-only',
      'password',
    ])
    expect((await startSignIn(p, '+7 916 123-45-60', 'hook-app')).body.methods).toEqual([
      'password',
    ])
    expect((await startSignIn(p, 'yes@example.com', 'hook-app')).body.methods).toEqual([
      'enrolled-only',
      'password',
    ])
    expect(seen).toEqual([
      'enrolled-only phone:+79161234567@hook-app',
      'enrolled-only phone:+79161234560@hook-app',
      'enrolled-only email:yes@example.com@hook-app',
    ])
  })

  it('limits starts per client IP through the rate limiter', async () => {
    const p = (running = await startOtpPropusk())
    expect(p.services.limits.rules()).toContainEqual(
      expect.objectContaining({ owner: 'sign-in', rule: 'startPerIp', limit: 120 }),
    )
    const answers = []
    for (let i = 0; i < 121; i++) answers.push((await startSignIn(p, '+79161234567')).status)
    expect(answers.slice(0, 120).every((status) => status === 200)).toBe(true)
    const refused = await startSignIn(p, '+79161234567')
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } })
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('refuses what is neither a phone nor an e-mail, and unknown apps', async () => {
    const p = (running = await startOtpPropusk())
    const bad = await startSignIn(p, 'ivan')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'login' }],
    })
    expect((await startSignIn(p, '+79161234567', 'no-such-app')).body.error).toMatchObject({
      code: 'app_not_found',
    })
  })
})

describe('one-time codes: app rules, audit and the API document', () => {
  it('refuses a method the app does not allow and a login of the wrong kind', async () => {
    const p = (running = await startOtpPropusk())
    const email = await sendCode(p, 'email-otp', 'ivan@example.com', 'admin-console')
    expect(email.body.error).toMatchObject({ code: 'sign_in_method_not_allowed' })
    const wrongKind = await sendCode(p, 'sms-otp', 'ivan@example.com')
    expect(wrongKind.body.error).toMatchObject({ code: 'login_kind_not_supported' })
  })

  it('applies per-app settings (code length, resend wait)', async () => {
    const p = (running = await startOtpPropusk())
    await insertApp(p, {
      id: 'strict-app',
      type: 'engineer-mobile',
      methods: ['sms-otp'],
      settings: { otp: { 'sms-otp': { codeLength: 6, resendAfterSeconds: 90 } } },
    })
    await insertUser(p, { phone: '+79161234567' })
    const sent = await sendCode(p, 'sms-otp', '+79161234567', 'strict-app')
    expect(sent.body).toMatchObject({ codeLength: 6, resendAfterSeconds: 90 })
  })

  it('audits sends and failed checks, and documents every endpoint', async () => {
    const p = (running = await startOtpPropusk())
    const userId = await insertUser(p, { phone: '+79161234567' })
    const sent = await sendCode(p, 'sms-otp', '+79161234567')
    const code = await latestCode(p, '+79161234567')
    await verifyCode(p, 'sms-otp', sent.body.challengeId, wrongCode(code))
    await verifyCode(p, 'sms-otp', 'otp_not-a-real-challenge-id-at-all-0123456789', '1234')
    const { rows } = await p.services.sql.execute(
      "SELECT action, result, target_id, details FROM audit_log WHERE action IN ('otp.send', 'sign_in.sms-otp') ORDER BY at, rowid",
    )
    expect(rows.map((r) => [r.action, r.result, r.target_id])).toEqual([
      ['otp.send', 'success', userId],
      ['sign_in.sms-otp', 'failure', null],
      ['sign_in.sms-otp', 'failure', null],
    ])
    const doc = (await (await p.app.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    for (const path of [
      '/v1/sign-in/start',
      '/v1/sign-in/complete-registration',
      '/v1/auth/sms-otp/send',
      '/v1/auth/sms-otp/verify',
      '/v1/auth/flash-call/send',
      '/v1/auth/flash-call/verify',
      '/v1/auth/email-otp/send',
      '/v1/auth/email-otp/verify',
    ]) {
      expect(doc.paths[path], path).toBeDefined()
    }
  })
})
