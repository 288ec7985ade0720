import { describe, expect, it } from 'vitest'
import { adminRequest, createAdmin, useAdminPropusk } from '../../../test/support/admin.ts'

const fixture = useAdminPropusk({ scope: 'file' })

const routes: Array<[method: string, path: string, permission: string]> = [
  ['GET', '/v1/admin/users', 'users:read'],
  ['POST', '/v1/admin/users', 'users:write'],
  ['POST', '/v1/admin/users/import', 'users:write'],
  ['GET', '/v1/admin/users/usr_x', 'users:read'],
  ['PATCH', '/v1/admin/users/usr_x', 'users:write'],
  ['DELETE', '/v1/admin/users/usr_x', 'users:write'],
  ['POST', '/v1/admin/users/usr_x/block', 'users:write'],
  ['POST', '/v1/admin/users/usr_x/unblock', 'users:write'],
  ['POST', '/v1/admin/users/usr_x/invitation', 'users:write'],
  ['DELETE', '/v1/admin/users/usr_x/invitation', 'users:write'],
  ['POST', '/v1/admin/users/usr_x/password-reset', 'users:write'],
  ['GET', '/v1/admin/users/usr_x/sessions', 'users:read'],
  ['DELETE', '/v1/admin/users/usr_x/sessions', 'users:write'],
  ['DELETE', '/v1/admin/users/usr_x/sessions/ses_x', 'users:write'],
  ['GET', '/v1/admin/roles', 'roles:read'],
  ['GET', '/v1/admin/roles/role_x', 'roles:read'],
  ['POST', '/v1/admin/roles', 'roles:write'],
  ['PATCH', '/v1/admin/roles/role_x', 'roles:write'],
  ['DELETE', '/v1/admin/roles/role_x', 'roles:write'],
  ['GET', '/v1/admin/apps', 'apps:read'],
  ['GET', '/v1/admin/apps/app_x', 'apps:read'],
  ['POST', '/v1/admin/apps', 'apps:write'],
  ['PATCH', '/v1/admin/apps/app_x', 'apps:write'],
  ['POST', '/v1/admin/apps/app_x/secret', 'apps:write'],
  ['DELETE', '/v1/admin/apps/app_x', 'apps:write'],
  ['GET', '/v1/admin/sms-forwarding', 'settings:read'],
  ['GET', '/v1/admin/sms-forwarding/fwd_x', 'settings:read'],
  ['POST', '/v1/admin/sms-forwarding', 'settings:write'],
  ['PATCH', '/v1/admin/sms-forwarding/fwd_x', 'settings:write'],
  ['DELETE', '/v1/admin/sms-forwarding/fwd_x', 'settings:write'],
  ['GET', '/v1/admin/audit', 'audit:read'],
]

const request = (method: string, path: string, token?: string) =>
  fixture.propusk.app.request(path, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(method === 'GET' || method === 'DELETE' ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
  })

describe('admin API access', () => {
  it('answers 401 without a token or with a bad one, on every route', async () => {
    for (const [method, path] of routes) {
      const none = await request(method, path)
      expect(none.status, `${method} ${path}`).toBe(401)
      expect(none.headers.get('www-authenticate')).toContain('Bearer')
      expect((await request(method, path, 'not.a.jwt')).status, `${method} ${path}`).toBe(401)
    }
  })

  it('answers 403 to a token missing the route’s permission, and passes one that has it', async () => {
    const readOnly = await createAdmin(fixture.propusk, {
      permissions: ['users:read', 'roles:read', 'apps:read', 'settings:read', 'audit:read'],
    })
    const nothing = await createAdmin(fixture.propusk, { permissions: [] })
    for (const [method, path, permission] of routes) {
      const denied = await request(method, path, nothing.token)
      expect(denied.status, `${method} ${path}`).toBe(403)
      expect((await denied.json()).error).toMatchObject({ code: 'forbidden', permission })
      const readOnlyStatus = (await request(method, path, readOnly.token)).status
      if (permission.endsWith(':read')) expect(readOnlyStatus, `${method} ${path}`).not.toBe(403)
      else expect(readOnlyStatus, `${method} ${path}`).toBe(403)
      expect(
        (await request(method, path, fixture.admin.token)).status,
        `${method} ${path}`,
      ).not.toBe(403)
    }
    // Refusals are audited with who tried.
    const { rows } = await fixture.propusk.services.sql.execute({
      sql: "SELECT action, details FROM audit_log WHERE result = 'denied' AND actor_id = ? AND action = 'user.create'",
      args: [readOnly.user.id],
    })
    expect(rows).toHaveLength(1)
    expect(JSON.parse(String(rows[0]?.details))).toMatchObject({ permission: 'users:write' })
  })

  it('answers 403 to tokens of apps other than the admin console, whatever the roles', async () => {
    const { sql, identity } = fixture.propusk.services
    const at = new Date().toISOString()
    await sql.execute({
      sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, created_at, updated_at)
            VALUES ('web-app', 'Web', 'web', 1, '["password"]', ?, ?)`,
      args: [at, at],
    })
    const webTokens = await identity.sessions.signIn({
      user: fixture.admin.user,
      app: (await identity.apps.get('web-app'))!,
      method: 'password',
      ip: null,
      userAgent: null,
    })
    const response = await request('GET', '/v1/admin/users', webTokens.accessToken)
    expect(response.status).toBe(403)
    expect((await response.json()).error.code).toBe('forbidden')
  })

  it('stops working at once when the admin is blocked or loses the permission', async () => {
    const other = await createAdmin(fixture.propusk)
    expect((await adminRequest(fixture.propusk, other.token, '/v1/admin/users')).status).toBe(200)
    await fixture.request(`/v1/admin/users/${other.user.id}`, {
      method: 'PATCH',
      body: { roleIds: ['role_customer'] },
    })
    expect((await adminRequest(fixture.propusk, other.token, '/v1/admin/users')).status).toBe(403)
    await fixture.request(`/v1/admin/users/${other.user.id}/block`, {
      method: 'POST',
    })
    expect((await adminRequest(fixture.propusk, other.token, '/v1/admin/users')).status).toBe(401)
  })
})

describe('OpenAPI', () => {
  it('documents every admin route with its request and response schemas', async () => {
    const doc = await (await fixture.propusk.app.request('/openapi.json')).json()
    for (const [method, path] of routes) {
      const templated = path
        .replace(/usr_x|role_x|app_x|fwd_x/, '{id}')
        .replace('ses_x', '{sessionId}')
      const operation = doc.paths[templated]?.[method.toLowerCase()]
      expect(operation, `${method} ${templated}`).toBeDefined()
      expect(operation.security).toEqual([{ bearerAuth: [] }])
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']))
    }
    const create = doc.paths['/v1/admin/users'].post
    expect(create.requestBody.content['application/json'].schema).toBeDefined()
    expect(Object.keys(doc.paths['/v1/admin/users/import'].post.requestBody.content)).toEqual([
      'application/json',
      'text/csv',
    ])
    const codes = doc['x-error-codes'].map((e: { code: string }) => e.code)
    expect(codes).toEqual(
      expect.arrayContaining(['phone_taken', 'email_taken', 'role_in_use', 'app_id_taken']),
    )
  })
})
