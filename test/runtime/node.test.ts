/**
 * The smoke suite against `src/runtime/node/main.ts` (what `npm start` runs) in a child process:
 * a libSQL file in a temp DATA_DIR that the server migrates itself, and the Redis TCP state
 * adapter against the shared redis-server.
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
  dir = await tempDir('propusk-node-')
  const port = await freePort()
  const prefix = uniquePrefix('node')
  server = await startServer({
    command: process.execPath,
    args: ['--import', 'tsx', join('src', 'runtime', 'node', 'main.ts')],
    cwd: repoRoot,
    port,
    env: serverEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir.path,
      REDIS_URL: inject('redisUrl'),
      STATE_KEY_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    }),
  })
  // The first start prints the first-administrator link it has just stored in SQL.
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

defineSmokeSuite('Node', () => {
  if (!target) throw new Error('the Node server did not start (see beforeAll)')
  return target
})
