import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runMigrations } from '../src/runtime/node/migrate-cli.ts'
import {
  loadCoreMigrations,
  loadMigrationsFromDir,
} from '../src/runtime/server/migrations-from-disk.ts'
import { openLibsql } from '../src/storage/sql/libsql-node.ts'
import { describeMigrationContract } from '../testing/contracts/migrate.ts'
import { MigrationError, splitSqlStatements } from '../src/kernel/migrate.ts'
import { freshFileDatabases, tempDir } from '../testing/contracts/sql-database.ts'

describeMigrationContract('@libsql/client, file:', freshFileDatabases())

describe('splitSqlStatements', () => {
  const cases: [string, string, string[]][] = [
    ['plain statements', 'SELECT 1; SELECT 2;\n', ['SELECT 1', 'SELECT 2']],
    ['no trailing semicolon', 'SELECT 1;\nSELECT 2', ['SELECT 1', 'SELECT 2']],
    ['empty pieces and comment-only pieces', ';; -- only a comment;\n/* x; */ ;', []],
    [
      'semicolons in strings, escaped quotes and identifiers',
      `INSERT INTO t VALUES ('a;b', 'it''s; fine'); SELECT "we;ird", [br;acket], \`bq;\` FROM t;`,
      [`INSERT INTO t VALUES ('a;b', 'it''s; fine')`, 'SELECT "we;ird", [br;acket], `bq;` FROM t'],
    ],
    [
      'semicolons in comments',
      'SELECT 1 -- end; not really\n; /* a; b */ SELECT 2',
      ['SELECT 1 -- end; not really', '/* a; b */ SELECT 2'],
    ],
    [
      'trigger bodies, CASE ... END inside them, TEMP triggers',
      `CREATE TRIGGER a AFTER INSERT ON t BEGIN
         INSERT INTO log VALUES (CASE WHEN NEW.x = 'end;' THEN 1 ELSE 2 END);
         DELETE FROM q;
       END;
       create temp trigger b before delete on t begin select raise(abort, 'no;'); end;
       SELECT 3;`,
      [
        `CREATE TRIGGER a AFTER INSERT ON t BEGIN
         INSERT INTO log VALUES (CASE WHEN NEW.x = 'end;' THEN 1 ELSE 2 END);
         DELETE FROM q;
       END`,
        "create temp trigger b before delete on t begin select raise(abort, 'no;'); end",
        'SELECT 3',
      ],
    ],
    [
      'BEGIN outside a trigger is an ordinary statement',
      'BEGIN TRANSACTION; SELECT 1; COMMIT;',
      ['BEGIN TRANSACTION', 'SELECT 1', 'COMMIT'],
    ],
    [
      'an unterminated string runs to the end',
      "SELECT 'oops; SELECT 2",
      ["SELECT 'oops; SELECT 2"],
    ],
  ]
  it.each(cases)('%s', (_label, sql, expected) => {
    expect(splitSqlStatements(sql)).toEqual(expected)
  })
})

describe('loadMigrationsFromDir', () => {
  const root = tempDir()
  const makeDir = (name: string, files: Record<string, string>): string => {
    const path = join(root, name)
    mkdirSync(path, { recursive: true })
    for (const [file, body] of Object.entries(files)) writeFileSync(join(path, file), body)
    return path
  }

  it('loads numbered files in numeric order and ignores non-.sql files', async () => {
    const path = makeDir('ok', {
      '0010_later.sql': 'SELECT 10;',
      '0002_second.sql': 'SELECT 2;',
      '0001_first.sql': 'SELECT 1;',
      'README.md': 'docs',
    })
    expect(await loadMigrationsFromDir(path, 'plugin:demo')).toEqual([
      { id: 'plugin:demo/0001_first', sql: 'SELECT 1;' },
      { id: 'plugin:demo/0002_second', sql: 'SELECT 2;' },
      { id: 'plugin:demo/0010_later', sql: 'SELECT 10;' },
    ])
  })

  it('rejects bad names, duplicate numbers and missing directories', async () => {
    const bad = makeDir('bad', { 'init.sql': '' })
    await expect(loadMigrationsFromDir(bad, 'core')).rejects.toThrow(/Bad migration file name/)
    const dup = makeDir('dup', { '0001_a.sql': '', '001_b.sql': '' })
    await expect(loadMigrationsFromDir(dup, 'core')).rejects.toThrow(/Duplicate migration number/)
    await expect(loadMigrationsFromDir(join(root, 'nope'), 'core')).rejects.toBeInstanceOf(
      MigrationError,
    )
  })
})

describe('runMigrations and the CLI', () => {
  it('applies the core migrations plus extra ones, once', async () => {
    const url = pathToFileURL(join(tempDir(), 'core.db')).href
    const extra = [{ id: 'plugin:demo/0001_x', sql: 'CREATE TABLE demo_x (a TEXT);' }]
    const first = await runMigrations({ url, extraMigrations: extra })
    const core = (await loadCoreMigrations()).map((m) => m.id)
    expect(core[0]).toBe('core/0001_core')
    expect(first.applied).toEqual([...core, 'plugin:demo/0001_x'])
    expect((await runMigrations({ url, extraMigrations: extra })).applied).toEqual([])
    const db = await openLibsql(url)
    const { rows } = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['plugin_settings', 'kv_meta', 'demo_x']),
    )
    db.close()
  })

  it('runs as `npm run migrate`: prints what it applied, exits 1 on error', async () => {
    const run = promisify(execFile)
    const cli = ['--import', 'tsx', 'src/runtime/node/migrate-cli.ts']
    const url = pathToFileURL(join(tempDir(), 'cli', 'nested', 'cli.db')).href
    const env = { ...process.env, TURSO_DATABASE_URL: url }
    const ok = await run(process.execPath, cli, { env })
    expect(ok.stdout).toContain('applied  core/0001_core')
    const again = await run(process.execPath, cli, { env })
    expect(again.stdout).toMatch(/Up to date \(\d+ migrations already applied\)/)
    // Two processes racing on a fresh file: exactly one applies, neither fails.
    const raceEnv = { ...env, TURSO_DATABASE_URL: `${url}-race.db` }
    const both = await Promise.all([1, 2].map(() => run(process.execPath, cli, { env: raceEnv })))
    const outputs = both.map((r) => r.stdout).join('\n')
    expect(outputs.match(/applied {2}core\/0001_core/g)).toHaveLength(1)
    const failed = await run(process.execPath, cli, {
      env: { ...process.env, TURSO_DATABASE_URL: 'ftp://nowhere' },
    }).catch((e: { code: number; stderr: string }) => e)
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Migration failed: /) })
  })
})
