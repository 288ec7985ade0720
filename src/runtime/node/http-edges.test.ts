/**
 * What a client sees from the real Node server (`src/runtime/node/main.ts` in a child process,
 * over real sockets) at the edges of HTTP: requests Node refuses before routing, and clients
 * that hang up mid-upload.
 */
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminAccessToken } from '../../../test/runtime/support/admin-token.ts'
import { runSql, tempDir, type TempDir } from '../../../test/runtime/support/databases.ts'
import {
  cleanUp,
  freePort,
  startServer,
  type ServerProcess,
} from '../../../test/runtime/support/processes.ts'
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
