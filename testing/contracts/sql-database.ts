/**
 * Behaviour every `SqlDatabase` backend must share, run against a local file (libsql.test.ts)
 * and against `@libsql/client/web` through the Hrana bridge (test/support/hrana-bridge.test.ts).
 * Not a `*.test.ts` file: it only defines tests when a test file calls it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { openLibsql } from '../../src/storage/sql/libsql-node.ts'
import { SqlConstraintError, type SqlDatabase } from '../../src/kernel/ports/sql.ts'

export interface FreshDatabase {
  db: SqlDatabase
  /** A second, independent connection to the same database. */
  openAnother(): Promise<SqlDatabase>
  cleanup(): Promise<void>
}

/** Must return an empty database on every call. */
export type OpenFreshDatabase = () => Promise<FreshDatabase>

/** Opens a fresh database per test and cleans it up afterwards. */
export function useFreshDatabase(open: OpenFreshDatabase): () => Promise<FreshDatabase> {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })
  return async () => {
    const fresh = await open()
    cleanups.push(fresh.cleanup)
    return fresh
  }
}

/** A temp directory for this test file, removed after its tests. */
export function tempDir(): string {
  if (dir === undefined) {
    const created = mkdtempSync(join(tmpdir(), 'propusk-sql-'))
    dir = created
    afterAll(() => rmSync(created, { recursive: true, force: true }))
  }
  return dir
}
let dir: string | undefined

/** Fresh libSQL files in a temp directory, opened the way the Node entry opens them. */
export function freshFileDatabases(): OpenFreshDatabase {
  const base = tempDir() // now, while hooks can still be registered
  let n = 0
  return async () => {
    const url = pathToFileURL(join(base, `db-${++n}.db`)).href
    const db = await openLibsql(url)
    return { db, openAnother: () => openLibsql(url), cleanup: async () => db.close() }
  }
}

const USERS = `CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  age INTEGER CHECK (age IS NULL OR age >= 0),
  data
)`

