/**
 * What a client sees from the real Node server (`src/runtime/node/main.ts` in a child process,
 * over real sockets) at the edges of HTTP: requests Node refuses before routing, clients that
 * hang up mid-upload, and compressed answers.
 */
import { readdir, readFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminAccessToken } from '../../../test/runtime/support/admin-token.ts'
import { runSql, tempDir, type TempDir } from '../../../test/runtime/support/databases.ts'
import {
  cleanUp,
  freePort,
  startServer,
  type ServerProcess,
} from '../../../test/runtime/support/processes.ts'
import { rawGet } from '../../../test/runtime/support/raw-http.ts'
import { serverEnv } from '../../../test/runtime/support/server-env.ts'
import { repoRoot } from '../../../test/runtime/support/worker-bundle.ts'

let dir: TempDir | undefined
let server: ServerProcess | undefined
let port = 0
let adminToken = ''

beforeAll(async () => {
  dir = await tempDir('propusk-node-edges-')
  port = await freePort()
  server = await startServer({
    command: process.execPath,
    args: ['--import', 'tsx', join('src', 'runtime', 'node', 'main.ts')],
    cwd: repoRoot,
    port,
    env: serverEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir.path,
      LOG_LEVEL: 'debug',
    }),
  })
  const baseUrl = server.baseUrl
  const dbPath = join(dir.path, 'propusk.db')
  adminToken = await adminAccessToken({
    fetch: (path, init) => fetch(`${baseUrl}${path}`, init),
    sql: (statements) => runSql(dbPath, statements),
  })
}, 90_000)

afterAll(async () => {
  await cleanUp(
    async () => server?.stop(),
    async () => dir?.remove(),
  )
})

const running = () => {
  if (!server) throw new Error('the Node server did not start (see beforeAll)')
  return server
}

/** JSON log lines the server printed, parsed (other output skipped). */
function logLines(): Array<Record<string, unknown>> {
  return running()
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('requests Node refuses before routing', () => {
  it('a 60 KB URL answers 431 request_header_too_large as JSON, not a bare status line', async () => {
    const response = await fetch(`${running().baseUrl}/v1/${'a'.repeat(60_000)}`)
    expect(response.status).toBe(431)
    expect(response.headers.get('content-type')).toBe('application/json')
    const requestId = response.headers.get('x-request-id')
    expect(requestId).toMatch(/^req_/)
    expect(await response.json()).toEqual({
      error: {
        code: 'request_header_too_large',
        message: expect.stringMatching(/URL and headers/),
        requestId,
      },
    })
  })

  it('an oversized header gets the same answer', async () => {
    const response = await fetch(`${running().baseUrl}/healthz`, {
      headers: { 'X-Padding': 'b'.repeat(40_000) },
    })
    expect(response.status).toBe(431)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'request_header_too_large',
    )
  })

  it.each([
    [
      'a request without Host',
      'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n',
      400,
      'bad_request',
    ],
    [
      'an asterisk target',
      'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      400,
      'bad_request',
    ],
    [
      'an Expect it does not know',
      'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: garbage\r\nConnection: close\r\n\r\n',
      417,
      'expectation_failed',
    ],
  ])('%s answers a JSON error with a code', async (_name, bytes, status, code) => {
    const raw = await rawExchange(bytes)
    expect(raw.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
    expect(raw).toMatch(/\r\ncontent-type: application\/json/i)
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code } })
  })

  it('Expect: 100-continue still works', async () => {
    const raw = await rawExchange(
      'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n',
    )
    expect(raw).toMatch(/HTTP\/1\.1 200 OK/)
  })

  it('bytes that are not HTTP answer 400 bad_request as JSON', async () => {
    const raw = await rawExchange('NOT HTTP AT ALL\r\n\r\n')
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({
      error: { code: 'bad_request' },
    })
  })
})

describe('a client that hangs up mid-upload', () => {
  it('is logged at info as a closed request (499), never as an unhandled server error', async () => {
    const before = logLines().length
    const socket = connect(port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    socket.write(
      'POST /v1/admin/users/import HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        `Authorization: Bearer ${adminToken}\r\nContent-Type: text/csv\r\n` +
        'Content-Length: 100000\r\n\r\nkind,display_name,phone\nemployee,Ivan,',
    )
    // Let the handler start reading the body, then vanish.
    await new Promise((resolve) => setTimeout(resolve, 300))
    socket.destroy()
    await running().waitForOutput(/"path":"\/v1\/admin\/users\/import","status":499/)
    const lines = logLines().slice(before)
    expect(lines.filter((line) => line.level === 'error')).toEqual([])
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        msg: 'client closed the request before it was answered',
        path: '/v1/admin/users/import',
      }),
    )
  })
})

describe('compression and caching', () => {
  it('the console script arrives brotli- or gzip-compressed, immutable, with Vary', async () => {
    const assets = join(repoRoot, 'dist', 'console', 'admin', 'assets')
    const script = (await readdir(assets)).find((name) => name.endsWith('.js'))
    if (!script) throw new Error('no built console script (npm run build:console)')
    const original = await readFile(join(assets, script))
    const path = `/admin/assets/${script}`

    const br = await rawGet(port, path, 'gzip;q=0.8, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true)
    expect(br.body.byteLength).toBeLessThan(original.byteLength / 3)

    const gzip = await rawGet(port, path, 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).equals(original)).toBe(true)

    const plain = await rawGet(port, path, undefined)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toMatch(/accept-encoding/i)
    expect(plain.body.equals(original)).toBe(true)
  })

  it('JSON answers are compressed too; tiny ones are sent as they are', async () => {
    const doc = await rawGet(port, '/openapi.json', 'br')
    expect(doc.headers['content-encoding']).toBe('br')
    expect(doc.headers.vary).toMatch(/accept-encoding/i)
    const text = brotliDecompressSync(doc.body).toString()
    expect(JSON.parse(text)).toMatchObject({ openapi: expect.stringMatching(/^3\.1/) })

    const health = await rawGet(port, '/healthz', 'br, gzip')
    expect(health.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(health.body.toString())).toMatchObject({ status: 'ok' })
  })
})

/** Writes raw bytes to the server and returns everything it answers until it closes. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}
