import { describe, expect, it } from 'vitest'
import { useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk()

const { call } = fixture

describe('roles', () => {
  it('lists the three built-in roles (R7)', async () => {
    const { body } = await call('/v1/admin/roles')
    const byId = Object.fromEntries(body.items.map((r: { id: string }) => [r.id, r]))
    expect(byId.role_field_employee).toMatchObject({
      builtin: true,
      appTypes: ['engineer-mobile', 'api-only'],
    })
    expect(byId.role_customer.appTypes).toEqual(['customer-mobile', 'web'])
    expect(byId.role_administrator.permissions).toHaveLength(9)
  })

  it('creates, edits and deletes roles with validated app types and permissions', async () => {
    const created = await call('/v1/admin/roles', {
      method: 'POST',
      body: {
        name: 'Dispatcher',
        description: 'Runs the board',
        appTypes: ['web', 'admin-console'],
        permissions: ['users:read'],
      },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'Dispatcher',
      builtin: false,
      appTypes: ['web', 'admin-console'],
    })
    const id = created.body.id as string

    const dup = await call('/v1/admin/roles', {
      method: 'POST',
      body: { name: ' dispatcher ', appTypes: [], permissions: [] },
    })
    expect(dup.status).toBe(409)
    expect(dup.body.error).toMatchObject({ code: 'role_name_taken', fields: [{ field: 'name' }] })

    const badType = await call('/v1/admin/roles', {
      method: 'POST',
      body: { name: 'X', appTypes: ['web', 'tv-app'], permissions: ['users:fly'] },
    })
    expect(badType.status).toBe(400)
    expect(badType.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'permissions.0',
    ])
    const badInstalled = await call('/v1/admin/roles', {
      method: 'POST',
      body: { name: 'X', appTypes: ['web', 'tv-app'], permissions: [] },
    })
    expect(badInstalled.body.error.fields).toEqual([
      {
        field: 'appTypes.1',
        code: 'unknown_app_type',
        params: { type: 'tv-app' },
        message: 'no installed client app type "tv-app"',
      },
    ])

    const edited = await call(`/v1/admin/roles/${id}`, {
      method: 'PATCH',
      body: { permissions: ['users:read', 'audit:read'] },
    })
    expect(edited.body).toMatchObject({
      name: 'Dispatcher',
      permissions: ['users:read', 'audit:read'],
    })
    const renameClash = await call(`/v1/admin/roles/${id}`, {
      method: 'PATCH',
      body: { name: 'CUSTOMER' },
    })
    expect(renameClash.status).toBe(409)

    // Built-in roles: editable, never deletable.
    const builtinEdit = await call('/v1/admin/roles/role_field_employee', {
      method: 'PATCH',
      body: { description: 'Engineers' },
    })
    expect(builtinEdit.body.description).toBe('Engineers')
    const builtinDelete = await call('/v1/admin/roles/role_field_employee', { method: 'DELETE' })
    expect(builtinDelete.status).toBe(409)
    expect(builtinDelete.body.error.code).toBe('role_builtin')

    // A held role cannot be deleted until nobody holds it.
    const holder = await call('/v1/admin/users', {
      method: 'POST',
      body: {
        kind: 'employee',
        displayName: 'D',
        email: 'd@example.com',
        roleIds: [id],
        sendInvitation: false,
      },
    })
    expect((await call(`/v1/admin/roles/${id}`)).body.users).toBe(1)
    const inUse = await call(`/v1/admin/roles/${id}`, { method: 'DELETE' })
    expect(inUse.status).toBe(409)
    expect(inUse.body.error).toMatchObject({ code: 'role_in_use', users: 1 })
    await call(`/v1/admin/users/${holder.body.user.id}`, {
      method: 'PATCH',
      body: { roleIds: ['role_field_employee'] },
    })
    expect((await call(`/v1/admin/roles/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await call(`/v1/admin/roles/${id}`)).status).toBe(404)
    expect((await call(`/v1/admin/roles/${id}`, { method: 'DELETE' })).status).toBe(404)
  })
})

describe('apps', () => {
  it('registers a public app with the type defaults and validated settings', async () => {
    const created = await call('/v1/admin/apps', {
      method: 'POST',
      body: {
        id: 'engineer-android',
        name: 'Engineer app (Android)',
        type: 'engineer-mobile',
        policy: { accessTokenTtlSeconds: 600 },
        settings: {
          androidAppHash: 'FA+9qCX9VSu',
          webOtpDomain: 'app.example.com',
          smsTemplate: 'Код: {code}',
        },
      },
    })
    expect(created.status).toBe(201)
    expect(created.body.clientSecret).toBeNull()
    expect(created.body.app).toMatchObject({
      id: 'engineer-android',
      hasSecret: false,
      enabled: true,
      policy: { accessTokenTtlSeconds: 600 },
    })
    expect(created.body.app.signInMethods.length).toBeGreaterThan(0)
    const dup = await call('/v1/admin/apps', {
      method: 'POST',
      body: { id: 'engineer-android', name: 'X', type: 'web' },
    })
    expect(dup.status).toBe(409)
    expect(dup.body.error).toMatchObject({ code: 'app_id_taken', fields: [{ field: 'id' }] })
    expect(
      (await call('/v1/admin/apps/engineer-android/secret', { method: 'POST' })).body.error.code,
    ).toBe('app_not_confidential')
  })

  it('refuses unknown types and methods, bad policies, settings and redirect URIs', async () => {
    const bad = await call('/v1/admin/apps', {
      method: 'POST',
      body: {
        name: 'Bad',
        type: 'web',
        policy: { accessTokenTtlSeconds: -5, refreshTokenIdleTtlSeconds: 1.5 },
        settings: { androidAppHash: 'short', webOtpDomain: 'https://not a host' },
      },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'policy.accessTokenTtlSeconds',
      'policy.refreshTokenIdleTtlSeconds',
      'settings.androidAppHash',
      'settings.webOtpDomain',
    ])
    const plugins = await call('/v1/admin/apps', {
      method: 'POST',
      body: {
        name: 'Bad',
        type: 'smart-fridge',
        signInMethods: ['password', 'telepathy', 'sms-otp'],
      },
    })
    expect(plugins.status).toBe(400)
    expect(plugins.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'type',
      'signInMethods.1',
    ])
    const redirects = await call('/v1/admin/apps', {
      method: 'POST',
      body: { name: 'API', type: 'api-only', redirectUris: ['https://example.com/cb'] },
    })
    expect(redirects.body.error.fields).toEqual([
      { field: 'redirectUris.0', message: 'not allowed for apps of type "api-only"' },
    ])
    const notUrl = await call('/v1/admin/apps', {
      method: 'POST',
      body: { name: 'W', type: 'web', redirectUris: ['/relative', 'https://a.example/cb#x'] },
    })
    expect(notUrl.body.error.fields.map((f: { field: string }) => f.field)).toEqual([
      'redirectUris.0',
      'redirectUris.1',
    ])
    expect((await call('/v1/admin/apps')).body.items.map((a: { id: string }) => a.id)).toEqual([
      'admin-console',
    ])
  })

  it('gives confidential clients a secret once, stores only its hash, and rotates it', async () => {
    const created = await call('/v1/admin/apps', {
      method: 'POST',
      body: { name: 'ERP sync', type: 'api-only' },
    })
    expect(created.status).toBe(201)
    const { app, clientSecret } = created.body
    expect(app.hasSecret).toBe(true)
    expect(clientSecret).toMatch(/^[\w-]{43}$/)
    const stored = await fixture.propusk.services.sql.execute({
      sql: 'SELECT secret_hash FROM apps WHERE id = ?',
      args: [app.id],
    })
    expect(stored.rows[0]?.secret_hash).not.toContain(clientSecret)
    expect(JSON.stringify((await call(`/v1/admin/apps/${app.id}`)).body)).not.toContain(
      clientSecret,
    )
    const registry = fixture.propusk.services.identity.apps
    expect(await registry.verifySecret(app.id, clientSecret)).toBe(true)
    expect(await registry.verifySecret(app.id, `${clientSecret}x`)).toBe(false)
    expect(await registry.verifySecret('nope', clientSecret)).toBe(false)
    expect(await registry.verifySecret('admin-console', '')).toBe(false)

    const rotated = await call(`/v1/admin/apps/${app.id}/secret`, { method: 'POST' })
    expect(rotated.body.clientSecret).not.toBe(clientSecret)
    expect(await registry.verifySecret(app.id, clientSecret)).toBe(false)
    expect(await registry.verifySecret(app.id, rotated.body.clientSecret)).toBe(true)
  })

  it('edits and deletes apps, but not the one the admin is using', async () => {
    const { body } = await call('/v1/admin/apps', {
      method: 'POST',
      body: { name: 'Web', type: 'web', redirectUris: ['https://app.example.com/cb'] },
    })
    const id = body.app.id as string
    const edited = await call(`/v1/admin/apps/${id}`, {
      method: 'PATCH',
      body: {
        enabled: false,
        signInMethods: ['password', 'email-otp'],
        redirectUris: ['http://localhost:3000/cb'],
      },
    })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({
      enabled: false,
      signInMethods: ['password', 'email-otp'],
      redirectUris: ['http://localhost:3000/cb'],
    })
    expect(
      (await call(`/v1/admin/apps/${id}`, { method: 'PATCH', body: { type: 'api-only' } })).status,
    ).toBe(400)
    expect(
      (await call('/v1/admin/apps/admin-console', { method: 'PATCH', body: { enabled: false } }))
        .status,
    ).toBe(409)
    expect((await call('/v1/admin/apps/admin-console', { method: 'DELETE' })).status).toBe(409)
    expect((await call(`/v1/admin/apps/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await call(`/v1/admin/apps/${id}`)).status).toBe(404)
  })
})
