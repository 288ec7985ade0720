import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibsql } from '../../storage/sql/libsql-node.ts'
import { localDatabaseUrl } from '../server/local-defaults.ts'
import { runMigrations } from './migrate-cli.ts'

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** `npm start` without npm: only the settings a test names reach the server. */
function start(settings: Record<string, string>) {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...settings }
  return new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/runtime/node/main.ts'],
      { cwd: repoRoot, env, timeout: 30_000 },
      (error, _stdout, stderr) => done({ code: error ? (child.exitCode ?? 1) : 0, stderr }),
    )
  })
}

describe('npm start failures', () => {
  it('a data folder that cannot be created is one clear line, exit 1', async () => {
    const { code, stderr } = await start({ DATA_DIR: '/dev/null/x' })
    expect(code).toBe(1)
    expect(stderr.trim()).toBe(
      'Propusk cannot start: cannot mkdir /dev/null/x (not a directory); check DATA_DIR and its permissions',
    )
  })

  it('an edited migration is one clear line, exit 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'propusk-main-'))
    dirs.push(dataDir)
    const url = localDatabaseUrl(dataDir)
    await runMigrations({ url })
    const sql = await openLibsql(url)
    await sql.execute(
      "UPDATE _propusk_migrations SET checksum = 'edited' WHERE id = 'core/0001_core'",
    )
    sql.close()
    const { code, stderr } = await start({ DATA_DIR: dataDir, PORT: '18999' })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Propusk cannot start: Migration core\/0001_core was modified after it was applied/,
      ),
    ])
  })
})
