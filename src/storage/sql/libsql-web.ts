/**
 * Opens a remote libSQL database (Turso/sqld) with the Web-standard HTTP client, which runs on
 * Cloudflare Workers. Every URL form is spoken over HTTP: `libsql:` and `wss:` become `https:`,
 * `ws:` becomes `http:` (Turso and sqld answer Hrana over HTTP on the same address as over
 * WebSocket). A Worker's requests are short, so a WebSocket would buy nothing, and leaving the
 * WebSocket client out keeps ~4 KB of gzip out of the bundle. `file:` URLs are not available here.
 */
import { createClient } from '@libsql/client/http'
import type { SqlDatabase } from '../../kernel/ports/sql.ts'
import { createLibsqlDatabase, fetchWithTimeout, type LibsqlOpenOptions } from './libsql.ts'

export async function openLibsql(
  url: string,
  authToken?: string,
  options: LibsqlOpenOptions = {},
): Promise<SqlDatabase> {
  const client = createClient({
    url: url.replace(/^wss:/i, 'https:').replace(/^ws:/i, 'http:'),
    ...(authToken ? { authToken } : {}),
    intMode: 'bigint',
    ...(options.timeoutMs ? { fetch: fetchWithTimeout(options.timeoutMs) } : {}),
  })
  return createLibsqlDatabase(client)
}
