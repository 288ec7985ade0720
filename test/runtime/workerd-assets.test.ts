/**
 * The admin console as Cloudflare serves it: the deployable Worker bundle in workerd (Miniflare)
 * WITH Workers static assets configured as wrangler.toml's [assets] says (directory, binding,
 * run_worker_first). Hashed files come straight from the asset server with the `_headers` cache
 * rules; /admin and deep links run the Worker, which answers with index.html and its CSP.
 * The Worker boots against the same stores as workerd.test.ts: libSQL over the Hrana bridge, state
 * over the Upstash bridge.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { consoleContentSecurityPolicy } from '../../src/api/console/index.ts'
import { generateSigningKeysJson } from '../../src/runtime/server/signing-keys.ts'
import { startHranaBridge, type HranaBridge } from '../support/hrana-bridge.ts'
import { migratedDatabase, tempDir, type TempDir } from './support/databases.ts'
import { cleanUp } from './support/processes.ts'
import { uniquePrefix } from './support/state-keys.ts'
import { bundleWorker, repoRoot } from './support/worker-bundle.ts'

/** wrangler.toml's [assets] table, read from the file so this test follows it. */
async function assetsConfig() {
  const toml = await readFile(join(repoRoot, 'wrangler.toml'), 'utf8')
  const table = /^\[assets\]\s*$([\s\S]*?)(?=^\[)/m.exec(toml)?.[1] ?? ''
  const value = (key: string) => new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(table)?.[1]
  const list = /^run_worker_first\s*=\s*\[([^\]]*)\]/m.exec(table)?.[1] ?? ''
  const runWorkerFirst = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string)
  const directory = value('directory')
  const binding = value('binding')
  if (!directory || !binding || runWorkerFirst.length === 0) {
    throw new Error('wrangler.toml has no [assets] directory, binding and run_worker_first')
  }
  return { directory: join(repoRoot, directory), binding, runWorkerFirst }
}

let dir: TempDir | undefined
let hrana: HranaBridge | undefined
let miniflare: Miniflare | undefined
let base: URL | undefined

beforeAll(async () => {
  const assets = await assetsConfig()
  if (!existsSync(join(assets.directory, 'admin/index.html'))) {
    throw new Error(`${assets.directory} is not built: run \`npm run build:console\``)
  }
  dir = await tempDir('propusk-workerd-assets-')
  const bundle = await bundleWorker({ outDir: `${dir.path}/worker` })
  const dbPath = await migratedDatabase(dir.path)
  const sqlToken = `hrana-${crypto.randomUUID()}`
  hrana = await startHranaBridge({ dbPath, token: sqlToken })
  miniflare = new Miniflare({
    modules: true,
    scriptPath: bundle.scriptPath,
    modulesRoot: bundle.dir,
    compatibilityDate: bundle.compatibilityDate,
    compatibilityFlags: bundle.compatibilityFlags,
    // What wrangler makes of `run_worker_first = [...]`: positive patterns run the Worker
    // first, `!` patterns go to the asset server first.
    assets: {
      directory: assets.directory,
      binding: assets.binding,
      routerConfig: {
        has_user_worker: true,
        invoke_user_worker_ahead_of_assets: false,
        static_routing: {
          user_worker: assets.runWorkerFirst.filter((rule) => !rule.startsWith('!')),
          asset_worker: assets.runWorkerFirst
            .filter((rule) => rule.startsWith('!'))
            .map((rule) => rule.slice(1)),
        },
      },
      assetConfig: { has_static_routing: true },
    },
    bindings: {
      PROPUSK_MODE: 'development',
      PUBLIC_URL: 'http://localhost:8787',
      LOG_LEVEL: 'warn',
      TURSO_DATABASE_URL: hrana.url,
      TURSO_AUTH_TOKEN: sqlToken,
      UPSTASH_REDIS_REST_URL: inject('upstashUrl'),
      UPSTASH_REDIS_REST_TOKEN: inject('upstashToken'),
      STATE_KEY_PREFIX: uniquePrefix('workerd-assets'),
      SIGNING_KEYS: await generateSigningKeysJson('workerd-assets-test'),
    },
  })
  base = await miniflare.ready
})

afterAll(async () => {
  await cleanUp(
    async () => miniflare?.dispose(),
    async () => hrana?.close(),
    async () => dir?.remove(),
  )
})

const get = (path: string) => {
  if (!base) throw new Error('the Worker did not start in Miniflare (see beforeAll)')
  return fetch(new URL(path, base), { redirect: 'manual' })
}

/** The hashed script index.html loads, e.g. /admin/assets/index-3fa1b2c4.js. */
async function scriptOf(html: string): Promise<string> {
  const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(html)?.[1]
  if (!script) throw new Error(`index.html names no /admin/assets/*.js script:\n${html}`)
  return script
}

describe('the console on Workers static assets', () => {
  it('redirects / to /admin/', async () => {
    const response = await get('/')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toMatch(/\/admin\/$/)
  })

  it('serves index.html at /admin/ from the Worker, with the CSP and no caching', async () => {
    for (const path of ['/admin/', '/admin']) {
      const response = await get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(response.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy)
      expect(response.headers.get('cache-control')).toBe('no-store')
      // The Worker ran: its request id is on every answer it gives.
      expect(response.headers.get('x-request-id')).toMatch(/^req_/)
      expect(await response.text()).toContain('<div id="app">')
    }
  })

  it('answers a deep link with index.html, so a reload of /admin/people/<id> works', async () => {
    const response = await get('/admin/people/usr_anything')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(consoleContentSecurityPolicy)
    expect(await response.text()).toContain('<div id="app">')
  })

  it('serves hashed assets from the edge with a year of immutable caching', async () => {
    const script = await scriptOf(await (await get('/admin/')).text())
    const response = await get(script)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/javascript/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    // Straight from the asset server, not through the Worker.
    expect(response.headers.get('x-request-id')).toBeNull()
    const onDisk = await readFile(join((await assetsConfig()).directory, script))
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(onDisk))
  })

  it('answers 404 for a missing asset instead of the HTML shell', async () => {
    const response = await get('/admin/assets/missing-abcdef12.js')
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('<div id="app">')
  })

  it('still runs the API through the Worker', async () => {
    const response = await get('/healthz')
    expect(response.status).toBe(200)
  })
})
