import { afterEach, describe, expect, it } from 'vitest'
import { exportJWK, generateKeyPair } from 'jose'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { createPropusk } from '../../app.ts'
import { loadSettings } from '../../kernel/config.ts'
import { securityHeaderValues } from '../../kernel/http/security.ts'
import { plugins } from '../../plugins.ts'

const opened: TestPropusk[] = []
afterEach(async () => {
  for (const propusk of opened.splice(0)) await propusk.close()
})

async function start(env: Record<string, string> = {}) {
  const propusk = await createTestPropusk({ env })
  opened.push(propusk)
  return propusk
}

async function signingKey(kid: string) {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  return { ...(await exportJWK(privateKey)), kid, alg: 'ES256' }
}

/** What every answer carries whichever way its handler built it. */
function expectMiddlewareHeaders(response: Response) {
  for (const [name, value] of securityHeaderValues) expect(response.headers.get(name)).toBe(value)
  expect(response.headers.get('content-security-policy')).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  )
  expect(response.headers.get('x-powered-by')).toBeNull()
}

describe('GET /.well-known/jwks.json and the discovery document', () => {
  it('carry the request id, the security headers and their own caching', async () => {
    const { app } = await start()
    for (const path of ['/.well-known/jwks.json', '/.well-known/openid-configuration']) {
      const fresh = await app.request(path)
      expect(fresh.status).toBe(200)
      expect(fresh.headers.get('x-request-id')).toMatch(/^req_[A-Za-z0-9_-]{16}$/)
      expect(fresh.headers.get('content-type')).toBe('application/json')
      expect(fresh.headers.get('cache-control')).toBe('public, max-age=300')
      expect(fresh.headers.get('vary')).toBeNull()
      expectMiddlewareHeaders(fresh)
      const kept = await app.request(path, { headers: { 'X-Request-Id': 'trace-1234abcd' } })
      expect(kept.headers.get('x-request-id')).toBe('trace-1234abcd')
      const hostile = await app.request(path, { headers: { 'X-Request-Id': 'a b<script>' } })
      expect(hostile.headers.get('x-request-id')).toMatch(/^req_/)
    }
  })

  it('write one access-log line per request, with its id', async () => {
    const { app, logs } = await start()
    await app.request('/.well-known/jwks.json', { headers: { 'X-Request-Id': 'trace-jwks-0001' } })
    const lines = logs
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.requestId === 'trace-jwks-0001')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/.well-known/jwks.json',
      status: 200,
    })
    expect(Object.keys(lines[0] as object)).toEqual([
      'time',
      'level',
      'msg',
      'requestId',
      'method',
      'path',
      'status',
      'durationMs',
      'ip',
    ])
  })

  it('keep the CORS behaviour: Vary for any origin, CORS headers for allowed ones only', async () => {
    const { app } = await start({ CORS_ORIGINS: 'https://app.example.com' })
    const denied = await app.request('/.well-known/jwks.json', {
      headers: { Origin: 'https://evil.example.com' },
    })
    expect(denied.headers.get('vary')).toBe('Origin')
    expect(denied.headers.get('access-control-allow-origin')).toBeNull()
    expectMiddlewareHeaders(denied)
    const allowed = await app.request('/.well-known/jwks.json', {
      headers: { Origin: 'https://app.example.com', 'X-Request-Id': 'trace-cors-0001' },
    })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com')
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    expect(allowed.headers.get('vary')).toBe('Origin')
    expect(allowed.headers.get('x-request-id')).toBe('trace-cors-0001')
    expect(allowed.headers.get('cache-control')).toBe('public, max-age=300')
    expectMiddlewareHeaders(allowed)
    expect((await allowed.json()).keys).toHaveLength(1)
  })

  it('serve the keys of their own key set: a deploy with rotated keys publishes the new set', async () => {
    const oldKey = await signingKey('k-old')
    const newKey = await signingKey('k-new')
    const before = await start({ SIGNING_KEYS: JSON.stringify([oldKey]) })
    const kids = async (propusk: Pick<TestPropusk, 'app'>) =>
      (
        (await (await propusk.app.request('/.well-known/jwks.json')).json()).keys as Array<{
          kid: string
        }>
      ).map((key) => key.kid)
    expect(await kids(before)).toEqual(['k-old'])

    const env = { TURSO_DATABASE_URL: before.dbUrl, SIGNING_KEYS: JSON.stringify([newKey, oldKey]) }
    const rotated = await createPropusk({
      settings: loadSettings(env),
      env,
      sql: before.services.sql,
      state: before.services.state,
      plugins,
      log: before.services.log,
    })
    expect(await kids(rotated)).toEqual(['k-new', 'k-old'])
    // Each app answers from its own key set, whichever was asked first.
    expect(await kids(before)).toEqual(['k-old'])
    const jwks = await (await rotated.app.request('/.well-known/jwks.json')).text()
    expect(jwks).not.toContain('"d"')
    const discovery = await (await rotated.app.request('/.well-known/openid-configuration')).json()
    expect(discovery.access_token_signing_alg_values_supported).toEqual(['ES256'])
  })
})
