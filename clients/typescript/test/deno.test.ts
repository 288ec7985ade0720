/** The same client source, unbundled, on Deno (the `deno` from node_modules) against the Node server. */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { repoRoot } from '../../../test/runtime/support/worker-bundle.ts'
import { startPropusk, type RunningPropusk } from './support/server.ts'
import { password, registeredPerson } from './support/wire.ts'

const deno = fileURLToPath(new URL('../../../node_modules/.bin/deno', import.meta.url))
const script = fileURLToPath(new URL('./support/deno-run.ts', import.meta.url))

let propusk: RunningPropusk
beforeAll(async () => {
  propusk = await startPropusk()
})
afterAll(async () => {
  await propusk?.stop()
})

it('signs in, refreshes once for three callers and signs out on Deno', async () => {
  const phone = await registeredPerson(propusk)
  const args = ['run', '--allow-net=127.0.0.1', script, propusk.baseUrl, propusk.clientId]
  const stdout = await new Promise<string>((done, fail) => {
    execFile(
      deno,
      [...args, phone, password],
      { cwd: repoRoot, env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } },
      (error, out, err) => (error ? fail(new Error(`${error.message}\n${err}`)) : done(out)),
    )
  })
  const seen = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>
  expect(seen).toMatchObject({ refreshTokens: 1, after: 'not_signed_in' })
  expect(seen.meSessionId).toBe(seen.sessionId)
  expect(seen.requests).toEqual([
    'POST /v1/auth/password/sign-in',
    'GET /v1/me',
    'POST /v1/token',
    'POST /v1/token/revoke',
  ])
}, 60_000)
