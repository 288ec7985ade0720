/**
 * Timing: a fresh process (a new Worker isolate) has timed no real delivery yet, and still must
 * not answer an unknown login faster than a known one. Every send waits at least the method's
 * `decoyMinDelayMs` (with ±20 % jitter), real deliveries included.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { insertUser, sendCode, startOtpPropusk } from '../../../test/support/otp.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now()
  const result = await run()
  return { ms: performance.now() - started, result }
}

describe('decoy timing', () => {
  it('the first send of a fresh process waits the minimum for unknown and known logins', async () => {
    const p = (running = await startOtpPropusk({
      plugins: { 'sms-otp': { decoyMinDelayMs: 400 }, 'email-otp': {} },
    }))
    await insertUser(p, { phone: '+79161234567' })
    const unknown = await timed(() => sendCode(p, 'sms-otp', '+79169999999'))
    expect(unknown.result.status).toBe(200)
    expect(unknown.ms).toBeGreaterThanOrEqual(0.8 * 400 - 5)
    const known = await timed(() => sendCode(p, 'sms-otp', '+79161234567'))
    expect(known.result.status).toBe(200)
    expect(known.ms).toBeGreaterThanOrEqual(0.8 * 400 - 5)
    // The default minimum (150 ms) applies to every method.
    const mail = await timed(() => sendCode(p, 'email-otp', 'nobody@example.com'))
    expect(mail.ms).toBeGreaterThanOrEqual(0.8 * 150 - 5)
  })
})
