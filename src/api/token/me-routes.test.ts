import { afterEach, describe, expect, it } from 'vitest'
import type { TestPropusk } from '../../../test/support/propusk.ts'
import { requireAuth } from '../auth.ts'
import {
  auditRows,
  insertUser,
  refresh,
  signIn,
  startPropusk,
  withToken,
} from '../../../testing/fixtures/tokens.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(env: Record<string, string> = {}) {
  running = await startPropusk({ env })
  return running
}

describe('/v1/me and the auth middleware', () => {
  it('returns the user, roles and app; lists and ends own sessions; logout', async () => {
    const propusk = await start()
    const user = await insertUser(propusk, { roles: ['role_customer'], kind: 'customer' })
    const other = await insertUser(propusk, { roles: ['role_customer'] })
    const a = await signIn(propusk, user, 'web-app')
    const b = await signIn(propusk, user, 'customer-app')
    const foreign = await signIn(propusk, other, 'web-app')

    const me = await (await withToken(propusk, '/v1/me', a.accessToken)).json()
    expect(me).toMatchObject({
      user: { id: user.id, kind: 'customer', status: 'active' },
      roles: [{ id: 'role_customer', name: 'Customer' }],
      app: { id: 'web-app', type: 'web' },
      sessionId: a.sessionId,
    })
    const list = await (await withToken(propusk, '/v1/me/sessions', a.accessToken)).json()
    expect(
      list.sessions.map((s: { id: string; current: boolean }) => [s.id, s.current]).sort(),
    ).toEqual(
      [
        [a.sessionId, true],
        [b.sessionId, false],
      ].sort(),
    )
    const del = (id: string) =>
      withToken(propusk, `/v1/me/sessions/${id}`, a.accessToken, { method: 'DELETE' })
    expect((await del(foreign.sessionId)).status).toBe(404)
    expect((await del(b.sessionId)).status).toBe(204)
    expect((await withToken(propusk, '/v1/me', b.accessToken)).status).toBe(401)
    expect((await del(b.sessionId)).status).toBe(404)

    expect((await withToken(propusk, '/v1/logout', a.accessToken, { method: 'POST' })).status).toBe(
      204,
    )
    const after = await withToken(propusk, '/v1/me', a.accessToken)
    expect(after.status).toBe(401)
    expect(after.headers.get('www-authenticate')).toContain('Bearer')
    expect((await refresh(propusk, a.refreshToken, 'web-app')).status).toBe(400)
    expect(await auditRows(propusk, 'sign_out')).toHaveLength(1)
  })

  it('checks app type and permission, naming the missing permission', async () => {
    const propusk = await start()
    propusk.app.get(
      '/test/users',
      requireAuth({ appTypes: ['admin-console'], permission: 'users:read' }),
      (c) => c.json(c.get('principal')),
    )
    const admin = await insertUser(propusk, { roles: ['role_administrator'] })
    const customer = await insertUser(propusk, { roles: ['role_customer', 'role_administrator'] })
    const adminTokens = await signIn(propusk, admin, 'admin-console')
    const ok = await withToken(propusk, '/test/users', adminTokens.accessToken)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({
      userId: admin.id,
      appId: 'admin-console',
      appType: 'admin-console',
      roleIds: ['role_administrator'],
      permissions: expect.arrayContaining(['users:read', 'audit:read']),
    })
    // A web-app token of the same kind of admin is not an admin-console token.
    const webTokens = await signIn(propusk, customer, 'web-app')
    const wrongApp = await withToken(propusk, '/test/users', webTokens.accessToken)
    expect([wrongApp.status, (await wrongApp.json()).error.code]).toEqual([403, 'forbidden'])
    // Permissions are read per request: taking the role away bites at once.
    await propusk.services.sql.execute({
      sql: "UPDATE roles SET permissions = '[]' WHERE id = 'role_administrator'",
    })
    const denied = await withToken(propusk, '/test/users', adminTokens.accessToken)
    const body = await denied.json()
    expect([denied.status, body.error.code, body.error.permission]).toEqual([
      403,
      'forbidden',
      'users:read',
    ])
    expect(body.error.message).toContain('users:read')
    expect((await propusk.app.request('/test/users')).status).toBe(401)
    expect((await withToken(propusk, '/test/users', 'not.a.jwt')).status).toBe(401)
  })

  it('documents every token endpoint in /openapi.json', async () => {
    const propusk = await start()
    const doc = await (await propusk.app.request('/openapi.json')).json()
    for (const path of [
      '/.well-known/jwks.json',
      '/.well-known/openid-configuration',
      '/v1/token',
      '/v1/token/revoke',
      '/v1/me',
      '/v1/me/sessions',
      '/v1/me/sessions/{id}',
      '/v1/logout',
    ]) {
      expect(doc.paths[path], path).toBeDefined()
    }
    expect(
      doc.paths['/v1/token'].post.requestBody.content['application/x-www-form-urlencoded'],
    ).toBeDefined()
    expect(doc.paths['/v1/me'].get.security).toEqual([{ bearerAuth: [] }])
    const codes = doc['x-error-codes'].map((e: { code: string }) => e.code)
    expect(codes).toEqual(
      expect.arrayContaining(['invalid_grant', 'invalid_client', 'app_access_denied']),
    )
  })
})
