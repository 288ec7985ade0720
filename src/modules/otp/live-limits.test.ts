/**
 * A code method's send limits come from its settings, read per request: a limit saved in the
 * console applies to the next send, without a restart.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { adminRequest, adminToken } from '../../../test/support/admin.ts'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { engineerApp, fromIp, post, startOtpPropusk } from '../../../test/support/otp.ts'

let propusk: TestPropusk
beforeAll(async () => {
  propusk = await startOtpPropusk({ ipHeader: true })
})
afterAll(async () => {
  await propusk?.close()
})

const send = (login: string, ip: string) =>
  post(propusk, '/v1/auth/email-otp/send', { login, clientId: engineerApp }, fromIp(ip))

it('a per-IP send limit saved in the console applies to the next send', async () => {
  const token = await adminToken(propusk)
  // The default allows many codes per IP per hour: 3 go through.
  for (let i = 0; i < 3; i++) {
    expect((await send(`before${i}@example.com`, '198.51.100.7')).status).toBe(200)
  }
  const saved = await adminRequest(propusk, token, '/v1/admin/plugins/email-otp/settings', {
    method: 'PUT',
    body: { values: { sendsPerIpPerHour: 2 } },
  })
  expect(saved.status).toBe(200)
  // This IP has already sent 3 this hour: past the new limit at once.
  const refused = await send('after@example.com', '198.51.100.7')
  expect(refused.status).toBe(429)
  expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } })
  // Another IP still gets 2, then is refused too.
  expect((await send('other1@example.com', '198.51.100.8')).status).toBe(200)
  expect((await send('other2@example.com', '198.51.100.8')).status).toBe(200)
  expect((await send('other3@example.com', '198.51.100.8')).status).toBe(429)
})
