/**
 * The operator commands of a Workers deployment, run as a user runs them (child processes),
 * against a libSQL server over HTTP — the hrana bridge standing in for Turso:
 * `npm run migrate`, `npm run setup-link` and `npm run keys:generate`.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { importJWK } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectSetupToken } from '../../plugins/sign-in/setup-link/index.ts'
import { openLibsql } from '../../src/storage/sql/libsql-node.ts'
import { startHranaBridge, type HranaBridge } from '../support/hrana-bridge.ts'
import { tempDir, type TempDir } from './support/databases.ts'
import { cleanUp } from './support/processes.ts'
import { serverEnv } from './support/server-env.ts'
import { repoRoot } from './support/worker-bundle.ts'

let dir: TempDir | undefined
let bridge: HranaBridge | undefined
const token = `cli-${crypto.randomUUID()}`

beforeAll(async () => {
  dir = await tempDir('propusk-cli-')
  bridge = await startHranaBridge({ dbPath: join(dir.path, 'remote.db'), token })
})

afterAll(async () => {
  await cleanUp(
    async () => bridge?.close(),
    async () => dir?.remove(),
  )
})

async function run(script: string, settings: Record<string, string>) {
  const cli = join('src', 'runtime', 'node', script)
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli], {
    cwd: repoRoot,
    env: serverEnv(settings),
  })
  return `${stdout}${stderr}`
}

describe('operator commands against a remote libSQL database', () => {
  it('npm run migrate applies core and plugin migrations once, over HTTP', async () => {
    const remote = { TURSO_DATABASE_URL: bridge?.url as string, TURSO_AUTH_TOKEN: token }
    const first = await run('migrate-cli.ts', remote)
    expect(first).toMatch(/applied {2}core\/0001_core/)
    expect(first).toMatch(/applied {2}plugin:setup-link\//)
    const second = await run('migrate-cli.ts', remote)
    expect(second).toMatch(/^Up to date/m)

    await expect(run('migrate-cli.ts', { ...remote, TURSO_AUTH_TOKEN: 'wrong' })).rejects.toThrow(
      /Migration failed/,
    )
  })

  it('npm run setup-link prints a working first-administrator link under PUBLIC_URL', async () => {
    const output = await run('setup-link-cli.ts', {
      TURSO_DATABASE_URL: bridge?.url as string,
      TURSO_AUTH_TOKEN: token,
      PUBLIC_URL: 'https://id.example.com',
    })
    const link = /https:\/\/id\.example\.com\/setup\?token=([\w-]+)/.exec(output)
    expect(link, output).not.toBeNull()
    const sql = await openLibsql(pathToFileURL(join(dir?.path as string, 'remote.db')).href)
    try {
      expect(await inspectSetupToken(sql, link?.[1] as string, new Date())).toMatchObject({
        valid: true,
      })
    } finally {
      sql.close()
    }
  })

  it('npm run keys:generate prints SIGNING_KEYS with one fresh ES256 private key', async () => {
    const [a, b] = await Promise.all([run('keys-cli.ts', {}), run('keys-cli.ts', {})])
    const keys = JSON.parse(a as string) as Array<Record<string, string>>
    expect(keys).toHaveLength(1)
    const key = keys[0] as Record<string, string>
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' })
    expect(key.kid).toMatch(/^propusk-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/)
    expect(key.d).toBeTruthy()
    await expect(importJWK(key, 'ES256')).resolves.toBeDefined()
    expect(JSON.parse(b as string)[0].d).not.toBe(key.d)
  })
})
