import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { afterEach, describe, expect, it } from 'vitest'
import { createLibsqlDatabase } from './libsql.ts'
import { openLibsqlFile, type LibsqlFileDatabase } from './libsql-file-node.ts'
import { openLibsql } from './libsql-node.ts'
import { StatementCache, statementKind } from './statement-cache.ts'
import { DependencyError, type SqlDatabase } from '../../kernel/ports/sql.ts'
import { tempDir } from '../../../testing/contracts/sql-database.ts'

const base = tempDir()
let n = 0
const opened: SqlDatabase[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

function open(statementCacheSize?: number, path = join(base, `cache-${++n}.db`)) {
  const db = openLibsqlFile(path, {
    busyTimeoutMs: 5000,
    ...(statementCacheSize === undefined ? {} : { statementCacheSize }),
  })
  opened.push(db)
  return { db, path }
}

const SELECT_ALL = 'SELECT * FROM t ORDER BY a'

async function withTable(db: SqlDatabase): Promise<void> {
  await db.execute('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL UNIQUE)')
}

describe('libSQL file adapter: kept statements', () => {
  it('opens file: URLs on disk through this adapter', async () => {
    const db = await openLibsql(`file:${join(base, 'via-url.db')}`)
    opened.push(db)
    expect('statementStats' in db).toBe(true)
  })

  it('compiles a statement once and reuses it', async () => {
    const { db } = open()
    await withTable(db)
    // A first write compiles the group commit's own statements (BEGIN, SAVEPOINT, RELEASE, COMMIT).
    await db.execute('DELETE FROM t')
    const before = db.statementStats().compiled
    for (const b of ['x', 'y', 'z']) {
      await db.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: [b] })
    }
    expect(db.statementStats().compiled - before).toBe(1)
  })

  it('a kept statement sees rows written after it was compiled, here and by another connection', async () => {
    const { db, path } = open()
    await withTable(db)
    const read = () => db.execute(SELECT_ALL).then((r) => r.rows.map((row) => row.b))
    expect(await read()).toEqual([])
    await db.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: ['mine'] })
    expect(await read()).toEqual(['mine'])
    const other = open(undefined, path).db
    await other.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: ['theirs'] })
    await other.batch([{ sql: 'UPDATE t SET b = ? WHERE b = ?', args: ['mine!', 'mine'] }])
    expect(await read()).toEqual(['mine!', 'theirs'])
  })

  it('sees a new column added on this connection, and drops what it kept', async () => {
    const { db } = open()
    await withTable(db)
    await db.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: ['x'] })
    expect((await db.execute(SELECT_ALL)).rows).toEqual([{ a: 1, b: 'x' }])
    expect(db.statementStats().cached).toBeGreaterThan(0)
    await db.execute("ALTER TABLE t ADD COLUMN c TEXT DEFAULT 'new'")
    expect(db.statementStats().cached).toBe(0)
    expect((await db.execute(SELECT_ALL)).rows).toEqual([{ a: 1, b: 'x', c: 'new' }])
  })

  it('sees columns added, renamed and dropped by another connection (migrations run elsewhere)', async () => {
    const { db, path } = open()
    await withTable(db)
    await db.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: ['x'] })
    expect((await db.execute(SELECT_ALL)).rows).toEqual([{ a: 1, b: 'x' }])
    const other = open(undefined, path).db
    await other.batch([
      { sql: 'ALTER TABLE t ADD COLUMN c INTEGER' },
      { sql: 'UPDATE t SET c = 7' },
    ])
    expect((await db.execute(SELECT_ALL)).rows).toEqual([{ a: 1, b: 'x', c: 7 }])
    await other.execute('ALTER TABLE t RENAME COLUMN c TO d')
    expect((await db.execute(SELECT_ALL)).rows).toEqual([{ a: 1, b: 'x', d: 7 }])
    await other.execute('ALTER TABLE t DROP COLUMN d')
    expect((await db.execute(SELECT_ALL)).rows).toEqual([{ a: 1, b: 'x' }])
  })

  it('drops kept statements after DDL in a batch, a script, ATTACH and PRAGMA', async () => {
    const { db } = open()
    await withTable(db)
    const compiled = () => db.statementStats().compiled
    const changes: (() => Promise<unknown>)[] = [
      () => db.batch([{ sql: 'CREATE TABLE u (x)' }]),
      () => db.executeScript('CREATE TABLE v (x); INSERT INTO v VALUES (1);'),
      () => db.execute(`ATTACH DATABASE '${join(base, `attached-${n}.db`)}' AS other`),
      () => db.execute('DETACH DATABASE other'),
      () => db.execute('pragma foreign_keys = ON'),
      () => db.execute('/* a comment */ DROP TABLE u'),
    ]
    for (const change of changes) {
      await db.execute(SELECT_ALL)
      let before = compiled()
      await db.execute(SELECT_ALL)
      expect(compiled()).toBe(before) // kept
      await change()
      before = compiled()
      await db.execute(SELECT_ALL)
      expect(compiled(), String(change)).toBe(before + 1) // dropped by the change
    }
  })

  it('keeps at most its limit, least recently used dropped first', async () => {
    const { db } = open(3)
    await withTable(db)
    const select = (i: number) => db.execute(`SELECT ${i} AS n FROM t`)
    for (let i = 0; i < 10; i++) await select(i)
    expect(db.statementStats().cached).toBe(3) // 7, 8, 9
    const compiled = () => db.statementStats().compiled
    let before = compiled()
    await select(7) // kept: now the most recent
    expect(compiled()).toBe(before)
    await select(0) // dropped long ago: compiled again, pushing out 8
    expect(compiled()).toBe(before + 1)
    before = compiled()
    await select(9)
    await select(7)
    expect(compiled()).toBe(before)
    await select(8)
    expect(compiled()).toBe(before + 1)
    expect(db.statementStats().cached).toBe(3)
  })

  it('with a limit of 0 keeps nothing and still works', async () => {
    const { db } = open(0)
    await withTable(db)
    await db.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: ['x'] })
    expect((await db.execute(SELECT_ALL)).rows).toEqual([{ a: 1, b: 'x' }])
    expect(db.statementStats().cached).toBe(0)
  })

  it('leaves no transaction open after an execute, as the client does', async () => {
    const { db, path } = open()
    await withTable(db)
    await db.execute('BEGIN')
    await db.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: ['x'] })
    const other = open(undefined, path).db
    // Had the BEGIN stayed open, this write lock would wait for it, and the row be invisible.
    await other.execute({ sql: 'INSERT INTO t (b) VALUES (?)', args: ['y'] })
    expect((await other.execute('SELECT count(*) AS n FROM t')).rows[0]!.n).toBe(2)
  })

  it('reuses statements of a rolled-back batch afterwards', async () => {
    const { db } = open()
    await withTable(db)
    const insert = { sql: 'INSERT INTO t (b) VALUES (?)', args: ['x'] }
    await expect(db.batch([insert, insert])).rejects.toMatchObject({ constraint: 'unique' })
    expect(await db.batch([insert, { sql: SELECT_ALL }])).toMatchObject([
      { rowsAffected: 1 },
      { rows: [{ a: 1, b: 'x' }] },
    ])
  })

  it('refuses calls after close with DependencyError("sql"), as the client does', async () => {
    const { db } = open()
    db.close()
    await expect(db.execute('SELECT 1')).rejects.toBeInstanceOf(DependencyError)
    await expect(db.batch([{ sql: 'SELECT 1' }])).rejects.toBeInstanceOf(DependencyError)
  })
})

