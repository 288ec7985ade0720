import { beforeEach, describe, expect, it } from 'vitest'
import { adminRequest, createAdmin } from '../../../test/support/admin.ts'
import { json, useConsoleAdmin } from '../../../testing/fixtures/console-api.ts'

const ctx = useConsoleAdmin()
const { call } = ctx

describe('app types', () => {
  it('lists each type’s default sign-in methods and how many apps it has', async () => {
    const response = await call('/v1/admin/app-types')
    expect(response.status).toBe(200)
    const { items } = await json(response)
    const byId = new Map(items.map((t: { id: string }) => [t.id, t]))
    expect(byId.get('admin-console')).toMatchObject({ registeredApps: 1, clientKind: 'public' })
    expect(byId.get('engineer-mobile')).toMatchObject({
      registeredApps: 0,
      defaultSignInMethods: expect.arrayContaining(['sms-otp', 'password']),
      sessionPolicy: { accessTokenTtlSeconds: expect.any(Number) },
    })
    // Names come in the language the console asks for.
    const russian = await json(
      await call('/v1/admin/app-types', { headers: { 'Accept-Language': 'ru' } }),
    )
    for (const type of russian.items as Array<{
      id: string
      name: string
      localized: Record<string, { name: string }>
    }>) {
      expect(type.name).toBe(
        type.localized.ru?.name ?? (byId.get(type.id) as { name: string }).name,
      )
    }
    const english = byId.get('engineer-mobile') as {
      name: string
      localized: Record<string, { name: string }>
    }
    expect(english.name).not.toBe(english.localized.ru?.name)
    // Any console admin may read it; nobody else.
    const limited = await createAdmin(ctx.propusk, { permissions: [] })
    expect((await adminRequest(ctx.propusk, limited.token, '/v1/admin/app-types')).status).toBe(200)
    expect((await ctx.propusk.app.request('/v1/admin/app-types')).status).toBe(401)
  })
})

describe('delivery log', () => {
  beforeEach(async () => {
    const send = ctx.propusk.services.delivery.send
    await send({
      channel: 'sms',
      to: '+79161234567',
      text: 'Код 1234',
      purpose: 'otp',
      idempotencyKey: 'a',
      appId: 'admin-console',
    })
    await send({
      channel: 'email',
      to: 'ivan@example.com',
      subject: 's',
      text: 't',
      purpose: 'invitation',
      idempotencyKey: 'b',
    })
    await send({ channel: 'call', to: '+79161234567', purpose: 'otp', idempotencyKey: 'c' })
  })

  it('lists every send newest first with masked recipients', async () => {
    const body = await json(await call('/v1/admin/deliveries'))
    expect(body.items.map((i: { channel: string }) => i.channel)).toEqual(['call', 'email', 'sms'])
    const sms = body.items[2]
    expect(sms).toMatchObject({
      provider: 'console-delivery',
      status: 'delivered',
      purpose: 'otp',
      appId: 'admin-console',
      appName: expect.any(String), // the client's name, not only its id
    })
    expect(sms.appName).not.toBe('')
    expect(body.items[1].appName).toBeNull() // no app
    expect(sms.recipient).not.toContain('1234567')
    expect(JSON.stringify(body)).not.toContain('Код')
  })

  it('filters by channel, status, purpose and exact recipient', async () => {
    const sms = await json(await call('/v1/admin/deliveries?channel=sms'))
    expect(sms.items).toHaveLength(1)
    const toPhone = await json(await call('/v1/admin/deliveries?recipient=%2B79161234567'))
    expect(toPhone.items.map((i: { channel: string }) => i.channel)).toEqual(['call', 'sms'])
    const invitations = await json(
      await call('/v1/admin/deliveries?purpose=invitation&status=delivered'),
    )
    expect(invitations.items).toHaveLength(1)
    const failed = await json(await call('/v1/admin/deliveries?status=failed'))
    expect(failed.items).toHaveLength(0)
  })

  it('pages with a cursor and refuses a forged one', async () => {
    const first = await json(await call('/v1/admin/deliveries?limit=2'))
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await json(await call(`/v1/admin/deliveries?limit=2&cursor=${first.nextCursor}`))
    expect(second.items).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
    expect((await call('/v1/admin/deliveries?cursor=garbage')).status).toBe(400)
    expect((await call('/v1/admin/deliveries?channel=fax')).status).toBe(400)
  })
})

