/**
 * Response compression for the long-lived servers (Node, Deno), which, unlike Workers behind
 * Cloudflare, have nobody in front of them to do it. Brotli or gzip, chosen by the client's
 * `Accept-Encoding`, for text-like bodies of at least `minBytes`; with `Vary: Accept-Encoding`
 * so caches keep the variants apart. The web-standard CompressionStream has no brotli, hence
 * `node:zlib` (Deno implements it too) and why this lives in the server runtime, not the core.
 *
 * Bodies are buffered: Propusk answers JSON and static files, never streams. Immutable assets
 * (the console's content-hashed files) are compressed once at the highest level and kept.
 */
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

export type Encoding = 'br' | 'gzip'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Types worth compressing (already-compressed images, fonts and archives are not). */
const compressible =
  /^(text\/(?!event-stream)|application\/([\w.+-]+\+)?(json|javascript|xml)\b|image\/svg\+xml)/i

/**
 * The best encoding the client accepts: br over gzip, honouring `q=0` refusals and `*`.
 * null: send the body as it is.
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean)
    weights.set(name.trim(), q === undefined ? 1 : Number(q))
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0
  if (weight('br') > 0 && weight('br') >= weight('gzip')) return 'br'
  if (weight('gzip') > 0) return 'gzip'
  return null
}

function compress(body: Uint8Array, encoding: Encoding, best: boolean): Promise<Uint8Array> {
  if (encoding === 'gzip') return gzipAsync(body, { level: best ? 9 : 6 })
  return brotli(body, {
    params: {
      // Quality 4 compresses dynamic JSON about as well as gzip -9 at a fraction of its cost.
      [constants.BROTLI_PARAM_QUALITY]: best ? constants.BROTLI_MAX_QUALITY : 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  })
}

function withVary(headers: Headers): void {
  const vary = headers.get('vary')
  if (!vary) headers.set('Vary', 'Accept-Encoding')
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) {
    headers.set('Vary', `${vary}, Accept-Encoding`)
  }
}

export interface CompressionOptions {
  /** Smaller bodies are sent as they are: the encoding's framing would eat the gain. */
  minBytes?: number
  /** How many compressed immutable assets to keep. */
  cacheEntries?: number
}

/** Wraps a fetch handler (the app's) so that its answers are compressed when worth it. */
export function withCompression<Rest extends unknown[]>(
  fetch: (request: Request, ...rest: Rest) => Response | Promise<Response>,
  options: CompressionOptions = {},
): (request: Request, ...rest: Rest) => Promise<Response> {
  const minBytes = options.minBytes ?? 1024
  const cacheEntries = options.cacheEntries ?? 64
  const cache = new Map<string, Promise<Uint8Array>>()

  const compressedOnce = (key: string, body: Uint8Array, encoding: Encoding) => {
    let hit = cache.get(key)
    if (!hit) {
      if (cache.size >= cacheEntries) cache.delete(cache.keys().next().value as string)
      hit = compress(body, encoding, true)
      cache.set(key, hit)
      hit.catch(() => cache.delete(key))
    }
    return hit
  }

  return async (request, ...rest) => {
    const response = await fetch(request, ...rest)
    const type = response.headers.get('content-type') ?? ''
    if (
      !response.body ||
      request.method === 'HEAD' ||
      response.status === 206 ||
      response.headers.has('content-encoding') ||
      /\bno-transform\b/i.test(response.headers.get('cache-control') ?? '') ||
      !compressible.test(type)
    ) {
      return response
    }
    const body = new Uint8Array(await response.arrayBuffer())
    const init = { status: response.status, statusText: response.statusText }
    const headers = new Headers(response.headers)
    if (body.byteLength < minBytes) return new Response(body, { ...init, headers })
    withVary(headers)
    const encoding = chooseEncoding(request.headers.get('accept-encoding'))
    if (!encoding) return new Response(body, { ...init, headers })

    const immutable = /\bimmutable\b/i.test(headers.get('cache-control') ?? '')
    const path = new URL(request.url).pathname
    const compressed = immutable
      ? await compressedOnce(`${encoding} ${path}`, body, encoding)
      : await compress(body, encoding, false)
    if (compressed.byteLength >= body.byteLength) return new Response(body, { ...init, headers })
    headers.set('Content-Encoding', encoding)
    headers.delete('Content-Length')
    // A strong validator names exact bytes; the compressed variant is a different set.
    const etag = headers.get('etag')
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`)
    return new Response(compressed as Uint8Array<ArrayBuffer>, { ...init, headers })
  }
}
