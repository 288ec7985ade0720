import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { coreError } from '../../kernel/errors.ts'
import { respondWithError } from '../../kernel/http/error-handler.ts'
import type { AppEnv } from '../../kernel/services.ts'

/**
 * Reads one built console file by its path relative to the console's folder (e.g. `index.html`,
 * `assets/index-3fa1.js`); null when there is no such file. The runtime supplies it, so the core
 * never touches `node:fs`: Node passes `fs.readFile`, Deno `Deno.readFile`, a Worker its
 * `ASSETS` binding.
 */
export type ConsoleAssetReader = (path: string) => Promise<Uint8Array | null>

export interface ConsoleAssetsOptions {
  read: ConsoleAssetReader
  /** Where the console lives; the build's Vite `base` must match. */
  basePath?: string
  /** Redirect `GET /` to the console (a local install's front door). */
  redirectRoot?: boolean
}

const contentTypes: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  webp: 'image/webp',
  woff2: 'font/woff2',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  txt: 'text/plain; charset=utf-8',
  map: 'application/json',
}

/**
 * The console's page policy: its own scripts, styles and API only, never framed. (The same
 * policy is also in index.html as a meta tag, for hosts that serve the file directly.)
 */
export const consoleContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Vite puts content-hashed files under `assets/`: their URL changes whenever they do. */
const hashedAsset = /^assets\/[\w.-]+-[\w-]{6,}\.\w+$/

function extensionOf(path: string): string | null {
  const match = /\.([a-z0-9]+)$/i.exec(path)
  return match?.[1]?.toLowerCase() ?? null
}

/** The file path under the console folder, or null for anything that tries to leave it. */
export function consoleFilePath(requestPath: string, basePath: string): string | null {
  let rest = requestPath.slice(basePath.length).replace(/^\/+/, '')
  try {
    rest = decodeURIComponent(rest)
  } catch {
    return null
  }
  const segments = rest.split('/')
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\') || s.includes('\0'))) {
    return null
  }
  return rest
}

/** The same JSON 404 as any other unknown path, never cached (the file may appear with a deploy). */
function notFound(c: Context<AppEnv>): Response {
  c.header('Cache-Control', 'no-store')
  return respondWithError(c, coreError('not_found', `No console file at ${c.req.path}.`))
}

function respond(c: Context<AppEnv>, body: Uint8Array, path: string, cache: string): Response {
  const type = contentTypes[extensionOf(path) ?? ''] ?? 'application/octet-stream'
  return c.body(body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': type,
    'Cache-Control': cache,
    ...(type.startsWith('text/html')
      ? { 'Content-Security-Policy': consoleContentSecurityPolicy }
      : {}),
  })
}

/**
 * Serves the built admin console (dist/console/admin) at `/admin`: hashed assets with a year's
 * immutable caching, every other path under `/admin` gets `index.html` (no-store, so a deploy
 * is seen at once) and the client-side router shows the page — deep links like
 * `/admin/people/usr_1` work on reload.
 */
export function mountConsoleAssets(app: OpenAPIHono<AppEnv>, options: ConsoleAssetsOptions): void {
  const base = (options.basePath ?? '/admin').replace(/\/+$/, '')
  let indexHtml: Promise<Uint8Array | null> | undefined

  const serveIndex = async (c: Context<AppEnv>) => {
    // The shell is tiny and only changes with a deploy; a missing build is retried next time.
    indexHtml ??= options.read('index.html').then((body) => {
      if (!body) indexHtml = undefined
      return body
    })
    const body = await indexHtml
    if (!body) {
      return c.text(
        'The admin console is not built. Run `npm run build:console` and restart.',
        503,
        { 'Cache-Control': 'no-store' },
      )
    }
    return respond(c, body, 'index.html', 'no-store')
  }

  if (options.redirectRoot !== false) {
    app.get('/', (c) => c.redirect(`${base}/`, 302))
  }
  app.get(base, serveIndex)
  app.get(`${base}/*`, async (c) => {
    const path = consoleFilePath(c.req.path, base)
    if (path === null) return notFound(c)
    if (path === '' || path === 'index.html' || !extensionOf(path)) return serveIndex(c)
    const body = await options.read(path)
    // A missing script must not be answered with HTML: the browser would try to run it.
    if (!body) return notFound(c)
    const cache = hashedAsset.test(path)
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=300'
    return respond(c, body, path, cache)
  })
}

/** The part of a Workers static-assets binding (`env.ASSETS`) the reader needs. */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>
}

/**
 * A reader over the Workers static-assets binding, for `wrangler.toml`'s
 * `[assets] directory = "dist/console"` (the build puts the console in its `admin/` folder).
 * `index.html` is asked for as `/admin/`, which the default `html_handling` serves without a
 * redirect.
 */
export function assetsBindingReader(
  binding: AssetsBinding,
  basePath = '/admin',
): ConsoleAssetReader {
  return async (path) => {
    const url = new URL(
      path === 'index.html' ? `${basePath}/` : `${basePath}/${path}`,
      'https://assets.invalid',
    )
    const response = await binding.fetch(new Request(url))
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null
  }
}
