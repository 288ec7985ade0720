import { describe, expect, it } from 'vitest'
import { mapLibsqlError } from './libsql.ts'
import { openLibsql } from './libsql-node.ts'
import { DependencyError, SqlConstraintError } from '../../kernel/ports/sql.ts'
import {
  describeSqlDatabaseContract,
  tempDir,
  freshFileDatabases,
} from '../../../testing/contracts/sql-database.ts'

const openFreshFile = freshFileDatabases()

describeSqlDatabaseContract('@libsql/client, file:', openFreshFile)

describe('openLibsql (file:)', () => {
  it('enables foreign keys, a busy timeout and WAL', async () => {
    const { db, cleanup } = await openFreshFile()
    const pragma = async (name: string) =>
      Object.values((await db.execute(`PRAGMA ${name}`)).rows[0]!)[0]
    expect(await pragma('foreign_keys')).toBe(1)
    expect(await pragma('busy_timeout')).toBe(5000)
    expect(await pragma('journal_mode')).toBe('wal')
    await cleanup()
  })

  it('creates the parent directory of a relative file: URL', async () => {
    const cwd = process.cwd()
    process.chdir(tempDir())
    try {
      const db = await openLibsql('file:./nested/data/x.db')
      await db.execute('CREATE TABLE t (a)')
      db.close()
    } finally {
      process.chdir(cwd)
    }
  })
})

describe('mapLibsqlError', () => {
  it('maps the remote (sqld) form: base code and prefixed message only', () => {
    const remote = Object.assign(
      new Error('SQLITE_CONSTRAINT: SQLite error: UNIQUE constraint failed: users.email'),
      { code: 'SQLITE_CONSTRAINT' },
    )
    const mapped = mapLibsqlError(remote)
    expect(mapped).toBeInstanceOf(SqlConstraintError)
    expect(mapped).toMatchObject({
      constraint: 'unique',
      columns: ['users.email'],
      message: 'UNIQUE constraint failed: users.email',
      cause: remote,
    })
  })

  it('uses the extended code when the message is unusual', () => {
    const local = Object.assign(new Error('SQLITE_CONSTRAINT: something odd'), {
      code: 'SQLITE_CONSTRAINT',
      extendedCode: 'SQLITE_CONSTRAINT_FOREIGNKEY',
    })
    expect(mapLibsqlError(local)).toMatchObject({ constraint: 'foreign_key', columns: [] })
  })

  it('does not treat an expression index name as columns', () => {
    const err = Object.assign(new Error("UNIQUE constraint failed: index 'users_lower_email'"), {
      code: 'SQLITE_CONSTRAINT',
    })
    expect(mapLibsqlError(err)).toMatchObject({ constraint: 'unique', columns: [] })
  })

  it('leaves other errors alone', () => {
    const err = Object.assign(new Error('SQLITE_ERROR: near "SELEC": syntax error'), {
      code: 'SQLITE_ERROR',
    })
    expect(mapLibsqlError(err)).toBe(err)
    expect(mapLibsqlError('boom')).toBe('boom')
  })

  it('wraps connectivity failures in DependencyError("sql") and keeps the cause', () => {
    for (const code of ['SQLITE_BUSY', 'CLIENT_CLOSED', 'SERVER_ERROR', 'SQLITE_IOERR_WRITE']) {
      const err = Object.assign(new Error(`${code}: failed`), { code })
      const mapped = mapLibsqlError(err)
      expect(mapped).toBeInstanceOf(DependencyError)
      expect(mapped).toMatchObject({ dependency: 'sql', cause: err })
    }
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })
    expect(mapLibsqlError(refused)).toBeInstanceOf(DependencyError)
  })
})
