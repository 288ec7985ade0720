/**
 * Opens a remote libSQL database (Turso/sqld) with the Web-standard client: the only one that
 * runs on Cloudflare Workers. It speaks HTTP (`libsql:` URLs are mapped to `https:`); `file:`
 * URLs are not available here.
 */
import { createClient } from '@libsql/client/web'
import type { SqlDatabase } from './port.ts'
import { createLibsqlDatabase, fetchWithTimeout, type LibsqlOpenOptions } from './libsql.ts'

export async function openLibsql(
  url: string,
  authToken?: string,
  options: LibsqlOpenOptions = {},
): Promise<SqlDatabase> {
  const client = createClient({
    url,
    ...(authToken ? { authToken } : {}),
    intMode: 'bigint',
    ...(options.timeoutMs ? { fetch: fetchWithTimeout(options.timeoutMs) } : {}),
  })
  return createLibsqlDatabase(client)
}
