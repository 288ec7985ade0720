/**
 * Opens the libSQL database for Node and Deno: a local `file:` database on the `libsql` driver
 * (libsql-file-node.ts, which keeps statements compiled), or a remote server (`libsql:`,
 * `https:`, `wss:`) and in-memory databases through `@libsql/client`.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import type { SqlDatabase } from '../../kernel/ports/sql.ts'
import { openLibsqlFile } from './libsql-file-node.ts'
import {
  createLibsqlDatabase,
  fetchWithTimeout,
  mapLibsqlError,
  type LibsqlOpenOptions,
} from './libsql.ts'

const BUSY_TIMEOUT_MS = 5000

export async function openLibsql(
  url: string,
  authToken?: string,
  options: LibsqlOpenOptions = {},
): Promise<SqlDatabase> {
  const isFile = url.startsWith('file:')
  if (isFile) ensureParentDirectory(url)
  // A file on disk goes to the adapter that keeps compiled statements. In-memory databases and
  // URLs with escapes or a query keep the client, which parses and checks those forms itself.
  const path = isFile && !/[%?#]/.test(url) ? filePathOf(url) : undefined
  if (path !== undefined) return openLibsqlFile(path, { busyTimeoutMs: BUSY_TIMEOUT_MS })
  const client = createClient({
    url,
    ...(authToken ? { authToken } : {}),
    intMode: 'bigint',
    // PRAGMAs are per connection, and the file client keeps a pool of them. One connection makes
    // the PRAGMAs below stick for every statement; it costs nothing because the native driver
    // runs each call synchronously anyway, so pooled connections never run in parallel.
    ...(isFile ? { concurrency: 1, timeout: BUSY_TIMEOUT_MS } : {}),
    // Only the http:/https: clients call fetch; WebSocket and file clients ignore it.
    ...(options.timeoutMs && !isFile ? { fetch: fetchWithTimeout(options.timeoutMs) } : {}),
  })
  if (isFile) {
    try {
      await client.execute('PRAGMA foreign_keys = ON')
      await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
      // WAL lets readers proceed while a writer commits; it is persistent in the file.
      await client.execute('PRAGMA journal_mode = WAL')
    } catch (err) {
      client.close()
      throw mapLibsqlError(err)
    }
  }
  return createLibsqlDatabase(client)
}

/** `npm start` on a fresh checkout should not fail because `./data` does not exist yet. */
function ensureParentDirectory(url: string): void {
  const path = filePathOf(url)
  if (path === undefined) return
  mkdirSync(dirname(path), { recursive: true })
}

function filePathOf(url: string): string | undefined {
  const rest = url.slice('file:'.length).split('?')[0] ?? ''
  if (rest === '' || rest.startsWith(':memory:')) return undefined
  // `file:///abs` and `file:/abs` are URLs; `file:./data/x.db` is a relative path.
  return rest.startsWith('/') ? fileURLToPath(new URL(`file://${rest.replace(/^\/\//, '')}`)) : rest
}
