/**
 * The smoke suite against `deno task start` (src/runtime/deno/main.ts on Deno.serve), with the
 * Deno from npm (`node_modules/.bin/deno`). Deno runs the same npm packages as Node from
 * node_modules: the native libSQL driver on a file the server migrates itself, and the Redis TCP
 * state adapter (ioredis over node:net) against the shared redis-server.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, inject } from 'vitest'
import { defineSmokeSuite, type SmokeTarget } from './smoke-suite.ts'
import { runSql, tempDir, type TempDir } from './support/databases.ts'
import { cleanUp, freePort, startServer, type ServerProcess } from './support/processes.ts'
import { serverEnv } from './support/server-env.ts'
import { redisKeys, uniquePrefix } from './support/state-keys.ts'
import { repoRoot } from './support/worker-bundle.ts'

let dir: TempDir | undefined
let server: ServerProcess | undefined
let target: SmokeTarget | undefined

beforeAll(async () => {
  dir = await tempDir('propusk-deno-')
  const port = await freePort()
  const prefix = uniquePrefix('deno')
  server = await startServer({
    command: join(repoRoot, 'node_modules', '.bin', 'deno'),
    args: ['task', 'start'],
    cwd: repoRoot,
    port,
    env: serverEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir.path,
      REDIS_URL: inject('redisUrl'),
      STATE_KEY_PREFIX: prefix,
      LOG_LEVEL: 'warn',
      DENO_NO_UPDATE_CHECK: '1',
    }),
  })
  const [, token] = await server.waitForOutput(/\/setup\?token=([\w-]+)/)
  const baseUrl = server.baseUrl
  const dataDir = dir.path
  target = {
    fetch: (path, init) => fetch(`${baseUrl}${path}`, init),
    setupToken: token as string,
    stateKeys: () => redisKeys(inject('redisUrl'), prefix),
    // The server created and migrated this file itself (DATA_DIR).
    sql: (statements) => runSql(join(dataDir, 'propusk.db'), statements),
  }
})

afterAll(async () => {
  await cleanUp(
    async () => server?.stop(),
    async () => dir?.remove(),
  )
})

defineSmokeSuite('Deno', () => {
  if (!target) throw new Error('the Deno server did not start (see beforeAll)')
  return target
})
