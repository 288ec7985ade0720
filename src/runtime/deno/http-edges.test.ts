/**
 * The Deno server (`deno task start`, Deno.serve) over real sockets: compressed answers, a long
 * URL that reaches the app, and a client that hangs up mid-upload (logged as the client's doing).
 */
import { readdir, readFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cleanUp,
  freePort,
  startServer,
  type ServerProcess,
} from '../../../test/runtime/support/processes.ts'
import { tempDir, type TempDir } from '../../../test/runtime/support/databases.ts'
import { rawGet } from '../../../test/runtime/support/raw-http.ts'
import { serverEnv } from '../../../test/runtime/support/server-env.ts'
import { repoRoot } from '../../../test/runtime/support/worker-bundle.ts'

let dir: TempDir | undefined
let server: ServerProcess | undefined
let port = 0

beforeAll(async () => {
  dir = await tempDir('propusk-deno-edges-')
  port = await freePort()
  server = await startServer({
    command: join(repoRoot, 'node_modules', '.bin', 'deno'),
    args: ['task', 'start'],
    cwd: repoRoot,
    port,
    env: serverEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir.path,
      LOG_LEVEL: 'debug',
      DENO_NO_UPDATE_CHECK: '1',
    }),
  })
}, 120_000)

afterAll(async () => {
  await cleanUp(
    async () => server?.stop(),
    async () => dir?.remove(),
  )
})

describe('Deno server edges', () => {
  it('the console script and JSON arrive compressed, with Vary', async () => {
    const assets = join(repoRoot, 'dist', 'console', 'admin', 'assets')
    const script = (await readdir(assets)).find((name) => name.endsWith('.js'))
    if (!script) throw new Error('no built console script (npm run build:console)')
    const original = await readFile(join(assets, script))

    const br = await rawGet(port, `/admin/assets/${script}`, 'br, gzip')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true)

    const doc = await rawGet(port, '/openapi.json', 'gzip')
    expect(doc.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(doc.body).toString())).toMatchObject({
      openapi: expect.any(String),
    })
  })

  it('a 60 KB URL reaches the app and gets its JSON 404', async () => {
    const answer = await rawGet(port, `/v1/${'a'.repeat(60_000)}`, undefined)
    expect(answer.status).toBe(404)
    expect(JSON.parse(answer.body.toString())).toMatchObject({ error: { code: 'not_found' } })
  })

  it('a client that hangs up mid-upload is logged at info, not as an unhandled error', async () => {
    const running = server as ServerProcess
    const before = running.output().length
    const socket = connect(port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    socket.write(
      'POST /v1/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n5\r\ngrant\r\n',
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    socket.destroy()
    await running.waitForOutput(/client closed the request before it was answered/)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(running.output().slice(before)).not.toMatch(/"level":"error"/)
  })
})
