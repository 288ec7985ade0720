/**
 * The Worker's libSQL client stand-in passes the same SqlDatabase and migration contracts as
 * `@libsql/client/web` (test/support/hrana-bridge.test.ts), through the Hrana bridge to a file,
 * and sends what a deployed Turso expects: one v2 pipeline per call, closed, with the token.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startHranaBridge, type HranaBridge } from '../../../testing/hrana-bridge.ts'
import { createLibsqlDatabase, mapLibsqlError } from '../../storage/sql/libsql.ts'
import { describeMigrationContract } from '../../../testing/contracts/migrate.ts'
import { DependencyError } from '../../kernel/ports/sql.ts'
import {
  describeSqlDatabaseContract,
  tempDir,
  type OpenFreshDatabase,
} from '../../../testing/contracts/sql-database.ts'
import { createClient, endpoint } from './libsql-http.ts'

const TOKEN = 'test-token'
const base = tempDir()
let n = 0

const open = (url: string, authToken = TOKEN) =>
  createLibsqlDatabase(createClient({ url, authToken, intMode: 'bigint' }))

const openThroughBridge: OpenFreshDatabase = async () => {
  const bridge = await startHranaBridge({ dbPath: join(base, `stand-in-${++n}.db`), token: TOKEN })
  const db = open(bridge.url)
  return {
    db,
    openAnother: async () => open(bridge.url),
    cleanup: async () => {
      db.close()
      await bridge.close()
    },
  }
}

describeSqlDatabaseContract('Worker libSQL stand-in → Hrana bridge → file', openThroughBridge)
describeMigrationContract('Worker libSQL stand-in → Hrana bridge → file', openThroughBridge)

describe('Worker libSQL stand-in', () => {
  const bridges: HranaBridge[] = []
  afterEach(async () => {
    for (const bridge of bridges.splice(0)) await bridge.close()
  })
  const bridge = async () => {
    const started = await startHranaBridge({ dbPath: join(base, `raw-${++n}.db`), token: TOKEN })
    bridges.push(started)
    return started
  }

  it('sends one closed v2 pipeline per call, with the token', async () => {
    const { url } = await bridge()
    const seen: Array<{ url: string; auth: string | null; requests: Array<{ type: string }> }> = []
    const client = createClient({
      url,
      authToken: TOKEN,
      intMode: 'bigint',
      fetch: async (request: Request) => {
        const body = (await request.clone().json()) as { requests: Array<{ type: string }> }
        seen.push({
          url: request.url,
          auth: request.headers.get('authorization'),
          requests: body.requests.map(({ type }) => ({ type })),
        })
        return fetch(request)
      },
    })
    await client.execute('SELECT 1')
    await client.batch(['SELECT 1', 'SELECT 2'], 'write')
    expect(seen).toEqual([
      {
        url: `${url}/v2/pipeline`,
        auth: `Bearer ${TOKEN}`,
        requests: [{ type: 'execute' }, { type: 'close' }],
      },
      {
        url: `${url}/v2/pipeline`,
        auth: `Bearer ${TOKEN}`,
        requests: [{ type: 'batch' }, { type: 'close' }],
      },
    ])
  })

  it('answers a refused token, a dead server and a closed client as unavailable', async () => {
    const started = await bridge()
    const refused = await open(started.url, 'wrong')
      .execute('SELECT 1')
      .catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DependencyError)
    const dead = await open('http://127.0.0.1:9')
      .execute('SELECT 1')
      .catch((error: unknown) => error)
    expect(dead).toBeInstanceOf(DependencyError)
    const client = createClient({ url: started.url, authToken: TOKEN })
    client.close()
    const closed = await client.execute('SELECT 1').catch((error: unknown) => error)
    expect(mapLibsqlError(closed)).toBeInstanceOf(DependencyError)
  })

  it('reads the URL as the client does', () => {
    expect(endpoint({ url: 'libsql://db-org.turso.io', authToken: 't' })).toEqual({
      pipeline: 'https://db-org.turso.io/v2/pipeline',
      authToken: 't',
    })
    expect(endpoint({ url: 'libsql://localhost:8080/?tls=0&authToken=q', authToken: 't' })).toEqual(
      {
        pipeline: 'http://localhost:8080/v2/pipeline',
        authToken: 'q',
      },
    )
    expect(endpoint({ url: 'https://db.example/base/' }).pipeline).toBe(
      'https://db.example/base/v2/pipeline',
    )
    expect(() => endpoint({ url: 'libsql://localhost?tls=0' })).toThrow(/explicit port/)
    expect(() => endpoint({ url: 'https://db.example?mode=ro' })).toThrow(/Unsupported/)
    expect(() => endpoint({ url: 'file:local.db' })).toThrow(/only HTTP/)
  })

  it('returns integers as the intMode asks (number by default)', async () => {
    const { url } = await bridge()
    const sql = 'SELECT 9007199254740991 AS big, 2 AS small'
    const rows = async (intMode?: 'bigint' | 'string') =>
      (await createClient({ url, authToken: TOKEN, ...(intMode ? { intMode } : {}) }).execute(sql))
        .rows[0]
    expect({ ...(await rows()) }).toMatchObject({ big: 9007199254740991, small: 2 })
    expect({ ...(await rows('bigint')) }).toMatchObject({ big: 9007199254740991n, small: 2n })
    expect({ ...(await rows('string')) }).toMatchObject({ big: '9007199254740991', small: '2' })
    const tooBig = createClient({ url, authToken: TOKEN }).execute('SELECT 9007199254740993 AS n')
    await expect(tooBig).rejects.toThrow(RangeError)
  })
})
