/**
 * The system under soak: the real Node server (`src/runtime/node/main.ts`, or with `bundle` the
 * prebuilt file `npm start` runs, with its flags) with the Redis TCP
 * adapter against the suite's own redis-server, on a migrated libSQL database (a local file, or
 * a remote URL served by the bridge), with the code-sending limits raised so that steady load
 * is not refused by design.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { startServer, type ServerProcess } from '../../runtime/support/processes.ts'
import { serverEnv } from '../../runtime/support/server-env.ts'
import { repoRoot } from '../../runtime/support/worker-bundle.ts'
import type { Client } from './client.ts'

export const raisedLimits = {
  'console-delivery': { printToTerminal: false },
  'sms-otp': {
    resendAfterSeconds: 1,
    sendsPerLoginPerHour: 1000,
    sendsPerLoginPerDay: 10000,
    sendsPerIpPerHour: 100000,
    verifiesPerIpPer10Minutes: 100000,
    sendsPerPrefixPerHour: 1000000,
    sendsPerCountryPerHour: 10000000,
  },
}

export async function startNodeServer(options: {
  port: number
  dataDir: string
  redisUrl: string
  env?: Record<string, string>
  /** Run what `npm start` runs (the prebuilt bundle, its V8 and malloc settings), built if stale. */
  bundle?: boolean
}): Promise<ServerProcess> {
  if (options.bundle) {
    execFileSync(process.execPath, [join('src', 'runtime', 'node', 'build.mjs'), '--if-stale'], {
      cwd: repoRoot,
      stdio: 'ignore',
    })
  }
  return startServer({
    command: process.execPath,
    args: options.bundle
      ? ['--max-semi-space-size=4', join('dist', 'node', 'runtime', 'main.mjs')]
      : ['--import', 'tsx', join('src', 'runtime', 'node', 'main.ts')],
    cwd: repoRoot,
    port: options.port,
    env: serverEnv({
      PORT: String(options.port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      REDIS_URL: options.redisUrl,
      LOG_LEVEL: 'warn',
      PLUGIN_SETTINGS: JSON.stringify(raisedLimits),
      // As package.json's `start`: smaller malloc arenas keep idle memory down.
      ...(options.bundle ? { MALLOC_MMAP_THRESHOLD_: '65536' } : {}),
      ...options.env,
    }),
  })
}

/** An admin-console access token for the admin reads. */
export async function adminToken(
  client: Client,
  admin: { login: string; password: string },
): Promise<string> {
  const reply = await client.call('POST', '/v1/auth/password/sign-in', {
    body: { login: admin.login, password: admin.password, clientId: 'admin-console' },
  })
  if (reply.status !== 200)
    throw new Error(`admin sign-in: ${reply.status} ${JSON.stringify(reply.body)}`)
  return String(reply.body.access_token)
}

/**
 * Admin-console access tokens live minutes, less than a soak: signs the admin in again every
 * minute. A sign-in refused during a fault keeps the previous token.
 */
export function keepAdminSignedIn(
  state: { adminToken: string; client: Client },
  admin: { login: string; password: string },
): () => void {
  const timer = setInterval(() => {
    adminToken(state.client, admin).then(
      (token) => (state.adminToken = token),
      () => {},
    )
  }, 60_000)
  return () => clearInterval(timer)
}

/** The first few "unhandled error" lines the server logged (with their stacks), for the report. */
export function unhandledErrors(server: ServerProcess, max = 3): string[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.includes('unhandled error'))
    .slice(0, max)
    .map((line) => line.slice(0, 1500))
}
