import { afterEach, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from 'propusk/testing'
import { isSetupPending, issueRecoveryLink, issueSetupToken } from './index.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const post = (propusk: TestPropusk, path: string, body: Record<string, unknown>) =>
  propusk.app.request(`/v1/auth/setup-link/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  })

const password = 'длинный пароль админа'

describe('recovery link (npm run setup-link -- --recover)', () => {
  it('creates a new Administrator although one exists, once, audited', async () => {
    running = await createTestPropusk({
      env: { PLUGIN_SETTINGS: '{"console-delivery":{"printToTerminal":false}}' },
    })
    const first = await issueSetupToken(running.services.sql, new Date(), 24)
    const made = await post(running, 'complete', {
      token: first,
      displayName: 'First Admin',
      email: 'first@example.com',
      password,
    })
    expect(made.status).toBe(201)
    expect(await isSetupPending(running.services.sql)).toBe(false)

    const link = await issueRecoveryLink(running.services, running.services.identity.audit)
    expect(link).toMatch(/^http:\/\/localhost:8787\/setup\?token=[\w-]+$/)
    const token = new URL(link).searchParams.get('token') as string
    const verified = await post(running, 'verify', { token })
    expect(await verified.json()).toMatchObject({ valid: true, purpose: 'recovery' })
    const recovered = await post(running, 'complete', {
      token,
      displayName: 'Rescuer',
      email: 'rescuer@example.com',
      password,
    })
    expect(recovered.status).toBe(201)
    const { user } = await recovered.json()
    expect(await running.services.identity.users.get(user.id)).toMatchObject({
      status: 'active',
      roleIds: ['role_administrator'],
    })
    const again = await post(running, 'complete', {
      token,
      displayName: 'Second Rescuer',
      email: 'second@example.com',
      password,
    })
    expect((await again.json()).error.code).toBe('setup_link_invalid')
    const { rows } = await running.services.sql.execute(
      "SELECT action, result, details FROM audit_log WHERE action LIKE 'setup.%' ORDER BY at, rowid",
    )
    expect(rows.map((r) => `${r.action}:${r.result}`)).toEqual([
      'setup.first_admin:success',
      'setup.recovery_link_issued:success',
      'setup.recovery_admin:success',
      'setup.first_admin:failure',
    ])
    // Recovery links are short-lived.
    const stored = await running.services.sql.execute(
      "SELECT created_at, expires_at FROM setup_links WHERE purpose = 'recovery'",
    )
    const row = stored.rows[0]
    expect(Date.parse(String(row?.expires_at)) - Date.parse(String(row?.created_at))).toBe(3600_000)
  })

  it('refuses control characters in the display name', async () => {
    running = await createTestPropusk()
    const token = await issueSetupToken(running.services.sql, new Date(), 24)
    const answer = await post(running, 'complete', {
      token,
      displayName: 'Evil\u001b[31m',
      email: 'evil@example.com',
      password,
    })
    expect(answer.status).toBe(400)
    expect((await answer.json()).error.fields[0].field).toBe('displayName')
  })
})
