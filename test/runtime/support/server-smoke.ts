/**
 * The smoke suite against a long-lived server in a child process (Node's `npm start`, Deno's
 * `deno task start`): a libSQL file in a temp DATA_DIR that the server migrates itself, and the
 * Redis TCP state adapter against the shared redis-server.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, inject } from 'vitest'
import { defineIdentityFlowSuite } from '../identity-flow-suite.ts'
import { defineSmokeSuite, type SmokeTarget } from '../smoke-suite.ts'
import { defineOidcSuite } from '../oidc-suite.ts'
import { defineTotpSuite } from '../totp-suite.ts'
import { runSql, tempDir, type TempDir } from './databases.ts'
import { cleanUp, freePort, startServer, type ServerProcess } from './processes.ts'
import { serverEnv } from './server-env.ts'
import { redisKeys, uniquePrefix } from './state-keys.ts'
import { repoRoot } from './worker-bundle.ts'

export interface ServerCommand {
  command: string
  args: string[]
  env?: Record<string, string>
}

export function defineServerSmokeSuite(runtime: string, server: ServerCommand): void {
  const id = runtime.toLowerCase()
  let dir: TempDir | undefined
  let child: ServerProcess | undefined
  let target: SmokeTarget | undefined

  beforeAll(async () => {
    dir = await tempDir(`propusk-${id}-`)
    const port = await freePort()
    const prefix = uniquePrefix(id)
    child = await startServer({
      command: server.command,
      args: server.args,
      cwd: repoRoot,
      port,
      env: serverEnv({
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dir.path,
        REDIS_URL: inject('redisUrl'),
        STATE_KEY_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        ...server.env,
      }),
    })
    // The first start prints the first-administrator link it has just stored in SQL.
    const [, token] = await child.waitForOutput(/\/setup\?token=([\w-]+)/)
    const baseUrl = child.baseUrl
    const dataDir = dir.path
    target = {
      fetch: (path, init) => fetch(`${baseUrl}${path}`, init),
      baseUrl,
      setupToken: token as string,
      stateKeys: () => redisKeys(inject('redisUrl'), prefix),
      // The server created and migrated this file itself (DATA_DIR).
      sql: (statements) => runSql(join(dataDir, 'propusk.db'), statements),
    }
  })

  afterAll(async () => {
    await cleanUp(
      async () => child?.stop(),
      async () => dir?.remove(),
    )
  })

  const getTarget = () => {
    if (!target) throw new Error(`the ${runtime} server did not start (see beforeAll)`)
    return target
  }
  defineSmokeSuite(runtime, getTarget)
  defineIdentityFlowSuite(runtime, getTarget)
  defineTotpSuite(runtime, getTarget)
  defineOidcSuite(runtime, getTarget)
}
