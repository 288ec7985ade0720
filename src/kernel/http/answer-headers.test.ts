import { afterEach, describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { createTestPropusk, type TestPropusk } from '../../../test/support/propusk.ts'
import { plainAnswer } from './answer-headers.ts'
import { securityHeaderValues } from './security.ts'

let running: TestPropusk | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
})

const body = JSON.stringify({ hello: 'world' })

/** The same answer twice: built by `c.json` (headers set after it), and as a plain answer. */
async function start(env: Record<string, string> = {}) {
  running = await createTestPropusk({ env })
  const { app } = running
  app.get('/test/json', (c) => {
    c.header('Cache-Control', 'public, max-age=60')
    return c.json({ hello: 'world' })
  })
  app.get('/test/plain', (c) =>
    plainAnswer(c, body, 200, {
      'content-type': 'application/json',
      'cache-control': 'public, max-age=60',
    }),
  )
  // A route middleware that reads `c.res` before the handler: Hono then copies the handler's
  // response, and the middleware stamps that copy as it would any other response.
  app.get(
    '/test/touched',
    async (c, next) => {
      void c.res
      await next()
    },
    (c) => plainAnswer(c, body, 200, { 'content-type': 'application/json' }),
  )
  app.get('/test/thrown', () => {
    throw new Error('handler failed')
  })
  return app
}

const headersOf = (response: Response) =>
  Object.fromEntries([...response.headers].filter(([name]) => name !== 'x-request-id'))

describe('plain answers', () => {
  it('list the headers hono/secure-headers sets with the same options', async () => {
    const app = new Hono()
    app.use(
      secureHeaders({
        strictTransportSecurity: 'max-age=63072000; includeSubDomains',
        xFrameOptions: 'DENY',
        referrerPolicy: 'no-referrer',
        crossOriginResourcePolicy: 'same-site',
      }),
    )
    app.get('/', (c) => c.text('ok'))
    const response = await app.request('/')
    const expected = [...response.headers].filter(([name]) => name !== 'content-type')
    expect(Object.fromEntries(securityHeaderValues)).toEqual(Object.fromEntries(expected))
  })

  it('carry the same headers as an answer the middleware stamps after the handler', async () => {
    const envs: Record<string, string>[] = [{}, { CORS_ORIGINS: 'https://app.example.com' }]
    for (const env of envs) {
      const app = await start(env)
      for (const origin of [undefined, 'https://app.example.com', 'https://evil.example.com']) {
        const headers: Record<string, string> = origin ? { Origin: origin } : {}
        const json = await app.request('/test/json', { headers })
        const plain = await app.request('/test/plain', {
          headers: { ...headers, 'X-Request-Id': 'trace-plain-01' },
        })
        expect(headersOf(plain)).toEqual(headersOf(json))
        expect(plain.headers.get('x-request-id')).toBe('trace-plain-01')
        expect(await plain.text()).toBe(await json.text())
      }
      await running?.close()
      running = undefined
    }
  })

  it('are stamped like any other answer when a middleware replaced them', async () => {
    const app = await start({ CORS_ORIGINS: 'https://app.example.com' })
    const touched = await app.request('/test/touched', {
      headers: { Origin: 'https://evil.example.com', 'X-Request-Id': 'trace-touched-01' },
    })
    expect(touched.headers.get('x-request-id')).toBe('trace-touched-01')
    expect(touched.headers.get('vary')).toBe('Origin')
    expect(touched.headers.get('cache-control')).toBe('no-store')
    expect(touched.headers.get('x-frame-options')).toBe('DENY')
    const thrown = await app.request('/test/thrown', {
      headers: { Origin: 'https://evil.example.com' },
    })
    expect(thrown.status).toBe(500)
    expect(thrown.headers.get('x-request-id')).toMatch(/^req_/)
    expect(thrown.headers.get('vary')).toBe('Origin')
    expect(thrown.headers.get('x-frame-options')).toBe('DENY')
  })
})
