import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { chooseEncoding, withCompression } from './compression.ts'

describe('chooseEncoding', () => {
  it('prefers br, honours q-values, refusals and *', () => {
    expect(chooseEncoding(null)).toBeNull()
    expect(chooseEncoding('gzip, deflate, br')).toBe('br')
    expect(chooseEncoding('gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip')
    expect(chooseEncoding('br;q=0.5, gzip;q=1.0')).toBe('gzip')
    expect(chooseEncoding('identity')).toBeNull()
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('*;q=0')).toBeNull()
    expect(chooseEncoding('deflate')).toBeNull()
  })
})

const big = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: 'x' })) })

function serve(response: () => Response) {
  const fetch = withCompression((_request: Request) => response())
  return {
    get: (acceptEncoding: string, path = '/v1/x', method = 'GET') =>
      fetch(
        new Request(`http://localhost${path}`, {
          method,
          headers: { 'Accept-Encoding': acceptEncoding },
        }),
      ),
  }
}

const json = (body: string, headers: Record<string, string> = {}) =>
  new Response(body, { headers: { 'Content-Type': 'application/json', ...headers } })

describe('withCompression', () => {
  it('compresses JSON by the accepted encoding and adds Vary to what is there', async () => {
    const app = serve(() => json(big, { Vary: 'Origin', ETag: '"v1"' }))
    const br = await app.get('br')
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toBe('Origin, Accept-Encoding')
    expect(br.headers.get('etag')).toBe('W/"v1"')
    const bytes = Buffer.from(await br.arrayBuffer())
    expect(brotliDecompressSync(bytes).toString()).toBe(big)
    expect(bytes.byteLength).toBeLessThan(big.length / 4)

    const gzip = await app.get('gzip')
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(big)

    const plain = await app.get('')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Origin, Accept-Encoding')
    expect(await plain.text()).toBe(big)
  })

  it('leaves tiny bodies, images, encoded bodies, no-transform and HEAD alone', async () => {
    const cases: Array<[string, () => Response, string?]> = [
      ['tiny', () => json('{"ok":true}')],
      ['png', () => new Response(big, { headers: { 'Content-Type': 'image/png' } })],
      ['encoded', () => json(big, { 'Content-Encoding': 'gzip' })],
      ['no-transform', () => json(big, { 'Cache-Control': 'no-transform' })],
      [
        'event stream',
        () => new Response(big, { headers: { 'Content-Type': 'text/event-stream' } }),
      ],
      ['head', () => json(big), 'HEAD'],
    ]
    for (const [name, response, method] of cases) {
      const answer = await serve(response).get('br, gzip', '/v1/x', method)
      expect(answer.headers.get('content-encoding'), name).toBe(name === 'encoded' ? 'gzip' : null)
      expect(answer.headers.get('vary'), name).toBeNull()
    }
  })

  it('compresses immutable assets (best quality, kept) and error answers with their status', async () => {
    const app = serve(
      () =>
        new Response(big, {
          headers: {
            'Content-Type': 'text/javascript; charset=utf-8',
            'Cache-Control': 'public, max-age=31536000, immutable',
          },
        }),
    )
    for (let i = 0; i < 2; i++) {
      const asset = await app.get('br', '/admin/assets/index-abc123.js')
      expect(asset.headers.get('cache-control')).toContain('immutable')
      expect(brotliDecompressSync(Buffer.from(await asset.arrayBuffer())).toString()).toBe(big)
    }

    const missing = serve(
      () => new Response(big, { status: 404, headers: { 'Content-Type': 'application/json' } }),
    )
    const answer = await missing.get('gzip')
    expect(answer.status).toBe(404)
    expect(answer.headers.get('content-encoding')).toBe('gzip')
  })
})
