/** Failures are limited per login with the plugin's own `ctx.attempts`, on every state store. */
import { afterEach, describe, expect, it } from 'vitest'
import {
  adminToken,
  createClock,
  createTestPropusk,
  stateStores,
  type TestPropusk,
} from 'propusk/testing'
import { intoStep, wrongCode } from './test-codes.ts'
import { startTotp } from './test-setup.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function enrolled(kind: (typeof stateStores)[number][0] = 'memory') {
  const clock = createClock(intoStep())
  running = await createTestPropusk({ clock, state: kind })
  const f = await startTotp(running)
  const secret = await f.enrol()
  clock.advance(90)
  return { f, right: await f.code(secret), wrong: await wrongCode(secret, clock.now()) }
}
const statuses = (responses: Response[]) => responses.map((r) => r.status).sort()

describe.each(stateStores)('TOTP attempt limit (%s state)', (kind) => {
  it('pauses a login after 5 wrong codes, with Retry-After, even for the right code', async () => {
    const { f, right, wrong } = await enrolled(kind)
    for (let i = 0; i < 5; i++) expect((await f.signIn(wrong)).status).toBe(401)
    const locked = await f.signIn(right)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('300')
    expect(await locked.json()).toMatchObject({
      error: { code: 'too_many_attempts', retryAfterSeconds: 300 },
    })
    const audit = await f.p.services.sql.execute(
      "SELECT details FROM audit_log WHERE action = 'sign_in.totp' AND result = 'failure' ORDER BY rowid",
    )
    expect(audit.rows.map((r) => JSON.parse(String(r.details)).reason)).toEqual([
      ...Array(5).fill('wrong_code'),
      'paused',
    ])
    // Per normalised login: another notation of the same e-mail is the same subject.
    expect((await f.signIn(right, ` ${f.login.toUpperCase()} `)).status).toBe(429)
  })

  it('pauses an unknown login the same way', async () => {
    const { f, wrong } = await enrolled(kind)
    const guess = () => f.signIn(wrong, 'nobody@example.com')
    for (let i = 0; i < 5; i++) expect((await guess()).status).toBe(401)
    const locked = await guess()
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('300')
  })

  it('admits no more than the limit of concurrent wrong codes', async () => {
    const { f, wrong } = await enrolled(kind)
    const racing = await Promise.all(Array.from({ length: 20 }, () => f.signIn(wrong)))
    expect(statuses(racing)).toEqual([...Array(5).fill(401), ...Array(15).fill(429)])
  })

  it('forgets earlier failures after a right code', async () => {
    const { f, right, wrong } = await enrolled(kind)
    for (let i = 0; i < 4; i++) expect((await f.signIn(wrong)).status).toBe(401)
    expect((await f.signIn(right)).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await f.signIn(wrong)).status).toBe(401)
  })
})

describe('the attempt limit of a signed-in person', () => {
  it('pauses confirming after 5 wrong codes, apart from the sign-in limit', async () => {
    const { f, right, wrong } = await enrolled()
    await f.call('/enrol')
    for (let i = 0; i < 5; i++) {
      expect((await f.call('/enrol/confirm', { code: wrong, currentCode: wrong })).status).toBe(400)
    }
    const paused = await f.call('/enrol/confirm', { code: wrong, currentCode: right })
    expect(paused.status).toBe(429)
    expect((await f.signIn(right)).status).toBe(200)
  })

  it('takes a pause threshold saved in the console at the next code', async () => {
    const { f, right, wrong } = await enrolled()
    for (let i = 0; i < 2; i++) expect((await f.signIn(wrong)).status).toBe(401)
    const saved = await f.p.request('/v1/admin/plugins/totp/settings', {
      method: 'PUT',
      token: await adminToken(f.p),
      body: { values: { maxFailures: 3 } },
    })
    expect(saved.status).toBe(200)
    // The 3rd wrong code now reaches the limit and starts the pause: even the right code waits.
    expect((await f.signIn(wrong)).status).toBe(401)
    expect((await f.signIn(right)).status).toBe(429)
  })
})
