/**
 * The TOTP pause threshold comes from the plugin's settings: a value saved in the console
 * applies to the next code, without a restart.
 */
import { afterEach, expect, it } from 'vitest'
import { adminRequest, createAdmin } from '../../../test/support/admin.ts'
import { codeAt } from './test-codes.ts'
import { startTotp, type TotpFixture } from './test-setup.ts'

let fixture: TotpFixture | undefined
afterEach(async () => {
  await fixture?.propusk.close()
  fixture = undefined
})

it('a pause threshold saved in the console applies to the next code', async () => {
  const f = (fixture = await startTotp())
  const secret = await f.enrol()
  f.clock.at = new Date(f.clock.at.getTime() + 90_000)
  const right = await codeAt(secret, f.clock.at)
  const window = await Promise.all([-1, 0, 1].map((o) => codeAt(secret, f.clock.at, o)))
  let n = 0
  while (window.includes(String(n).padStart(6, '0'))) n++
  const wrong = String(n).padStart(6, '0')
  const { token } = await createAdmin(f.propusk)

  // The default (5 wrong codes) leaves room after 2.
  for (let i = 0; i < 2; i++) expect((await f.signIn(wrong)).status).toBe(401)
  const saved = await adminRequest(f.propusk, token, '/v1/admin/plugins/totp/settings', {
    method: 'PUT',
    body: { values: { maxFailures: 3 } },
  })
  expect(saved.status).toBe(200)
  // The 3rd wrong code now reaches the limit and starts the pause: even the right code waits.
  expect((await f.signIn(wrong)).status).toBe(401)
  const paused = await f.signIn(right)
  expect(paused.status).toBe(429)
  expect(await paused.json()).toMatchObject({ error: { code: 'totp_too_many_attempts' } })
})
