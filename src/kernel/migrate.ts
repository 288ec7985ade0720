/**
 * Schema migration runner. Web-standard only (WebCrypto, no `node:` imports) so the same code can
 * migrate from Node, Deno or a Worker; reading `.sql` files from disk lives in the runtime entries.
 * The one thing it takes from the core is `core/crypto.ts`, a dependency-free leaf module.
 */
import { sha256Hex } from './crypto.ts'
import type { SqlDatabase, SqlStatement } from './ports/sql.ts'
import { splitSqlStatements, stripLeadingComments } from './sql-split.ts'

export { splitSqlStatements } from './sql-split.ts'

export interface Migration {
  /** Unique and stable, e.g. `core/0001_init` or `plugin:console-delivery/0001_outbox`. */
  id: string
  sql: string
}

export interface ApplyMigrationsOptions {
  log?: (message: string) => void
}

export interface ApplyMigrationsResult {
  applied: string[]
  skipped: string[]
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError'
  constructor(
    message: string,
    /** The migration the error is about, when there is one. */
    readonly migrationId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

const TABLE = '_propusk_migrations'

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS ${TABLE} (
  id TEXT PRIMARY KEY,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`

/**
 * Applies, in the given order, every migration not yet recorded in `_propusk_migrations`. Each one
 * runs with its record row in a single atomic batch, so a failure leaves neither its effects nor a
 * record behind and the next run retries it.
 */
export async function applyMigrations(
  db: SqlDatabase,
  migrations: Migration[],
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const log = options.log ?? (() => {})
  assertUniqueIds(migrations)
  await db.execute(CREATE_TABLE)
  const applied = await readApplied(db)
  // Validate everything before applying anything: an edited migration or a bad script must not
  // leave the database half-way through this run.
  const plan = await Promise.all(
    migrations.map(async (migration) => {
      const checksum = await migrationChecksum(migration.sql)
      const recorded = applied.get(migration.id)
      if (recorded !== undefined) assertUnchanged(migration.id, recorded, checksum)
      const statements = recorded === undefined ? migrationStatements(migration) : []
      return { migration, checksum, done: recorded !== undefined, statements }
    }),
  )
  const result: ApplyMigrationsResult = { applied: [], skipped: [] }

  for (const { migration, checksum, done, statements } of plan) {
    if (done) {
      result.skipped.push(migration.id)
      continue
    }
    // The record row is the lock: its primary key lets only one runner's batch commit, and the
    // loser's batch rolls back whole. It goes first so the loser fails (after waiting for the
    // write lock) on the key, before any of the migration's statements run.
    const record: SqlStatement = {
      sql: `INSERT INTO ${TABLE} (id, checksum, applied_at) VALUES (?, ?, ?)`,
      args: [migration.id, checksum, new Date().toISOString()],
    }
    try {
      await db.batch([record, ...statements])
    } catch (err) {
      const winner = await readOne(db, migration.id)
      if (winner === undefined) {
        throw new MigrationError(
          `Migration ${migration.id} failed and was rolled back: ${messageOf(err)}`,
          migration.id,
          { cause: err },
        )
      }
      // Someone else applied it between our read and our batch.
      assertUnchanged(migration.id, winner, checksum)
      log(`migration ${migration.id} was applied concurrently by another process`)
      result.skipped.push(migration.id)
      continue
    }
    log(`applied migration ${migration.id}`)
    result.applied.push(migration.id)
  }
  return result
}

function assertUniqueIds(migrations: Migration[]): void {
  const seen = new Set<string>()
  for (const { id } of migrations) {
    if (seen.has(id)) throw new MigrationError(`Migration id ${id} appears twice`, id)
    seen.add(id)
  }
}

function assertUnchanged(id: string, recordedChecksum: string, checksum: string): void {
  if (recordedChecksum === checksum) return
  throw new MigrationError(
    `Migration ${id} was modified after it was applied (recorded checksum ` +
      `${recordedChecksum.slice(0, 12)}…, file now ${checksum.slice(0, 12)}…). ` +
      'Applied migrations are immutable: restore the original file and add a new migration instead.',
    id,
  )
}

/** Explicit transaction control would break the runner's own transaction around the migration. */
const TRANSACTION_CONTROL = /^(BEGIN|COMMIT|END|ROLLBACK)\b/i

function migrationStatements(migration: Migration): SqlStatement[] {
  return splitSqlStatements(migration.sql).map((sql) => {
    if (TRANSACTION_CONTROL.test(stripLeadingComments(sql))) {
      throw new MigrationError(
        `Migration ${migration.id} contains "${sql.split(/\s+/, 2).join(' ')}": migrations already ` +
          'run inside a transaction, remove explicit BEGIN/COMMIT/ROLLBACK.',
        migration.id,
      )
    }
    return { sql }
  })
}

async function readApplied(db: SqlDatabase): Promise<Map<string, string>> {
  const { rows } = await db.execute(`SELECT id, checksum FROM ${TABLE}`)
  return new Map(rows.map((row) => [String(row.id), String(row.checksum)]))
}

async function readOne(db: SqlDatabase, id: string): Promise<string | undefined> {
  const { rows } = await db.execute({
    sql: `SELECT checksum FROM ${TABLE} WHERE id = ?`,
    args: [id],
  })
  const row = rows[0]
  return row === undefined ? undefined : String(row.checksum)
}

/**
 * SHA-256 of the migration text. CRLF is normalised first so a checkout with different line
 * endings (git autocrlf) is not mistaken for an edited migration.
 */
export function migrationChecksum(text: string): Promise<string> {
  return sha256Hex(text.replace(/\r\n/g, '\n'))
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