export function describeSqlDatabaseContract(label: string, open: OpenFreshDatabase): void {
  describe(`SqlDatabase contract: ${label}`, () => {
    const fresh = useFreshDatabase(open)
    const withUsers = async (): Promise<SqlDatabase> => {
      const { db } = await fresh()
      await db.execute(USERS)
      return db
    }
    const count = async (db: SqlDatabase): Promise<unknown> =>
      (await db.execute('SELECT count(*) AS n FROM users')).rows[0]?.n

    it('executes with positional and named args and returns plain rows', async () => {
      const db = await withUsers()
      const ins = await db.execute({
        sql: 'INSERT INTO users (email, age) VALUES (?, ?)',
        args: ['a@example.com', 30],
      })
      expect(ins.rowsAffected).toBe(1)
      expect(ins.lastInsertRowid).toBe(1n)
      await db.execute({
        sql: 'INSERT INTO users (email, age) VALUES (:email, :age)',
        args: { email: 'b@example.com', age: null },
      })
      const { rows } = await db.execute('SELECT id, email, age FROM users ORDER BY id')
      expect(rows).toEqual([
        { id: 1, email: 'a@example.com', age: 30 },
        { id: 2, email: 'b@example.com', age: null },
      ])
      expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype)
      expect(Object.keys(rows[0]!)).toEqual(['id', 'email', 'age'])
    })

    it('round-trips bigint, blob, null, float, boolean and whole numbers as INTEGER', async () => {
      const db = await withUsers()
      const big = 2n ** 62n + 7n
      const blob = new Uint8Array([0, 1, 127, 128, 255])
      const values = [big, blob, null, 1.5, true, Number.MAX_SAFE_INTEGER, -5]
      const { rows } = await db.execute({
        sql: 'SELECT ? AS big, ? AS blob, ? AS nul, ? AS flt, ? AS bool, ? AS safe, ? AS neg, typeof(?) AS t',
        args: [...values, 5],
      })
      expect(rows[0]).toEqual({
        big,
        blob,
        nul: null,
        flt: 1.5,
        bool: 1,
        safe: Number.MAX_SAFE_INTEGER,
        neg: -5,
        t: 'integer',
      })
      expect(rows[0]!.blob).toBeInstanceOf(Uint8Array)
      // Stored, not just echoed: an untyped column keeps what was bound.
      await db.execute({ sql: 'INSERT INTO users (email, data) VALUES (?, ?)', args: ['x', big] })
      await db.execute({ sql: 'INSERT INTO users (email, data) VALUES (?, ?)', args: ['y', blob] })
      const stored = await db.execute('SELECT data, typeof(data) AS t FROM users ORDER BY id')
      expect(stored.rows).toEqual([
        { data: big, t: 'integer' },
        { data: blob, t: 'blob' },
      ])
    })

    it('runs a batch in one transaction and returns one result per statement', async () => {
      const db = await withUsers()
      const results = await db.batch([
        { sql: 'INSERT INTO users (email) VALUES (?)', args: ['a@example.com'] },
        { sql: 'INSERT INTO users (email) VALUES (?)', args: ['b@example.com'] },
        { sql: 'SELECT email FROM users ORDER BY id' },
      ])
      expect(results.map((r) => r.rowsAffected)).toEqual([1, 1, expect.any(Number)])
      expect(results[1]!.lastInsertRowid).toBe(2n)
      expect(results[2]!.rows).toEqual([{ email: 'a@example.com' }, { email: 'b@example.com' }])
      expect(await db.batch([])).toEqual([])
    })

    it('rolls the whole batch back when its third statement violates UNIQUE', async () => {
      const db = await withUsers()
      await db.execute({ sql: 'INSERT INTO users (email) VALUES (?)', args: ['taken@example.com'] })
      const failing = db.batch([
        { sql: 'INSERT INTO users (email) VALUES (?)', args: ['one@example.com'] },
        { sql: 'UPDATE users SET age = 99' },
        { sql: 'INSERT INTO users (email) VALUES (?)', args: ['taken@example.com'] },
      ])
      await expect(failing).rejects.toMatchObject({
        name: 'SqlConstraintError',
        constraint: 'unique',
        columns: ['users.email'],
      })
      expect(await count(db)).toBe(1)
      const { rows } = await db.execute('SELECT age FROM users')
      expect(rows).toEqual([{ age: null }])
      // The database is still usable afterwards (no transaction left open).
      await db.execute({ sql: 'INSERT INTO users (email) VALUES (?)', args: ['after@example.com'] })
      expect(await count(db)).toBe(2)
    })

    it('maps constraint failures to SqlConstraintError with kind and columns', async () => {
      const db = await withUsers()
      await db.executeScript(`
        CREATE TABLE memberships (
          user_id INTEGER NOT NULL REFERENCES users(id),
          org TEXT NOT NULL,
          UNIQUE (user_id, org)
        );
        CREATE TABLE codes (code TEXT PRIMARY KEY);
        INSERT INTO users (email) VALUES ('a@example.com');
        INSERT INTO memberships VALUES (1, 'acme');
        INSERT INTO codes VALUES ('abc');
      `)
      const cases: [string, SqlConstraintError['constraint'], string[]][] = [
        ["INSERT INTO users (email) VALUES ('a@example.com')", 'unique', ['users.email']],
        [
          "INSERT INTO memberships VALUES (1, 'acme')",
          'unique',
          ['memberships.user_id', 'memberships.org'],
        ],
        ["INSERT INTO codes VALUES ('abc')", 'unique', ['codes.code']],
        ['INSERT INTO users (email) VALUES (NULL)', 'not_null', ['users.email']],
        ["INSERT INTO users (email, age) VALUES ('c@example.com', -1)", 'check', []],
        ["INSERT INTO memberships VALUES (42, 'acme')", 'foreign_key', []],
      ]
      for (const [sql, constraint, columns] of cases) {
        const err: unknown = await db.execute(sql).catch((e: unknown) => e)
        expect(err, sql).toBeInstanceOf(SqlConstraintError)
        expect(err, sql).toMatchObject({ constraint, columns })
        expect((err as Error).message, sql).toMatch(/constraint failed/)
        const inBatch: unknown = await db.batch([{ sql }]).catch((e: unknown) => e)
        expect(inBatch, `batch: ${sql}`).toMatchObject({ constraint, columns })
      }
    })

    it('passes other errors through unchanged', async () => {
      const db = await withUsers()
      const err: unknown = await db.execute('SELECT * FROM no_such_table').catch((e: unknown) => e)
      expect(err).toBeInstanceOf(Error)
      expect(err).not.toBeInstanceOf(SqlConstraintError)
      expect((err as Error).message).toMatch(/no such table/)
    })

    it('runs scripts with executeScript', async () => {
      const { db } = await fresh()
      await db.executeScript(`
        CREATE TABLE notes (body TEXT); -- a comment; with a semicolon
        INSERT INTO notes VALUES ('semi;colon');
        INSERT INTO notes VALUES ('it''s');
      `)
      const { rows } = await db.execute('SELECT body FROM notes ORDER BY rowid')
      expect(rows).toEqual([{ body: 'semi;colon' }, { body: "it's" }])
    })

    it('sees writes from another connection to the same database', async () => {
      const { db, openAnother } = await fresh()
      const other = await openAnother()
      try {
        await db.execute(USERS)
        await other.execute({ sql: 'INSERT INTO users (email) VALUES (?)', args: ['o@x'] })
        expect(await count(db)).toBe(1)
      } finally {
        other.close()
      }
    })
  })
}
