import { describe, expect, it } from 'vitest'
import type { ClientAppTypePlugin } from '../../kernel/plugin.ts'
import { plugins } from '../../plugins.ts'
import { startPropusk } from '../../../testing/fixtures/tokens.ts'

const types = new Map(
  plugins
    .filter((p): p is ClientAppTypePlugin => p.kind === 'client-app-type')
    .map((p) => [p.id, p]),
)
const type = (id: string) => {
  const found = types.get(id)
  if (!found) throw new Error(`no app type ${id}`)
  return found
}
const allowed = (id: string, uri: string, mode: 'development' | 'production' = 'production') =>
  type(id).isRedirectUriAllowed?.(new URL(uri), { mode }) ?? false
const day = 86_400

describe('client app type plugins (R7)', () => {
  // Only the shipped types are pinned: registering another one must not break this test.
  it('registers the shipped types with their client kinds', () => {
    expect([...types.keys()]).toEqual(
      expect.arrayContaining([
        'admin-console',
        'api-only',
        'customer-mobile',
        'engineer-mobile',
        'equipment-passport',
        'web',
      ]),
    )
    expect(type('api-only').clientKind).toBe('confidential')
    for (const id of [
      'web',
      'admin-console',
      'customer-mobile',
      'engineer-mobile',
      'equipment-passport',
    ]) {
      expect(type(id).clientKind, id).toBe('public')
    }
  })

  it('gives mobile apps months-long sessions (R12) and the admin console short ones', () => {
    for (const id of ['customer-mobile', 'engineer-mobile']) {
      expect(type(id).sessionPolicy.refreshTokenAbsoluteTtlSeconds).toBeGreaterThanOrEqual(
        180 * day,
      )
      expect(type(id).sessionPolicy.refreshTokenIdleTtlSeconds).toBeGreaterThanOrEqual(90 * day)
      expect(type(id).defaultSignInMethods).toEqual(
        expect.arrayContaining(['sms-otp', 'flash-call', 'password']),
      )
    }
    expect(type('admin-console').sessionPolicy).toEqual({
      accessTokenTtlSeconds: 300,
      refreshTokenIdleTtlSeconds: 1800,
      refreshTokenAbsoluteTtlSeconds: 12 * 3600,
    })
    for (const plugin of types.values()) {
      const p = plugin.sessionPolicy
      expect(p.accessTokenTtlSeconds, plugin.id).toBeLessThan(p.refreshTokenIdleTtlSeconds)
      expect(p.refreshTokenIdleTtlSeconds, plugin.id).toBeLessThanOrEqual(
        p.refreshTokenAbsoluteTtlSeconds,
      )
    }
  })

  it('applies redirect-URI rules per type', () => {
    for (const id of ['web', 'admin-console', 'equipment-passport']) {
      expect(allowed(id, 'https://app.example.com/callback'), id).toBe(true)
      expect(allowed(id, 'http://app.example.com/callback'), id).toBe(false)
      expect(allowed(id, 'http://localhost:5173/callback'), id).toBe(false)
      expect(allowed(id, 'http://localhost:5173/callback', 'development'), id).toBe(true)
      expect(allowed(id, 'https://app.example.com/cb#frag'), id).toBe(false)
      expect(allowed(id, 'https://user:pw@app.example.com/cb'), id).toBe(false)
      expect(allowed(id, 'com.example.app:/callback'), id).toBe(false)
    }
    for (const id of ['customer-mobile', 'engineer-mobile']) {
      expect(allowed(id, 'com.example.fieldapp:/oauth'), id).toBe(true)
      expect(allowed(id, 'https://links.example.com/oauth'), id).toBe(true)
      expect(allowed(id, 'http://127.0.0.1:41234/cb'), id).toBe(true)
      expect(allowed(id, 'myapp:/callback'), id).toBe(false)
      expect(allowed(id, 'javascript:alert(1)'), id).toBe(false)
      expect(allowed(id, 'http://example.com/cb'), id).toBe(false)
    }
    expect(allowed('api-only', 'https://app.example.com/callback', 'development')).toBe(false)
  })

  it('lists the types on /v1/plugins', async () => {
    const propusk = await startPropusk()
    try {
      const body = await (await propusk.app.request('/v1/plugins')).json()
      const ids = body.plugins
        .filter((p: { kind: string }) => p.kind === 'client-app-type')
        .map((p: { id: string }) => p.id)
      expect(ids.sort()).toEqual([...types.keys()].sort())
    } finally {
      await propusk.close()
    }
  })
})
