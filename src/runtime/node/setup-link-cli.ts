/**
 * `npm run setup-link`: prints a one-time first-administrator link for the database at
 * TURSO_DATABASE_URL — for a Workers deployment, where no server start prints it. It runs the
 * plugins' start hooks once against that database (what `npm start` does at every start), so
 * the link is made by the setup-link plugin itself, with its stored settings.
 *
 *   PUBLIC_URL=https://id.example.com TURSO_DATABASE_URL=libsql://… TURSO_AUTH_TOKEN=… \
 *     npm run setup-link
 *
 * `npm run setup-link -- --recover` is the way back in when every administrator is locked out
 * (blocked, deleted, password lost): a one-time link, valid one hour, that creates a NEW
 * Administrator even though administrators exist. Whoever can run it already holds the
 * database credentials, so it grants nothing they could not do with SQL; it is audited.
 *
 * Nothing is served and nothing is signed: state is in memory and, when SIGNING_KEYS is not in
 * the environment, a throwaway key satisfies the token service's startup check.
 */
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createPropusk } from '../../app.ts'
import { ConfigError, loadSettings } from '../../kernel/config.ts'
import { createLogger } from '../../kernel/logger.ts'
import { plugins } from '../../plugins.ts'
import {
  isSetupPending,
  issueRecoveryLink,
  RECOVERY_LINK_TTL_HOURS,
} from '../../../plugins/sign-in/setup-link/index.ts'
import { openLibsql } from '../../storage/sql/libsql-node.ts'
import { createMemoryStateStore } from '../../storage/state/memory.ts'
import { generateSigningKeysJson } from '../server/signing-keys.ts'

async function main(): Promise<void> {
  const recover = process.argv.slice(2).includes('--recover')
  const env: Record<string, string | undefined> = {
    ...process.env,
    // Only the start hooks run here: the production-only checks (shared state) do not apply.
    PROPUSK_MODE: 'development',
    STATE_STORE: 'memory',
  }
  env.TURSO_DATABASE_URL ||= pathToFileURL(resolve(env.DATA_DIR ?? './data', 'propusk.db')).href
  env.SIGNING_KEYS ||= await generateSigningKeysJson('setup-link-cli')
  if (!process.env.PUBLIC_URL) {
    console.warn('PUBLIC_URL is not set: the link will point at http://localhost:8787.')
  }
  const settings = loadSettings(env)
  const url = settings.TURSO_DATABASE_URL as string
  console.log(`Database ${url.split('?')[0]}`)
  const sql = await openLibsql(url, settings.TURSO_AUTH_TOKEN)
  const state = createMemoryStateStore({ prefix: settings.STATE_KEY_PREFIX })
  try {
    const log = createLogger({ level: 'warn' })
    const propusk = await createPropusk({ settings, env, sql, state, plugins, log })
    if (recover) {
      const link = await issueRecoveryLink(propusk.services, propusk.services.identity.audit)
      console.log(
        `\nRecovery: open this one-time link to create a new Administrator ` +
          `(valid ${RECOVERY_LINK_TTL_HOURS} h; earlier unused links stop working):\n\n  ${link}\n`,
      )
      return
    }
    if (!(await isSetupPending(sql))) {
      console.log(
        'An administrator already exists: no link issued. Sign in as an administrator, or run ' +
          '`npm run setup-link -- --recover` if no administrator can sign in any more.',
      )
      return
    }
    await propusk.start() // the setup-link plugin prints the link
  } finally {
    await state.close()
    sql.close()
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error)
  console.error(`No link issued (run \`npm run migrate\` first?): ${message}`)
  process.exitCode = 1
})
