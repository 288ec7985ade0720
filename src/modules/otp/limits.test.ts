/**
 * The anti-pumping limits, each with a tiny setting, from several client IPs (the test app reads
 * the client IP from a header, see `fromIp`), and the resend gate's place behind them.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import {
  engineerApp,
  fromIp,
  insertUser,
  latestCode,
  outbox,
  post,
  sleep,
  startOtpPropusk,
  wrongCode,
} from '../../../test/support/otp.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const start = async (sms: Record<string, unknown>, call: Record<string, unknown> = {}) =>
  (running = await startOtpPropusk({
    ipHeader: true,
    plugins: { 'sms-otp': { decoyMinDelayMs: 0, ...sms }, 'flash-call': call },
  }))

const send = (p: TestPropusk, login: string, ip: string, method = 'sms-otp') =>
  post(p, `/v1/auth/${method}/send`, { login, clientId: engineerApp }, fromIp(ip))

const verify = (p: TestPropusk, challengeId: unknown, code: string, ip: string) =>
  post(p, '/v1/auth/sms-otp/verify', { challengeId, code, clientId: engineerApp }, fromIp(ip))

const refusal = (answer: { status: number; body: Record<string, unknown> }) => ({
  status: answer.status,
  ...(answer.body.error as Record<string, unknown> | undefined),
})

describe('one-time-code send limits', () => {
  it('per client IP: the IP is refused, other IPs are not', async () => {
    const p = await start({ sendsPerIpPerHour: 2 })
    expect((await send(p, '+79161110001', '198.51.100.1')).status).toBe(200)
    expect((await send(p, '+79161110002', '198.51.100.1')).status).toBe(200)
    const refused = await send(p, '+79161110003', '198.51.100.1')
    expect(refusal(refused)).toMatchObject({ status: 429, code: 'rate_limited', limit: 'ip' })
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await send(p, '+79161110003', '198.51.100.2')).status).toBe(200)
  })

  it('a request refused by a limit does not start the login owner’s resend wait', async () => {
    const p = await start({ sendsPerIpPerHour: 1 })
    await insertUser(p, { phone: '+79161110009' })
    // The attacker's IP is used up; its requests for the victim's number are refused...
    expect((await send(p, '+79161110001', '198.51.100.66')).status).toBe(200)
    for (let i = 0; i < 3; i++) {
      const refused = await send(p, '+79161110009', '198.51.100.66')
      expect(refusal(refused)).toMatchObject({ code: 'rate_limited', limit: 'ip' })
    }
    // ...and the victim still gets a code at once, from their own IP.
    const own = await send(p, '+79161110009', '203.0.113.9')
    expect(own.status).toBe(200)
    expect(await outbox(p, '+79161110009')).toHaveLength(1)
  })

  it('per login per hour, across IPs and methods', async () => {
    const limits = { sendsPerLoginPerHour: 2, resendAfterSeconds: 1 }
    const p = await start(limits, limits)
    expect((await send(p, '+79161110001', '198.51.100.1')).status).toBe(200)
    expect((await send(p, '+79161110001', '198.51.100.2', 'flash-call')).status).toBe(200)
    await sleep(1100)
    const refused = await send(p, '+79161110001', '198.51.100.3')
    expect(refusal(refused)).toMatchObject({ status: 429, limit: 'login-hour' })
    expect((await send(p, '+79161110002', '198.51.100.3')).status).toBe(200)
  })

  it('per login per day', async () => {
    const limits = { sendsPerLoginPerDay: 2, resendAfterSeconds: 1 }
    const p = await start(limits, limits)
    expect((await send(p, '+79161110001', '198.51.100.1')).status).toBe(200)
    expect((await send(p, '+79161110001', '198.51.100.2', 'flash-call')).status).toBe(200)
    await sleep(1100)
    const refused = await send(p, '+79161110001', '198.51.100.3')
    expect(refusal(refused)).toMatchObject({ status: 429, limit: 'login-day' })
  })

  it('per number prefix (SMS pumping through one range)', async () => {
    const p = await start({ sendsPerPrefixPerHour: 2, prefixDigits: 7 })
    // +7916111 is the prefix of all three (first 7 E.164 digits: 7916111).
    expect((await send(p, '+79161110001', '198.51.100.1')).status).toBe(200)
    expect((await send(p, '+79161112002', '198.51.100.2')).status).toBe(200)
    const refused = await send(p, '+79161113003', '198.51.100.3')
    expect(refusal(refused)).toMatchObject({ status: 429, limit: 'prefix' })
    expect((await send(p, '+79261113003', '198.51.100.4')).status).toBe(200)
  })

  it('per destination country', async () => {
    const p = await start({ sendsPerCountryPerHour: 2 })
    expect((await send(p, '+79161110001', '198.51.100.1')).status).toBe(200)
    expect((await send(p, '+79261110001', '198.51.100.2')).status).toBe(200)
    const refused = await send(p, '+79361110001', '198.51.100.3')
    expect(refusal(refused)).toMatchObject({ status: 429, limit: 'country' })
  })

  it('code checks per client IP', async () => {
    const p = await start({
      verifiesPerIpPer10Minutes: 2,
      maxAttemptsPerCode: 10,
      failuresBeforeLockout: 10,
    })
    await insertUser(p, { phone: '+79161110001' })
    const sent = await send(p, '+79161110001', '198.51.100.1')
    const wrong = wrongCode(await latestCode(p, '+79161110001'))
    for (let i = 0; i < 2; i++) {
      const answer = await verify(p, sent.body.challengeId, wrong, '198.51.100.5')
      expect(refusal(answer)).toMatchObject({ status: 400, code: 'code_invalid' })
    }
    const refused = await verify(p, sent.body.challengeId, wrong, '198.51.100.5')
    expect(refusal(refused)).toMatchObject({
      status: 429,
      code: 'rate_limited',
      limit: 'verify-ip',
    })
    const elsewhere = await verify(p, sent.body.challengeId, wrong, '198.51.100.6')
    expect(refusal(elsewhere)).toMatchObject({ status: 400, code: 'code_invalid' })
  })
})
