/**
 * Propusk's `/openapi.json`, built in-process (Node) exactly as a server serves it: the default
 * plugin set on a throwaway in-memory libSQL database and in-memory state, so generating the
 * client needs no running server, network, Redis or data folder.
 */
import { createLogger, createPropusk, loadSettings } from '../../../src/core/index.ts'
import { plugins } from '../../../src/plugins.ts'
import { migrate } from '../../../src/runtime/server/bootstrap.ts'
import { openLibsql } from '../../../src/storage/sql/libsql-node.ts'
import { createMemoryStateStore } from '../../../src/storage/state/memory.ts'
import type { OpenApiDocument } from './emit-types.ts'

export async function openApiDocument(): Promise<OpenApiDocument> {
  // The generated types depend on neither setting; fixed values keep the document reproducible.
  const env = { TURSO_DATABASE_URL: ':memory:', PUBLIC_URL: 'https://id.propusk.test' }
  const sql = await openLibsql(env.TURSO_DATABASE_URL)
  const state = createMemoryStateStore({ prefix: 'client-generate:' })
  const log = createLogger({ level: 'error', write: () => {} })
  try {
    await migrate(sql, plugins, log)
    const propusk = await createPropusk({
      settings: loadSettings(env),
      env,
      sql,
      state,
      plugins,
      log,
    })
    const response = await propusk.app.request('/openapi.json')
    if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`)
    return (await response.json()) as OpenApiDocument
  } finally {
    await state.close()
    sql.close()
  }
}
