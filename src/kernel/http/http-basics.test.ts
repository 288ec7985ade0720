import { afterEach, describe, expect, it } from 'vitest'
import { adminToken } from '../../../test/support/admin.ts'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { createRedisStateStore } from '../../storage/state/redis-tcp.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

async function start(
  env: Record<string, string> = {},
  extra: Parameters<typeof createTestPropusk>[0] = {},
) {
  running = await createTestPropusk({ env, ...extra })
  return running
}

describe('HTTP basics', () => {
  it('gives every response a request id and logs it', async () => {
    const { app, logs } = await start()
    const fresh = await app.request('/healthz')
    expect(fresh.headers.get('x-request-id')).toMatch(/^req_/)
    const kept = await app.request('/healthz', { headers: { 'X-Request-Id': 'trace-1234abcd' } })
    expect(kept.headers.get('x-request-id')).toBe('trace-1234abcd')
    const hostile = await app.request('/healthz', { headers: { 'X-Request-Id': 'a b<script>' } })
    expect(hostile.headers.get('x-request-id')).toMatch(/^req_/)
    const line = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.requestId === 'trace-1234abcd')
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/healthz',
      status: 200,
    })
  })

  it('answers unknown routes, bad JSON and invalid fields with stable JSON errors', async () => {
    const { app } = await start()
    const missing = await app.request('/v1/nothing-here')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('not_found')
    const post = (body: string) =>
      app.request('/v1/auth/setup-link/verify', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json' },
      })
    const malformed = await post('{"token":')
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).error.code).toBe('bad_request')
    const invalid = await post('{"token": 5}')
    expect(invalid.status).toBe(400)
    const body = await invalid.json()
    expect(body.error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'token' }] })
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/)
  })

  it('refuses bodies over 1 MiB with 413', async () => {
    const { app } = await start()
    const response = await app.request('/v1/auth/setup-link/verify', {
      method: 'POST',
      body: JSON.stringify({ token: 'x'.repeat(1024 * 1024 + 10) }),
      headers: { 'Content-Type': 'application/json' },
    })
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload_too_large')
  })

  it('turns unexpected exceptions into internal_error without a stack trace', async () => {
    const { app, logs } = await start()
    app.get('/boom', () => {
      throw new Error('secret internals at /src/x.ts:1')
    })
    const response = await app.request('/boom')
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text).error.code).toBe('internal_error')
    expect(text).not.toContain('secret internals')
    expect(logs.some((l) => l.includes('"level":"error"') && l.includes('secret internals'))).toBe(
      true,
    )
  })

  it('sets security headers and no-store on API answers', async () => {
    const { app } = await start()
    const response = await app.request('/healthz')
    expect(response.headers.get('strict-transport-security')).toContain('max-age=')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('allows CORS only for the configured origins; others get no CORS headers at all', async () => {
    const { app } = await start({
      CORS_ORIGINS: 'https://app.example.com, https://admin.example.com',
    })
    const allowed = await app.request('/healthz', {
      headers: { Origin: 'https://admin.example.com' },
    })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com')
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    const corsHeaders = (response: Response) =>
      [...response.headers.keys()].filter((name) => name.startsWith('access-control-'))
    const denied = await app.request('/healthz', {
      headers: { Origin: 'https://evil.example.com' },
    })
    expect(denied.status).toBe(200)
    expect(corsHeaders(denied)).toEqual([])
    expect(denied.headers.get('vary')).toContain('Origin')
    expect(corsHeaders(await app.request('/healthz'))).toEqual([])

    const preflight = (origin: string) =>
      app.request('/v1/auth/setup-link/verify', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      })
    const ok = await preflight('https://app.example.com')
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST')
    const refused = await preflight('https://evil.example.com')
    expect(refused.status).not.toBe(204)
    expect(corsHeaders(refused)).toEqual([])
  })

  it('answers 405 with Allow for a known path and a wrong method, 404 for unknown paths', async () => {
    const { app } = await start()
    const wrong = await app.request('/v1/auth/setup-link/verify', { method: 'GET' })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('POST')
    expect((await wrong.json()).error).toMatchObject({ code: 'method_not_allowed' })
    const health = await app.request('/healthz', { method: 'DELETE' })
    expect(health.status).toBe(405)
    expect(health.headers.get('allow')).toBe('GET, HEAD')
    expect((await app.request('/v1/nothing-here', { method: 'DELETE' })).status).toBe(404)
  })

  it('names a repeated query parameter instead of "received NaN"', async () => {
    const { app } = await start({
      PLUGIN_SETTINGS: '{"console-delivery":{"printToTerminal":false}}',
    })
    // The outbox takes an admin token; the query is checked after it.
    const headers = { Authorization: `Bearer ${await adminToken(running as TestPropusk)}` }
    const outbox = (query: string) =>
      app.request(`/v1/providers/console-delivery/outbox?${query}`, { headers })
    const response = await outbox('limit=-1&limit=2')
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error).toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'limit', message: 'must be given once: the query string repeats it' }],
    })
    expect(JSON.stringify(body)).not.toMatch(/NaN/)
    expect((await outbox('limit=0')).status).toBe(400)
    expect((await outbox('limit=2')).status).toBe(200)
  })

  it('reports health, and 503 naming the failing dependency', async () => {
    const healthy = await start()
    expect(await (await healthy.app.request('/healthz')).json()).toEqual({
      status: 'ok',
      checks: { sql: 'ok', state: 'ok' },
    })
    await healthy.close()
    running = undefined

    // A real Redis client pointed at a port where nothing listens.
    const deadRedis = createRedisStateStore({
      url: 'redis://127.0.0.1:1',
      prefix: 'dead:',
      onError: () => {},
    })
    const broken = await start({}, { state: deadRedis })
    const response = await broken.app.request('/healthz')
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({
      status: 'unavailable',
      checks: { sql: 'ok', state: 'fail' },
      error: { code: 'dependency_unavailable', message: 'Unavailable: state.' },
    })
    broken.services.sql.close()
    const both = await broken.app.request('/healthz')
    expect((await both.json()).checks).toEqual({ sql: 'fail', state: 'fail' })
  }, 20_000)

  it('publishes an OpenAPI 3.1 document built from the validating schemas, and a docs page', async () => {
    const { app } = await start()
    const doc = await (await app.request('/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/healthz',
        '/v1/plugins',
        '/v1/auth/setup-link/verify',
        '/v1/providers/console-delivery/outbox',
      ]),
    )
    const verify = doc.paths['/v1/auth/setup-link/verify'].post
    expect(verify.requestBody.content['application/json'].schema.properties.token).toMatchObject({
      type: 'string',
      minLength: 20,
    })
    const codes = (doc['x-error-codes'] as Array<{ code: string }>).map((e) => e.code)
    expect(codes).toEqual(
      expect.arrayContaining(['validation_failed', 'setup_link_invalid', 'outbox_disabled']),
    )
    const docs = await app.request('/docs')
    expect(docs.headers.get('content-type')).toContain('text/html')
    const html = await docs.text()
    expect(html).toContain('openapi.json')
    // The page's inline script runs by a per-response nonce, never by 'unsafe-inline'.
    const csp = docs.headers.get('content-security-policy') ?? ''
    expect(csp).not.toContain('unsafe-inline')
    const nonce = /script-src 'nonce-([\w-]+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(html).toContain(`<script nonce="${nonce}">`)
    const again = (await app.request('/docs')).headers.get('content-security-policy')
    expect(again).not.toBe(csp)
  })
})
