import { afterEach, describe, expect, inject, it } from 'vitest'
import type { StateStore } from 'propusk/plugin'
import { createRedisStateStore } from '../../../src/storage/state/redis-tcp.ts'
import { codeAt } from './test-codes.ts'
import { startTotp, type TotpFixture } from './test-setup.ts'

let fixture: TotpFixture | undefined
afterEach(async () => {
  await fixture?.propusk.close()
  fixture = undefined
})

const stores: Array<[string, () => StateStore | undefined]> = [
  ['memory', () => undefined],
  [
    'redis',
    () =>
      createRedisStateStore({
        url: inject('redisUrl'),
        prefix: `totp-test:${crypto.randomUUID()}:`,
      }),
  ],
]

async function enrolled(state: StateStore | undefined) {
  const f = (fixture = await startTotp({ ...(state ? { state } : {}) }))
  const secret = await f.enrol()
  f.clock.at = new Date(f.clock.at.getTime() + 90_000)
  const right = await codeAt(secret, f.clock.at)
  // A code no step of the window produces.
  const window = await Promise.all([-1, 0, 1].map((o) => codeAt(secret, f.clock.at, o)))
  let wrong = 0
  while (window.includes(String(wrong).padStart(6, '0'))) wrong++
  return { f, right, wrong: String(wrong).padStart(6, '0') }
}

const statuses = (responses: Response[]) => responses.map((r) => r.status).sort()

describe.each(stores)('TOTP attempt limit (%s state)', (_name, state) => {
  it('pauses a login after 5 wrong codes, with Retry-After, even for the right code', async () => {
    const { f, right, wrong } = await enrolled(state())
    for (let i = 0; i < 5; i++) expect((await f.signIn(wrong)).status).toBe(401)
    const locked = await f.signIn(right)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('300')
    expect(await locked.json()).toMatchObject({
      error: { code: 'totp_too_many_attempts', retryAfterSeconds: 300 },
    })
    const audit = await f.propusk.services.sql.execute(
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
    const { f, wrong } = await enrolled(state())
    const guess = () => f.signIn(wrong, 'nobody@example.com')
    for (let i = 0; i < 5; i++) expect((await guess()).status).toBe(401)
    const locked = await guess()
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('300')
  })

  it('admits no more than the limit of concurrent wrong codes', async () => {
    const { f, wrong } = await enrolled(state())
    const racing = await Promise.all(Array.from({ length: 20 }, () => f.signIn(wrong)))
    expect(statuses(racing)).toEqual([...Array(5).fill(401), ...Array(15).fill(429)])
  })

  it('forgets earlier failures after a right code', async () => {
    const { f, right, wrong } = await enrolled(state())
    for (let i = 0; i < 4; i++) expect((await f.signIn(wrong)).status).toBe(401)
    expect((await f.signIn(right)).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await f.signIn(wrong)).status).toBe(401)
  })
})
