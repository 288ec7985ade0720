/**
 * Migration-runner behaviour that depends on the backend (atomic batches, racing runners), run
 * against a local file (migrate.test.ts) and through the Hrana bridge (hrana-bridge.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { applyMigrations, MigrationError, type Migration } from '../../src/kernel/migrate.ts'
import type { SqlDatabase } from '../../src/kernel/ports/sql.ts'
import { useFreshDatabase, type OpenFreshDatabase } from './sql-database.ts'

const m1: Migration = {
  id: 'core/0001_init',
  sql: `CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE hits (n INTEGER);`,
}
const m2: Migration = {
  id: 'plugin:console-delivery/0001_outbox',
  sql: `-- a data migration: applying it twice would leave two rows
        INSERT INTO hits VALUES (1);
        CREATE TABLE outbox (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT 'a;b');
        CREATE TRIGGER outbox_hit AFTER INSERT ON outbox BEGIN
          INSERT INTO hits VALUES (CASE WHEN NEW.body = 'x;y' THEN 100 ELSE 10 END);
          UPDATE hits SET n = n + 0 WHERE n = 1;
        END;`,
}
const m3: Migration = { id: 'core/0002_index', sql: 'CREATE INDEX people_name ON people (name);' }

async function tables(db: SqlDatabase): Promise<string[]> {
  const { rows } = await db.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  )
  return rows.map((r) => String(r.name))
}

async function recorded(db: SqlDatabase): Promise<string[]> {
  const { rows } = await db.execute('SELECT id FROM _propusk_migrations ORDER BY id')
  return rows.map((r) => String(r.id))
}

export function describeMigrationContract(label: string, open: OpenFreshDatabase): void {
  describe(`applyMigrations: ${label}`, () => {
    const fresh = useFreshDatabase(open)

    it('applies each migration once, in order, and skips them on the next run', async () => {
      const { db } = await fresh()
      const log: string[] = []
      const first = await applyMigrations(db, [m1, m2], { log: (line) => log.push(line) })
      expect(first).toEqual({ applied: [m1.id, m2.id], skipped: [] })
      expect(log).toEqual([`applied migration ${m1.id}`, `applied migration ${m2.id}`])
      const second = await applyMigrations(db, [m1, m2, m3])
      expect(second).toEqual({ applied: [m3.id], skipped: [m1.id, m2.id] })
      expect(await recorded(db)).toEqual([m1.id, m3.id, m2.id].sort())
      const { rows } = await db.execute({
        sql: 'SELECT checksum, applied_at FROM _propusk_migrations WHERE id = ?',
        args: [m1.id],
      })
      expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/)
      expect(Date.parse(String(rows[0]!.applied_at))).not.toBeNaN()
      // The trigger body (with its inner `;` and CASE ... END) arrived as one statement.
      await db.execute("INSERT INTO outbox (body) VALUES ('x;y')")
      const hits = await db.execute('SELECT n FROM hits ORDER BY n')
      expect(hits.rows).toEqual([{ n: 1 }, { n: 100 }])
    })

    it('refuses to run when an applied migration was edited', async () => {
      const { db } = await fresh()
      await applyMigrations(db, [m1])
      const edited = { ...m1, sql: m1.sql.replace('name TEXT', 'name TEXT, extra TEXT') }
      // m3 is listed first and is new, yet nothing is applied: validation precedes any change.
      const err: unknown = await applyMigrations(db, [m3, edited]).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(MigrationError)
      expect(err).toMatchObject({ migrationId: m1.id })
      expect((err as Error).message).toContain(m1.id)
      expect((err as Error).message).toMatch(/modified after it was applied/)
      expect(await recorded(db)).toEqual([m1.id])
      // Line endings alone are not an edit.
      const crlf = { ...m1, sql: m1.sql.replace(/\n/g, '\r\n') }
      expect(await applyMigrations(db, [crlf])).toEqual({ applied: [], skipped: [m1.id] })
    })

    it('leaves neither tables nor a record behind when a migration fails', async () => {
      const { db } = await fresh()
      const broken: Migration = {
        id: 'core/0002_broken',
        sql: `CREATE TABLE half_done (id INTEGER);
              INSERT INTO half_done VALUES (1);
              INSERT INTO missing_table VALUES (1);`,
      }
      const err: unknown = await applyMigrations(db, [m1, broken, m3]).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(MigrationError)
      expect((err as Error).message).toContain('core/0002_broken')
      expect((err as Error).message).toMatch(/missing_table/)
      expect(await tables(db)).not.toContain('half_done')
      expect(await recorded(db)).toEqual([m1.id])
      // Fixed, it applies on the next run.
      const fixed = {
        ...broken,
        sql: broken.sql.replace('INSERT INTO missing_table VALUES (1);', ''),
      }
      expect(await applyMigrations(db, [m1, fixed])).toEqual({
        applied: [fixed.id],
        skipped: [m1.id],
      })
    })

    it('rejects explicit transaction control and duplicate ids', async () => {
      const { db } = await fresh()
      const txn = { id: 'core/0001_txn', sql: 'BEGIN; CREATE TABLE t (a); COMMIT;' }
      await expect(applyMigrations(db, [txn])).rejects.toThrow(/core\/0001_txn.*BEGIN/)
      await expect(applyMigrations(db, [m1, m1])).rejects.toThrow(/appears twice/)
      expect(await tables(db)).not.toContain('t')
    })

    it('applies each migration exactly once when two runners race', async () => {
      const { db, openAnother } = await fresh()
      const other = await openAnother()
      try {
        const list = [m1, m2, m3]
        const [a, b] = await Promise.all([applyMigrations(db, list), applyMigrations(other, list)])
        expect([...a.applied, ...b.applied].sort()).toEqual(list.map((m) => m.id).sort())
        for (const result of [a, b]) {
          expect([...result.applied, ...result.skipped].sort()).toEqual(
            list.map((m) => m.id).sort(),
          )
        }
        const hits = await db.execute('SELECT count(*) AS n FROM hits')
        expect(hits.rows[0]!.n).toBe(1)
      } finally {
        other.close()
      }
    })
  })
}
