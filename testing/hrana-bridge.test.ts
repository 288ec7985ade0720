/**
 * The adapter and migration contracts again, this time through `@libsql/client/web` (what the
 * Worker uses) → HTTP → the Hrana bridge → a libSQL file; plus the bridge's own protocol details.
 */
import { join } from 'node:path'
import { createClient } from '@libsql/client/web'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibsql } from '../src/storage/sql/libsql-web.ts'
import { loadCoreMigrations } from '../src/runtime/server/migrations-from-disk.ts'
import { applyMigrations } from '../src/kernel/migrate.ts'
import { describeMigrationContract } from './contracts/migrate.ts'
import {
  describeSqlDatabaseContract,
  tempDir,
  useFreshDatabase,
  type OpenFreshDatabase,
} from './contracts/sql-database.ts'
import { startHranaBridge, type HranaBridge } from './hrana-bridge.ts'

const TOKEN = 'test-token'
const base = tempDir()
let n = 0

/** A fresh file behind a fresh bridge per test; `openAnother` is a second web client. */
const openThroughBridge: OpenFreshDatabase = async () => {
  const bridge = await startHranaBridge({ dbPath: join(base, `bridge-${++n}.db`), token: TOKEN })
  const db = await openLibsql(bridge.url, TOKEN)
  return {
    db,
    openAnother: () => openLibsql(bridge.url, TOKEN),
    cleanup: async () => {
      db.close()
      await bridge.close()
    },
  }
}

describeSqlDatabaseContract('@libsql/client/web → Hrana bridge → file', openThroughBridge)
describeMigrationContract('@libsql/client/web → Hrana bridge → file', openThroughBridge)

describe('core migrations through the web client', () => {
  const fresh = useFreshDatabase(openThroughBridge)
  it('apply over HTTP exactly as on a local file', async () => {
    const { db } = await fresh()
    const core = await loadCoreMigrations()
    expect(await applyMigrations(db, core)).toEqual({ applied: core.map((m) => m.id), skipped: [] })
    expect((await applyMigrations(db, core)).applied).toEqual([])
  })
})

describe('Hrana bridge protocol', () => {
  const bridges: HranaBridge[] = []
  afterEach(async () => {
    for (const bridge of bridges.splice(0)) await bridge.close()
  })
  /** A raw web client (no adapter) on a fresh bridge whose streams expire after 300 ms. */
  const rawClient = async (authToken = TOKEN) => {
    const dbPath = join(base, `proto-${++n}.db`)
    const bridge = await startHranaBridge({ dbPath, token: TOKEN, streamIdleMs: 300 })
    bridges.push(bridge)
    return createClient({ url: bridge.url, authToken, intMode: 'bigint' })
  }

  it('keeps an interactive transaction on one connection across requests', async () => {
    const client = await rawClient()
    await client.execute('CREATE TABLE t (a INTEGER)')
    const tx = await client.transaction('write')
    await tx.execute('INSERT INTO t VALUES (1)')
    expect((await tx.execute('SELECT count(*) AS n FROM t')).rows[0]?.n).toBe(1n)
    await tx.rollback()
    const committed = await client.transaction('write')
    await committed.execute('INSERT INTO t VALUES (2)')
    await committed.commit()
    expect((await client.execute('SELECT a FROM t')).rows.map((r) => r.a)).toEqual([2n])
    client.close()
  })

  it('rolls back and frees a transaction whose stream went idle', async () => {
    const client = await rawClient()
    await client.execute('CREATE TABLE t (a INTEGER)')
    const tx = await client.transaction('write')
    await tx.execute('INSERT INTO t VALUES (1)')
    await new Promise((r) => setTimeout(r, 600))
    // Another stream can write again (the lock was released), and the insert is gone.
    await client.execute('INSERT INTO t VALUES (2)')
    expect((await client.execute('SELECT a FROM t')).rows.map((r) => r.a)).toEqual([2n])
    await expect(tx.commit()).rejects.toThrow(/expired/i)
    client.close()
  })

  it('rejects several statements in one execute, as sqld does', async () => {
    const client = await rawClient()
    await expect(client.execute('SELECT 1; SELECT 2')).rejects.toMatchObject({
      code: 'SQL_MANY_STATEMENTS',
    })
    client.close()
  })

  it('reports SQLite errors like sqld: base code, "SQLite error:" message', async () => {
    const client = await rawClient()
    await client.execute('CREATE TABLE t (a TEXT UNIQUE)')
    await client.execute("INSERT INTO t VALUES ('x')")
    const err: unknown = await client.execute("INSERT INTO t VALUES ('x')").catch((e) => e)
    expect(err).toMatchObject({
      code: 'SQLITE_CONSTRAINT',
      message: 'SQLITE_CONSTRAINT: SQLite error: UNIQUE constraint failed: t.a',
    })
    client.close()
  })

  it('requires the bearer token on pipeline requests', async () => {
    const wrong = await rawClient('wrong')
    await expect(wrong.execute('SELECT 1')).rejects.toThrow(/401/)
    wrong.close()
  })
})
