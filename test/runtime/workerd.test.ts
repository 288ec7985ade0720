/**
 * The smoke suite against the deployable Worker bundle (`wrangler deploy --dry-run`, no
 * nodejs_compat) running in workerd through Miniflare. The Worker reaches its stores over HTTP,
 * exactly as in production, with the clients it ships (`@libsql/client/http`, its Upstash REST
 * client):
 * - SQL: a test-only Hrana-over-HTTP server (test/support/hrana-bridge.ts) in front of a libSQL
 *   file, migrated beforehand from Node the way `npm run migrate` prepares Turso (a Worker never
 *   migrates);
 * - state: the Upstash REST bridge in front of the shared redis-server (global setup).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { issueSetupToken } from '../../plugins/sign-in/setup-link/index.ts'
import { generateSigningKeysJson } from '../../src/runtime/server/signing-keys.ts'
import { openLibsql } from '../../src/storage/sql/libsql-node.ts'
import { startHranaBridge, type HranaBridge } from '../support/hrana-bridge.ts'
import { defineIdentityFlowSuite } from './identity-flow-suite.ts'
import { defineSmokeSuite, type SmokeTarget } from './smoke-suite.ts'
import { defineOidcSuite } from './oidc-suite.ts'
import { defineTotpSuite } from './totp-suite.ts'
import { migratedDatabase, runSql, tempDir, type TempDir } from './support/databases.ts'
import { cleanUp } from './support/processes.ts'
import { redisKeys, uniquePrefix } from './support/state-keys.ts'
import { bundleWorker, type WorkerBundle } from './support/worker-bundle.ts'

let dir: TempDir | undefined
let hrana: HranaBridge | undefined
let miniflare: Miniflare | undefined
let target: SmokeTarget | undefined
let bundle: WorkerBundle | undefined
let workerBindings: Record<string, string> | undefined

beforeAll(async () => {
  dir = await tempDir('propusk-workerd-')
  bundle = await bundleWorker({ outDir: `${dir.path}/worker` })
  const dbPath = await migratedDatabase(dir.path)
  // The Worker does not run start hooks, so the first-administrator link is stored from here.
  const sql = await openLibsql(pathToFileURL(dbPath).href)
  let setupToken: string
  try {
    setupToken = await issueSetupToken(sql, new Date(), 24)
  } finally {
    sql.close()
  }
  const sqlToken = `hrana-${crypto.randomUUID()}`
  hrana = await startHranaBridge({ dbPath, token: sqlToken })

  const prefix = uniquePrefix('workerd')
  workerBindings = {
    // Development mode: the console-delivery outbox route is part of the suite.
    PROPUSK_MODE: 'development',
    PUBLIC_URL: 'http://localhost:8787',
    LOG_LEVEL: 'warn',
    TURSO_DATABASE_URL: hrana.url,
    TURSO_AUTH_TOKEN: sqlToken,
    UPSTASH_REDIS_REST_URL: inject('upstashUrl'),
    UPSTASH_REDIS_REST_TOKEN: inject('upstashToken'),
    STATE_KEY_PREFIX: prefix,
    SIGNING_KEYS: await generateSigningKeysJson('workerd-test'),
  }
  miniflare = new Miniflare({
    modules: true,
    scriptPath: bundle.scriptPath,
    // Module names are paths relative to this root; the bundle lives in a temp dir.
    modulesRoot: bundle.dir,
    compatibilityDate: bundle.compatibilityDate,
    compatibilityFlags: bundle.compatibilityFlags,
    // wrangler.toml's [assets]: the Worker reads its phone metadata from them.
    assets: bundle.assets,
    bindings: workerBindings,
  })
  const url = await miniflare.ready
  target = {
    fetch: (path, init) => fetch(new URL(path, url), init),
    baseUrl: url.origin,
    setupToken,
    stateKeys: () => redisKeys(inject('redisUrl'), prefix),
    // The file behind the Hrana bridge the Worker reaches its database through.
    sql: (statements) => runSql(dbPath, statements),
  }
})

afterAll(async () => {
  await cleanUp(
    async () => miniflare?.dispose(),
    async () => hrana?.close(),
    async () => dir?.remove(),
  )
})

const getTarget = () => {
  if (!target) throw new Error('the Worker did not start in Miniflare (see beforeAll)')
  return target
}
defineSmokeSuite('workerd', getTarget)
defineIdentityFlowSuite('workerd', getTarget)
defineTotpSuite('workerd', getTarget)
defineOidcSuite('workerd', getTarget)

describe('the Worker bundle', () => {
  it('is web-standard: no nodejs_compat, no Node built-ins, no TCP Redis or native libSQL', async () => {
    if (!bundle) throw new Error('no Worker bundle (see beforeAll)')
    expect(bundle.compatibilityFlags).not.toContain('nodejs_compat')
    const code = await readFile(bundle.scriptPath, 'utf8')
    expect(code).not.toMatch(/(from\s*|import\(\s*|require\(\s*)["'](node:|net["']|tls["'])/)
    expect(code).not.toMatch(/ioredis|@libsql\/linux|libsql-js/)
    // The web clients are really in it: Hrana over HTTP and the Upstash REST client.
    expect(code).toMatch(/v[23]\/pipeline/)
    expect(code).toContain('upstash-sync-token')
  })
})

describe('the Worker entry when it cannot start', () => {
  it('answers 503 misconfigured naming every bad setting, with a request id', async () => {
    if (!bundle) throw new Error('no Worker bundle (see beforeAll)')
    // Production with none of its required secrets: the wrangler.toml vars and nothing else.
    const broken = new Miniflare({
      modules: true,
      scriptPath: bundle.scriptPath,
      modulesRoot: bundle.dir,
      compatibilityDate: bundle.compatibilityDate,
      bindings: { PROPUSK_MODE: 'production', PUBLIC_URL: 'https://propusk.example.com' },
    })
    try {
      const response = await fetch(new URL('/healthz', await broken.ready))
      expect(response.status).toBe(503)
      expect(response.headers.get('x-request-id')).toMatch(/^req_/)
      const body = (await response.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('misconfigured')
      for (const name of ['TURSO_DATABASE_URL', 'STATE_STORE', 'SIGNING_KEYS']) {
        expect(body.error.message).toContain(name)
      }
    } finally {
      await broken.dispose()
    }
  })

  it('answers 503 dependency_unavailable when the phone metadata asset is missing or wrong', async () => {
    if (!bundle?.assets || !dir || !workerBindings) throw new Error('no Worker (see beforeAll)')
    const cases = {
      missing: null,
      'not JSON': '{"version":4,',
      'not metadata': '{"version":4,"countries":{}}',
    }
    for (const [name, content] of Object.entries(cases)) {
      // The console without the metadata, or with a broken copy of it.
      const assets = `${dir.path}/assets-${name.replace(' ', '-')}`
      await mkdir(`${assets}/_propusk`, { recursive: true })
      if (content !== null) await writeFile(`${assets}/_propusk/phone-metadata.json`, content)
      const broken = new Miniflare({
        modules: true,
        scriptPath: bundle.scriptPath,
        modulesRoot: bundle.dir,
        compatibilityDate: bundle.compatibilityDate,
        assets: { ...bundle.assets, directory: assets },
        bindings: workerBindings,
      })
      try {
        const base = await broken.ready
        for (const path of ['/healthz', '/v1/sign-in/start']) {
          const response = await fetch(new URL(path, base), {
            method: path === '/healthz' ? 'GET' : 'POST',
            headers: { 'Content-Type': 'application/json' },
            ...(path === '/healthz' ? {} : { body: '{"login":"+79161234567"}' }),
          })
          expect(response.status, `${name} ${path}`).toBe(503)
          const body = (await response.json()) as { error: { code: string } }
          expect(body.error.code).toBe('dependency_unavailable')
        }
      } finally {
        await broken.dispose()
      }
    }
  })
})
