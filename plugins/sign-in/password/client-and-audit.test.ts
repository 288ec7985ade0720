/**
 * Review fixes: confidential apps need their secret at password sign-in (as at /v1/token), and
 * every refused attempt is audited, also those refused before any account is looked up.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from 'propusk/testing'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const secret = 'erp-sync-secret-0123456789-abcdefghijklmnop'
const password = 'горный ручей 42'

async function start() {
  running = await createTestPropusk()
  // A client secret makes the app confidential; it is stored hashed, as the admin API does.
  await running.createApp({
    id: 'erp-sync',
    name: 'ERP sync',
    type: 'api-only',
    methods: ['password'],
    secret,
  })
  // The Field employee role grants api-only.
  await running.insertUser({
    email: 'eng@example.com',
    password,
    roleIds: ['role_field_employee'],
  })
  return running
}

const signIn = (
  propusk: TestPropusk,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) =>
  propusk.request('/v1/auth/password/sign-in', {
    body: { login: 'eng@example.com', password, clientId: 'erp-sync', ...body },
    headers: { 'CF-Connecting-IP': '10.0.0.9', ...headers },
  })

async function audits(propusk: TestPropusk) {
  const { rows } = await propusk.services.sql.execute(
    "SELECT result, app_id, details FROM audit_log WHERE action = 'sign_in.password' ORDER BY at, rowid",
  )
  return rows.map((row) => ({
    result: row.result,
    appId: row.app_id,
    details: JSON.parse(String(row.details)) as Record<string, unknown>,
  }))
}

describe('password sign-in to a confidential app', () => {
  it('refuses it without the secret or with a wrong one (invalid_client, audited)', async () => {
    const propusk = await start()
    const missing = await signIn(propusk, {})
    expect(missing.status).toBe(401)
    expect((await missing.json()).error.code).toBe('invalid_client')
    const wrong = await signIn(propusk, { clientSecret: 'not-the-secret' })
    expect(wrong.status).toBe(401)
    const sessions = await propusk.services.sql.execute('SELECT count(*) AS n FROM sessions')
    expect(Number(sessions.rows[0]?.n)).toBe(0)
    expect(await audits(propusk)).toEqual([
      expect.objectContaining({
        result: 'failure',
        appId: 'erp-sync',
        details: expect.objectContaining({ reason: 'invalid_client' }),
      }),
      expect.objectContaining({
        result: 'failure',
        details: expect.objectContaining({ reason: 'invalid_client' }),
      }),
    ])
  })

  it('signs in with the secret in the body or by HTTP Basic', async () => {
    const propusk = await start()
    expect((await signIn(propusk, { clientSecret: secret })).status).toBe(200)
    const basic = await signIn(
      propusk,
      {},
      { Authorization: `Basic ${btoa(`erp-sync:${secret}`)}` },
    )
    expect(basic.status).toBe(200)
    // Basic naming another client than the body is refused.
    const other = await signIn(propusk, {}, { Authorization: `Basic ${btoa(`web:${secret}`)}` })
    expect(other.status).toBe(401)
  })
})

describe('auditing of refused password sign-ins', () => {
  it('audits an unknown client id, a validation failure and a rate-limited attempt', async () => {
    const propusk = await start()
    const unknown = await signIn(propusk, { clientId: 'no-such-app' })
    expect(unknown.status).toBe(400)
    const invalid = await signIn(propusk, { password: '' })
    expect(invalid.status).toBe(400)
    let limited: Response | undefined
    for (let i = 0; i < 40 && !limited; i++) {
      const answer = await signIn(
        propusk,
        { clientId: 'no-such-app' },
        { 'CF-Connecting-IP': '10.0.0.77' },
      )
      if (answer.status === 429) limited = answer
    }
    expect(limited?.status).toBe(429)
    const entries = await audits(propusk)
    expect(entries[0]).toMatchObject({
      result: 'failure',
      appId: null,
      details: { reason: 'app_not_found', clientId: 'no-such-app' },
    })
    expect(entries[1]).toMatchObject({
      result: 'failure',
      details: { reason: 'validation_failed', fields: ['password'] },
    })
    // The password itself is never recorded.
    expect(JSON.stringify(entries)).not.toContain(password)
    expect(entries.at(-1)).toMatchObject({ result: 'failure', details: { reason: 'rate_limited' } })
  })
})
