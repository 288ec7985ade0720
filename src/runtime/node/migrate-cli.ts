/**
 * `npm run migrate`: applies the core migrations (`migrations/`) and then every plugin's (the
 * plugin list in src/plugins.ts) to TURSO_DATABASE_URL — e.g. against Turso before a Workers
 * deploy, which never migrates itself. It runs the same `migrateDatabase` that `npm start`
 * runs at every start (through the server bootstrap), so both apply exactly the same files.
 * `runMigrations` is exported for tests and tools that prepare a database.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { pluginMigrations } from '../../kernel/host/plugin-host.ts'
import { plugins } from '../../plugins.ts'
import { openLibsql } from '../../storage/sql/libsql-node.ts'
import type { ApplyMigrationsResult, Migration } from '../../kernel/migrate.ts'
import { localDatabaseUrl } from '../server/local-defaults.ts'
import { startupFailureMessage } from '../server/startup-failure.ts'
import { migrateDatabase } from '../server/migrations-from-disk.ts'

export interface RunMigrationsOptions {
  url: string
  authToken?: string | undefined
  /** Applied after the core migrations, in the given order (plugin migrations). */
  extraMigrations?: Migration[]
  log?: (message: string) => void
}

export async function runMigrations(options: RunMigrationsOptions): Promise<ApplyMigrationsResult> {
  // openLibsql creates the parent directory of a file: database (./data on a fresh checkout).
  const db = await openLibsql(options.url, options.authToken)
  try {
    return await migrateDatabase(db, options.extraMigrations ?? [], options.log)
  } finally {
    db.close()
  }
}

/** The database `npm start` would use: TURSO_DATABASE_URL, else (not in production) the local file. */
export function migrationTarget(env: Record<string, string | undefined>): string {
  if (env.TURSO_DATABASE_URL) return env.TURSO_DATABASE_URL
  if (env.PROPUSK_MODE === 'production') {
    throw new Error('TURSO_DATABASE_URL is required in production (no local database file)')
  }
  return localDatabaseUrl(env.DATA_DIR || './data')
}

async function main(): Promise<void> {
  const url = migrationTarget(process.env)
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

// Only run when executed directly: tests import runMigrations from this module.
const entry = process.argv[1]
if (entry !== undefined && resolve(entry) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    const message = startupFailureMessage(err)?.replace(/^Propusk cannot start: /, '')
    console.error(
      `Migration failed: ${message ?? (err instanceof Error ? err.message : String(err))}`,
    )
    process.exitCode = 1
  })
}
