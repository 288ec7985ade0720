/**
 * A fresh libSQL file per runtime test, migrated exactly as `npm run migrate` does (core and
 * plugin migrations), so a server under test that never migrates (the Worker) finds its schema.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { pluginMigrations } from '../../src/kernel/host/plugin-host.ts'
import { plugins } from '../../src/plugins.ts'
import { runMigrations } from '../../src/runtime/node/migrate-cli.ts'
import { openLibsql } from '../../src/storage/sql/libsql-node.ts'
import type { SqlStatement } from '../../src/kernel/ports/sql.ts'

export interface TempDir {
  path: string
  remove(): Promise<void>
}

export async function tempDir(prefix: string): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/** Creates and migrates `<dir>/propusk.db`; returns its path. */
export async function migratedDatabase(dir: string): Promise<string> {
  const dbPath = join(dir, 'propusk.db')
  await runMigrations({
    url: pathToFileURL(dbPath).href,
    extraMigrations: pluginMigrations(plugins),
  })
  return dbPath
}

/**
 * Runs statements in one batch on a libSQL file that a server under test also has open
 * (SQLite's file locking keeps the two consistent).
 */
export async function runSql(dbPath: string, statements: SqlStatement[]): Promise<void> {
  const sql = await openLibsql(pathToFileURL(dbPath).href)
  try {
    await sql.batch(statements)
  } finally {
    sql.close()
  }
}
