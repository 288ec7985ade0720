import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { ensureDevSigningKeys } from './dev-keys.ts'

/** The embedded database of a local install: `<DATA_DIR>/propusk.db` (default `./data`). */
export function localDatabaseUrl(dataDir = './data'): string {
  return `file:${resolve(dataDir, 'propusk.db')}`
}

/**
 * Fills in the embedded defaults of a local install: a libSQL file under DATA_DIR, a public URL
 * on the chosen PORT, and development signing keys kept in DATA_DIR. Never in production: there
 * a missing TURSO_DATABASE_URL or SIGNING_KEYS must stop startup (the settings check reports
 * it), not silently run on a local file or a key nobody backs up.
 */
export async function withLocalDefaults(
  env: Record<string, string | undefined>,
): Promise<Record<string, string | undefined>> {
  const out = { ...env }
  if (out.PROPUSK_MODE === 'production') return out
  const dataDir = resolve(out.DATA_DIR || './data')
  if (!out.TURSO_DATABASE_URL) {
    mkdirSync(dataDir, { recursive: true })
    out.TURSO_DATABASE_URL = localDatabaseUrl(dataDir)
  }
  // Links printed at start (first administrator) must reach this server when only PORT is set.
  if (!out.PUBLIC_URL && /^\d+$/.test(out.PORT ?? '')) {
    out.PUBLIC_URL = `http://localhost:${out.PORT}`
  }
  if (!out.SIGNING_KEYS) out.SIGNING_KEYS = await ensureDevSigningKeys(dataDir)
  return out
}
