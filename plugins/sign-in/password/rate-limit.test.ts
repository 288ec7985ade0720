/**
 * The per-IP sign-in limit, now counted inside the attempt reservation: past it a request is
 * refused as `rate_limited` (not as a lockout), reserves no attempt for its login, and the
 * refusal is audited.
 */
import { afterEach, expect, it } from 'vitest'
import { createTestPropusk, fromIp, type TestPropusk } from 'propusk/testing'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const RIGHT = 'верный пароль тут'
const signIn = async (p: TestPropusk, login: string, password: string, ip: string) => {
  const response = await p.request('/v1/auth/password/sign-in', {
    body: { clientId: 'engineer-app', login, password },
    headers: fromIp(ip),
  })
  const body = (await response.json()) as { error?: { code: string; retryAfterSeconds?: number } }
  return { status: response.status, error: body.error }
}

it('past signInPerIp: rate_limited, no attempt reserved for the login, audited', async () => {
  const p = (running = await createTestPropusk({
    settings: { password: { maxFailuresBeforeLockout: 1 } },
    ipHeader: true,
  }))
  await p.createApp({ id: 'engineer-app', type: 'engineer-mobile' })
  await p.insertUser({ email: 'ivan@example.com', password: RIGHT })
  // 30 a minute per IP: spent on logins nobody has.
  for (let i = 0; i < 30; i++) {
    expect((await signIn(p, `nobody${i}@example.com`, 'x', '198.51.100.9')).status).toBe(401)
  }
  const limited = await signIn(p, 'ivan@example.com', 'wrong guess', '198.51.100.9')
  expect(limited).toMatchObject({ status: 429, error: { code: 'rate_limited' } })
  expect(limited.error?.retryAfterSeconds).toBeGreaterThan(0)
  // One failure locks this login: had the refused request reserved an attempt, this would be
  // too_many_attempts.
  expect((await signIn(p, 'ivan@example.com', RIGHT, '198.51.100.10')).status).toBe(200)
  const { rows } = await p.services.sql.execute(
    `SELECT details FROM audit_log WHERE action = 'sign_in.password' ORDER BY at DESC`,
  )
  expect(rows.some((row) => String(row.details).includes('"rate_limited"'))).toBe(true)
})
