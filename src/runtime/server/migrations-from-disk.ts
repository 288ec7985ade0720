/**
 * Reads numbered `.sql` migration files from a directory (Node/Deno only). The migration runner
 * itself (`src/kernel/migrate.ts`) is runtime-neutral and takes the texts as data.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SqlDatabase } from '../../kernel/ports/sql.ts'
import {
  applyMigrations,
  MigrationError,
  type ApplyMigrationsResult,
  type Migration,
} from '../../kernel/migrate.ts'

/** `<repo>/migrations`, found relative to this file so it does not depend on the cwd. */
export const coreMigrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url))

const FILE_NAME = /^(\d+)_([a-z0-9][a-z0-9_-]*)\.sql$/

/**
 * Loads `NNNN_name.sql` files sorted by number, with ids `${idPrefix}/NNNN_name`. Other `.sql`
 * names and duplicate numbers are errors rather than silently skipped: a mistyped file name
 * would otherwise be a migration that never runs. Non-`.sql` files (READMEs) are ignored.
 */
export async function loadMigrationsFromDir(dir: string, idPrefix: string): Promise<Migration[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (err) {
    throw new MigrationError(`Cannot read migrations directory ${dir}`, undefined, { cause: err })
  }
  const files: { number: number; name: string }[] = []
  const byNumber = new Map<number, string>()
  for (const name of names) {
    if (!name.endsWith('.sql')) continue
    const match = FILE_NAME.exec(name)
    if (!match) {
      throw new MigrationError(
        `Bad migration file name ${join(dir, name)}: expected NNNN_name.sql ` +
          '(digits, underscore, lowercase letters/digits/_/-)',
      )
    }
    const number = Number(match[1])
    const clash = byNumber.get(number)
    if (clash !== undefined) {
      throw new MigrationError(
        `Duplicate migration number ${match[1]} in ${dir}: ${clash} and ${name}`,
      )
    }
    byNumber.set(number, name)
    files.push({ number, name })
  }
  files.sort((a, b) => a.number - b.number)
  return Promise.all(
    files.map(async ({ name }) => ({
      id: `${idPrefix}/${name.slice(0, -'.sql'.length)}`,
      sql: await readFile(join(dir, name), 'utf8'),
    })),
  )
}

export function loadCoreMigrations(): Promise<Migration[]> {
  return loadMigrationsFromDir(coreMigrationsDir, 'core')
}

/**
 * THE migrate step, used by both `npm start` (bootstrap's `migrate`) and `npm run migrate`
 * (`runMigrations`): the core migrations from `migrations/`, then the given plugin migrations.
 */
export async function migrateDatabase(
  sql: SqlDatabase,
  pluginMigrations: Migration[],
  log?: (message: string) => void,
): Promise<ApplyMigrationsResult> {
  const migrations = [...(await loadCoreMigrations()), ...pluginMigrations]
  return applyMigrations(sql, migrations, log ? { log } : {})
}