describe('libSQL file adapter: errors as @libsql/client reports them', () => {
  const failing: (string | { sql: string; args: (string | number)[] })[] = [
    "INSERT INTO t (b) VALUES ('taken')",
    'INSERT INTO t (b) VALUES (NULL)',
    "INSERT INTO c VALUES (5, 'x')",
    "INSERT INTO c VALUES (9, 'x')",
    'SELECT * FROM no_such_table',
    'SELEC 1',
    'SELECT nope FROM t',
    { sql: 'INSERT INTO t (b) VALUES (?)', args: [Number.NaN] },
  ]
  const schema = `
    CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL UNIQUE);
    CREATE TABLE c (id INTEGER CHECK (id < 9) REFERENCES t(a), v TEXT);
    INSERT INTO t (b) VALUES ('taken');
    INSERT INTO c VALUES (1, 'first');
  `
  const shape = (err: unknown) => {
    const e = err as Error & Record<string, unknown>
    const cause = e.cause as Record<string, unknown> | undefined
    return {
      class: e.constructor.name,
      message: e.message,
      constraint: e.constraint,
      columns: e.columns,
      code: e.code ?? cause?.code,
      extendedCode: e.extendedCode ?? cause?.extendedCode,
      statementIndex: e.statementIndex ?? cause?.statementIndex,
    }
  }

  it('maps each failure to the same error, in execute and in a batch', async () => {
    const { db, path } = open()
    const client = createLibsqlDatabase(createClient({ url: `file:${path}`, intMode: 'bigint' }))
    opened.push(client)
    await client.executeScript('PRAGMA foreign_keys = ON')
    await db.executeScript(schema)
    for (const statement of failing) {
      const ours = await db.execute(statement).catch((e: unknown) => e)
      const theirs = await client.execute(statement).catch((e: unknown) => e)
      expect(shape(ours), JSON.stringify(statement)).toEqual(shape(theirs))
      expect(ours, JSON.stringify(statement)).toBeInstanceOf(Error)
      const batch = (d: SqlDatabase) =>
        d.batch([{ sql: 'UPDATE t SET b = b' }, toStatement(statement)]).catch((e: unknown) => e)
      expect(shape(await batch(db)), `batch ${JSON.stringify(statement)}`).toEqual(
        shape(await batch(client)),
      )
    }
  })
})

function toStatement(s: string | { sql: string; args: (string | number)[] }) {
  return typeof s === 'string' ? { sql: s } : s
}

describe('statementKind', () => {
  it('keeps queries, data changes and transaction statements; nothing else', () => {
    for (const sql of [
      'SELECT 1',
      '  select 1',
      'WITH x AS (SELECT 1) SELECT * FROM x',
      'INSERT INTO t VALUES (1)',
      'update t set a = 1',
      'DELETE FROM t',
      'REPLACE INTO t VALUES (1)',
      'BEGIN IMMEDIATE',
      'COMMIT',
      'ROLLBACK',
      '-- why\nSELECT 1',
      '/* a */ /* b */ SELECT 1',
    ]) {
      expect(statementKind(sql), sql).toBe('reuse')
    }
    for (const sql of [
      'CREATE TABLE t (a)',
      'ALTER TABLE t ADD COLUMN b',
      'DROP INDEX i',
      "ATTACH DATABASE 'x' AS y",
      'DETACH y',
      'PRAGMA foreign_keys = OFF',
      'VACUUM',
      'ANALYZE',
      'REINDEX',
      '',
      '-- only a comment',
      '/* unterminated SELECT',
    ]) {
      expect(statementKind(sql), sql).toBe('schema')
    }
  })
})

describe('StatementCache', () => {
  it('refuses a limit that is not a whole number', () => {
    expect(() => new StatementCache(-1)).toThrow(RangeError)
    expect(() => new StatementCache(1.5)).toThrow(RangeError)
  })
})
