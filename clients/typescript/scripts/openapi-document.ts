/**
 * Propusk's `/openapi.json`, built in-process (Node) exactly as a server serves it: the shipped
 * plugins (`clientPluginIds`) on a throwaway in-memory libSQL database and in-memory state, so
 * generating the client needs no running server, network, Redis or data folder.
 */
import { createPropusk } from '../../../src/app.ts'
import { createLogger } from '../../../src/kernel/logger.ts'
import { loadSettings } from '../../../src/kernel/config.ts'
import { plugins } from '../../../src/plugins.ts'
import { migrate } from '../../../src/runtime/server/bootstrap.ts'
import { openLibsql } from '../../../src/storage/sql/libsql-node.ts'
import { createMemoryStateStore } from '../../../src/storage/state/memory.ts'
import type { OpenApiDocument } from './emit-types.ts'

/**
 * The plugins the committed client and console types cover: those shipped with Propusk. A plugin
 * registered later (a fork's, or one `plugin:new` made) changes neither generated file, so the
 * tests that compare them with a fresh generation stay green; add its id here and regenerate to
 * cover it.
 */
export const clientPluginIds = [
  'console-delivery',
  'setup-link',
  'password',
  'sms-otp',
  'flash-call',
  'email-otp',
  'totp',
  'web',
  'admin-console',
  'api-only',
  'customer-mobile',
  'engineer-mobile',
  'equipment-passport',
  'twilio-sms',
  'resend-email',
  'smsru-call',
  'sinch-flashcall',
  'webhook-delivery',
]

export async function openApiDocument(): Promise<OpenApiDocument> {
  const covered = plugins.filter((plugin) => clientPluginIds.includes(plugin.id))
  // The generated types depend on neither setting; fixed values keep the document reproducible.
  const env = { TURSO_DATABASE_URL: ':memory:', PUBLIC_URL: 'https://id.propusk.test' }
  const sql = await openLibsql(env.TURSO_DATABASE_URL)
  const state = createMemoryStateStore({ prefix: 'client-generate:' })
  const log = createLogger({ level: 'error', write: () => {} })
  try {
    await migrate(sql, covered, log)
    const propusk = await createPropusk({
      settings: loadSettings(env),
      env,
      sql,
      state,
      plugins: covered,
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
