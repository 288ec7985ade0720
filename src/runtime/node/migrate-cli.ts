/**
 * `npm run migrate`: applies the core migrations (`migrations/`) and then every plugin's (the
 * plugin list in src/plugins.ts, the same that `npm start` applies) to TURSO_DATABASE_URL — e.g.
 * against Turso before a Workers deploy, which never migrates itself. `runMigrations` is
 * exported for tests and tools that prepare a database.
 */
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { pluginMigrations } from '../../core/index.ts'
import { plugins } from '../../plugins.ts'
import { openLibsql } from '../../storage/sql/libsql-node.ts'
import {
  applyMigrations,
  type ApplyMigrationsResult,
  type Migration,
} from '../../storage/sql/migrate.ts'
import { loadCoreMigrations } from './migrations-from-disk.ts'

export const DEFAULT_DATABASE_URL = 'file:./data/propusk.db'

export interface RunMigrationsOptions {
  url: string
  authToken?: string | undefined
  /** Applied after the core migrations, in the given order (plugin migrations). */
  extraMigrations?: Migration[]
  log?: (message: string) => void
}

export async function runMigrations(options: RunMigrationsOptions): Promise<ApplyMigrationsResult> {
  const migrations = [...(await loadCoreMigrations()), ...(options.extraMigrations ?? [])]
  // openLibsql creates the parent directory of a file: database (./data on a fresh checkout).
  const db = await openLibsql(options.url, options.authToken)
  try {
    return await applyMigrations(db, migrations, options.log ? { log: options.log } : {})
  } finally {
    db.close()
  }
}

async function main(): Promise<void> {
  // Without a URL: the same local file `npm start` uses (DATA_DIR, default ./data).
  const url =
    process.env.TURSO_DATABASE_URL ||
    (process.env.DATA_DIR
      ? pathToFileURL(resolve(process.env.DATA_DIR, 'propusk.db')).href
      : DEFAULT_DATABASE_URL)
  const authToken = process.env.TURSO_AUTH_TOKEN || undefined

  // Print the URL without its query string: it may carry ?authToken=.
  console.log(`Migrating ${url.split('?')[0]}`)
  const result = await runMigrations({ url, authToken, extraMigrations: pluginMigrations(plugins) })
  for (const id of result.applied) console.log(`  applied  ${id}`)
  console.log(
    result.applied.length === 0
      ? `Up to date (${result.skipped.length} migrations already applied).`
      : `Applied ${result.applied.length}, already applied ${result.skipped.length}.`,
  )
}

// Only run when executed directly: `npm start` imports runMigrations from this module.
const entry = process.argv[1]
if (entry !== undefined && resolve(entry) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 1
  })
}
