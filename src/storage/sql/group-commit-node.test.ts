import { join } from 'node:path'
import Database from 'libsql'
import { LibsqlError } from '@libsql/client'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibsqlFile, type LibsqlFileDatabase } from './libsql-file-node.ts'
import { route } from './group-commit-node.ts'
import { SqlConstraintError, type SqlStatement } from '../../kernel/ports/sql.ts'
import { tempDir } from '../../../testing/contracts/sql-database.ts'

const base = tempDir()
let n = 0
const opened: { close(): void }[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

function open(path = join(base, `group-${++n}.db`)): { db: LibsqlFileDatabase; path: string } {
  const db = openLibsqlFile(path, { busyTimeoutMs: 5000 })
  opened.push(db)
  return { db, path }
}

/** A plain driver connection: what another process sees of the file. */
function outsider(path: string): (sql: string) => unknown[] {
  const db = new Database(path)
  opened.push(db)
  return (sql) => db.prepare(sql).all()
}

const insert = (b: string): SqlStatement => ({ sql: 'INSERT INTO t (b) VALUES (?)', args: [b] })
const names = async (db: LibsqlFileDatabase) =>
  (await db.execute('SELECT b FROM t ORDER BY b')).rows.map((r) => r.b)

async function withTable(): Promise<{ db: LibsqlFileDatabase; path: string }> {
  const opened = open()
  await opened.db.execute('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL UNIQUE)')
  return opened
}

describe('group commit', () => {
  it('commits batches started in the same tick in one transaction, each with its results', async () => {
    const { db, path } = await withTable()
    const before = db.statementStats()
    const batches = ['a', 'b', 'c', 'd', 'e'].map((b) =>
      db.batch([insert(b), { sql: 'SELECT b FROM t WHERE a = last_insert_rowid()' }]),
    )
    const results = await Promise.all(batches)
    const after = db.statementStats()
    expect(after.commits - before.commits).toBe(1)
    expect(after.groups - before.groups).toBe(1)
    expect(after.members - before.members).toBe(5)
    expect(results.map(([, select]) => select!.rows[0]!.b)).toEqual(['a', 'b', 'c', 'd', 'e'])
    db.close()
    expect(await names(open(path).db)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('rejects a failing batch with its own error, undoes only its rows, commits the others', async () => {
    const { db, path } = await withTable()
    await db.execute(insert('taken'))
    const ok1 = db.batch([insert('x')])
    const failing = db.batch([insert('mine'), insert('taken')]).catch((e: unknown) => e)
    const ok2 = db.batch([insert('y')])
    const err = await failing
    expect(err).toBeInstanceOf(SqlConstraintError)
    expect(err).toMatchObject({ constraint: 'unique', columns: ['t.b'] })
    expect((err as Error).cause).toMatchObject({ statementIndex: 1 })
    await Promise.all([ok1, ok2])
    expect(await names(db)).toEqual(['taken', 'x', 'y'])
    db.close()
    expect(await names(open(path).db)).toEqual(['taken', 'x', 'y'])
  })

  it('reads alone see only committed rows; writes alone join the group', async () => {
    const { db } = await withTable()
    const before = db.statementStats()
    const batch = db.batch([insert('grouped')])
    const write = db.execute(insert('alone'))
    const write2 = db.execute({
      sql: 'WITH v(b) AS (VALUES (?)) INSERT INTO t (b) SELECT b FROM v',
      args: ['with'],
    })
    expect(await names(db)).toEqual([]) // read now: the group is still open
    expect(db.statementStats().commits).toBe(before.commits)
    await Promise.all([batch, write, write2])
    expect(db.statementStats().groups - before.groups).toBe(1)
    expect(db.statementStats().members - before.members).toBe(3)
    expect(await names(db)).toEqual(['alone', 'grouped', 'with'])
  })

  it('settles a member only after its COMMIT, which another connection can then see', async () => {
    const { db, path } = await withTable()
    const other = outsider(path)
    const commits = db.statementStats().commits
    let seenAtResolution: unknown[] | undefined
    const done = db.batch([insert('x')]).then(() => {
      expect(db.statementStats().commits).toBe(commits + 1)
      seenAtResolution = other('SELECT b FROM t')
    })
    expect(other('SELECT b FROM t')).toEqual([]) // written, not yet committed
    await done
    expect(seenAtResolution).toEqual([{ b: 'x' }])
  })

  it('commits the open group before DDL, PRAGMA or a BEGIN, and on close', async () => {
    const { db, path } = await withTable()
    const other = outsider(path)
    const statements = [
      'CREATE TABLE u (x)',
      'PRAGMA foreign_keys = ON',
      'BEGIN',
      "ATTACH DATABASE ':memory:' AS m",
    ]
    for (const [i, sql] of statements.entries()) {
      const pending = db.batch([insert(`row${i}`)])
      const ran = db.execute(sql)
      // Flushed synchronously, before the statement ran: another connection sees the row.
      expect(other('SELECT count(*) AS n FROM t')).toEqual([{ n: i + 1 }])
      await Promise.all([pending, ran])
    }
    // Attached on the main connection only: reads alone follow it there.
    await db.execute('CREATE TABLE m.note (v)')
    await db.execute("INSERT INTO m.note VALUES ('in memory')")
    expect((await db.execute('SELECT v FROM m.note')).rows).toEqual([{ v: 'in memory' }])
    const last = db.batch([insert('at close')])
    db.close()
    await expect(last).resolves.toHaveLength(1)
    expect(await names(open(path).db)).toContain('at close')
  })

  it('rejects every member when the COMMIT fails (a deferred foreign key)', async () => {
    const { db } = open()
    await db.executeScript(`
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (id INTEGER PRIMARY KEY,
        parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
    `)
    const innocent = db.batch([{ sql: 'INSERT INTO parent (id) VALUES (1)' }])
    const culprit = db.execute('INSERT INTO child (parent) VALUES (99)')
    for (const member of [innocent, culprit]) {
      await expect(member).rejects.toMatchObject({ constraint: 'foreign_key' })
    }
    const count = 'SELECT (SELECT count(*) FROM parent) + (SELECT count(*) FROM child) AS n'
    expect((await db.execute(count)).rows).toEqual([{ n: 0 }])
    // The transaction was rolled back: the next write opens a new group and commits.
    await db.batch([{ sql: 'INSERT INTO parent (id) VALUES (2)' }])
    expect((await db.execute(count)).rows).toEqual([{ n: 1 }])
  })

  it('rejects the other members when a statement rolls the whole transaction back', async () => {
    const { db } = await withTable()
    await db.execute(insert('taken'))
    const innocent = db.batch([insert('lost')]).catch((e: unknown) => e)
    const culprit = db
      .execute({ sql: 'INSERT OR ROLLBACK INTO t (b) VALUES (?)', args: ['taken'] })
      .catch((e: unknown) => e)
    const later = db.batch([insert('later')]) // same tick: a new group
    expect(await culprit).toMatchObject({ constraint: 'unique' })
    const err = await innocent
    expect(err).toBeInstanceOf(LibsqlError)
    expect(err).toMatchObject({ code: 'TRANSACTION_CLOSED' })
    expect(err).not.toBeInstanceOf(SqlConstraintError)
    await later
    expect(await names(db)).toEqual(['later', 'taken'])
  })
})

describe('route', () => {
  it('tells reads, writes and statements that run alone apart', () => {
    const cases: [string, string][] = [
      ['SELECT 1', 'read'],
      ['  values (1)', 'read'],
      ['/* c */ -- d\nselect 1', 'read'],
      ['WITH x AS (SELECT 1) SELECT * FROM x', 'read'],
      ['WITH x AS (SELECT 1) DELETE FROM t WHERE a IN x', 'write'],
      ['INSERT INTO t VALUES (1)', 'write'],
      ['update t set a = 1', 'write'],
      ['DELETE FROM t', 'write'],
      ['REPLACE INTO t VALUES (1)', 'write'],
      ['BEGIN', 'alone'],
      ['SAVEPOINT x', 'alone'],
      ['CREATE TABLE t (a)', 'alone'],
      ['PRAGMA user_version', 'alone'],
      ['SELEC 1', 'alone'],
      ['/* unterminated SELECT', 'alone'],
    ]
    for (const [sql, expected] of cases) expect(route(sql), sql).toBe(expected)
  })
})