describe('plugin settings', () => {
  it('validates with the plugin’s own schema and reports fields', async () => {
    const bad = await call('/v1/admin/plugins/password/settings', {
      method: 'PUT',
      body: { values: { maxFailuresBeforeLockout: 0, nonsense: true } },
    })
    expect(bad.status).toBe(400)
    const error = (await json(bad)).error
    expect(error.code).toBe('validation_failed')
    expect(error.fields.map((f: { field: string }) => f.field)).toEqual([
      'maxFailuresBeforeLockout',
    ])
    const unknown = await call('/v1/admin/plugins/password/settings', {
      method: 'PUT',
      body: { values: { nonsense: true } },
    })
    expect((await json(unknown)).error.fields).toEqual([
      { field: 'nonsense', code: 'unknown_setting', message: expect.any(String) },
    ])
  })

  it('stores valid settings, applied without a restart, and audits the change', async () => {
    const saved = await call('/v1/admin/plugins/password/settings', {
      method: 'PUT',
      body: { values: { maxFailuresBeforeLockout: 7 } },
    })
    expect(saved.status).toBe(200)
    expect(await json(saved)).toMatchObject({
      values: { maxFailuresBeforeLockout: 7 },
      restartRequired: false,
    })
    const { rows } = await ctx.propusk.services.sql.execute(
      "SELECT settings FROM plugin_settings WHERE plugin_id = 'password'",
    )
    expect(JSON.parse(String(rows[0]?.settings))).toEqual({ maxFailuresBeforeLockout: 7 })
    const read = await json(await call('/v1/admin/plugins/password/settings'))
    expect(read.values).toEqual({ maxFailuresBeforeLockout: 7 })
    const audit = await ctx.propusk.services.sql.execute(
      "SELECT actor_id, target_id, details FROM audit_log WHERE action = 'plugin.settings.update'",
    )
    expect(audit.rows[0]).toMatchObject({ actor_id: ctx.admin.user.id, target_id: 'password' })
  })

  it('never returns secrets and keeps a stored one when the form leaves it empty', async () => {
    const path = '/v1/admin/plugins/twilio-sms/settings'
    await call(path, {
      method: 'PUT',
      body: { values: { accountSid: 'AC123', authToken: 'very-secret' } },
    })
    const read = await json(await call(path))
    expect(read.values).toEqual({ accountSid: 'AC123' })
    expect(read.secretsSet).toEqual(['authToken'])
    expect(JSON.stringify(read)).not.toContain('very-secret')
    await call(path, { method: 'PUT', body: { values: { accountSid: 'AC456', authToken: '' } } })
    const { rows } = await ctx.propusk.services.sql.execute(
      "SELECT settings FROM plugin_settings WHERE plugin_id = 'twilio-sms'",
    )
    expect(JSON.parse(String(rows[0]?.settings))).toEqual({
      accountSid: 'AC456',
      authToken: 'very-secret',
    })
    await call(path, { method: 'PUT', body: { values: { authToken: null } } })
    expect((await json(await call(path))).secretsSet).toEqual([])
  })

  it('answers 404 for unknown plugins and needs settings:write to save', async () => {
    expect((await call('/v1/admin/plugins/nope-plugin/settings')).status).toBe(404)
    const reader = await createAdmin(ctx.propusk, { permissions: ['settings:read'] })
    const path = '/v1/admin/plugins/password/settings'
    expect((await adminRequest(ctx.propusk, reader.token, path)).status).toBe(200)
    const put = await adminRequest(ctx.propusk, reader.token, path, {
      method: 'PUT',
      body: { values: {} },
    })
    expect(put.status).toBe(403)
  })
})
