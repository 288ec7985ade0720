/**
 * Node: after calls that timed out (frozen Redis, silent libSQL server), closing the stores
 * must let the process exit by itself, with nothing left holding the event loop open.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { startRedisServer } from './support/redis-server.ts'
import { freezer, redisPid, startSilentServer, thawAll } from './support/stall.ts'

let cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  thawAll()
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

function runChild(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'support', 'deadline-shutdown-child.ts')],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  cleanup.push(() => void child.kill('SIGKILL'))
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise<{ code: number | null; stdout: string; stderr: string; exitedAt: number }>(
    (resolve) =>
      child.once('exit', (code) => resolve({ code, stdout, stderr, exitedAt: Date.now() })),
  )
}

it('exits by itself after timed-out calls and close()', async () => {
  const redis = await startRedisServer()
  cleanup.push(() => redis.stop())
  const silent = await startSilentServer()
  cleanup.push(() => silent.close())
  freezer(await redisPid(redis.url)).freeze()

  const { code, stdout, stderr, exitedAt } = await runChild({
    REDIS_URL: redis.url,
    TURSO_DATABASE_URL: silent.url,
    STATE_TIMEOUT_MS: '300',
    SQL_TIMEOUT_MS: '300',
  })
  expect(code, stderr).toBe(0)
  const report = JSON.parse(stdout) as { results: string[]; closedAt: number }
  expect(report.results).toEqual(['DependencyError', 'DependencyError', 'DependencyError'])
  // Nothing kept the event loop alive after close (a leaked socket or timer would hold it
  // until the test timeout).
  expect(exitedAt - report.closedAt, stderr).toBeLessThan(1300)
}, 30_000)
