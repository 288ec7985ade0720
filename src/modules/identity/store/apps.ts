import { SqlConstraintError, type SqlRow, type SqlStatement } from '../../../kernel/ports/sql.ts'
import { randomId, randomToken, sha256Hex } from '../../../kernel/crypto.ts'
import type { SessionPolicy } from '../../../kernel/plugin.ts'
import type { AppStoreDeps } from './deps.ts'
import type { App } from '../model/types.ts'
import { appCacheFor } from './app-cache.ts'
import { checkAppShape, clientAppTypes } from './app-rules.ts'
import { actorEntry, auditStatement, type Actor } from './audit.ts'
import { identityError, invalidFields, notFound, takenError } from './errors.ts'
import { jsonArray, jsonObject, text } from './rows.ts'

export interface AppInput {
  /** The client id; generated when absent. */
  id?: string
  name: string
  type: string
  enabled?: boolean
  /** Defaults to the type plugin's `defaultSignInMethods`. */
  signInMethods?: string[]
  policy?: Partial<SessionPolicy>
  redirectUris?: string[]
  settings?: Record<string, unknown>
}

/** `type` is fixed at creation: a client's kind (public/confidential) must not change under it. */
export type AppPatch = Partial<Omit<AppInput, 'id' | 'type'>>

export function toApp(row: SqlRow): App {
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    type: text(row, 'type'),
    enabled: Number(row.enabled) === 1,
    signInMethods: jsonArray(row.sign_in_methods),
    policy: jsonObject(row.policy) as Partial<SessionPolicy>,
    redirectUris: jsonArray(row.redirect_uris),
    settings: jsonObject(row.settings),
    hasSecret: row.secret_hash !== null && row.secret_hash !== undefined,
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
  }
}

/** Secrets are 256-bit random tokens, so a plain SHA-256 is enough (no password stretching). */
export const hashSecret = (secret: string) => sha256Hex(secret)

export function createAppRepository(core: AppStoreDeps) {
  const { sql } = core

  async function get(id: string): Promise<App | null> {
    const { rows } = await sql.execute({ sql: 'SELECT * FROM apps WHERE id = ?', args: [id] })
    return rows[0] ? toApp(rows[0]) : null
  }

  async function mustGet(id: string): Promise<App> {
    const app = await get(id)
    if (!app) throw notFound('app')
    return app
  }

  const redirectContext = () => ({ mode: core.config.PROPUSK_MODE })

  function isConfidential(type: string): boolean {
    return clientAppTypes(core.plugins).find((p) => p.id === type)?.clientKind === 'confidential'
  }

  /** Writes app `id`; this isolate's cached copy goes at once (others expire within 15 s). */
  async function write(id: string, statements: SqlStatement[]): Promise<void> {
    try {
      await sql.batch(statements)
    } catch (err) {
      if (err instanceof SqlConstraintError && err.constraint === 'unique') {
        throw takenError('app_id_taken', 'id')
      }
      throw err
    } finally {
      appCacheFor(core).invalidate(id)
    }
  }

  return {
    get,
    mustGet,

    async list(): Promise<App[]> {
      const { rows } = await sql.execute('SELECT * FROM apps ORDER BY created_at, id')
      return rows.map(toApp)
    },

    async secretHash(id: string): Promise<string | null> {
      const { rows } = await sql.execute({
        sql: 'SELECT secret_hash FROM apps WHERE id = ?',
        args: [id],
      })
      const value = rows[0]?.secret_hash
      return typeof value === 'string' ? value : null
    },

    /** Returns the secret of a confidential client once; only its hash is stored. */
    async create(input: AppInput, by?: Actor): Promise<{ app: App; secret: string | null }> {
      const issues = checkAppShape(core.plugins, input, redirectContext())
      if (issues.length) throw invalidFields(issues)
      const type = clientAppTypes(core.plugins).find((p) => p.id === input.type)
      const id = input.id ?? randomId('app', 12)
      const secret = isConfidential(input.type) ? randomToken() : null
      const now = core.now()
      const at = now.toISOString()
      const statements: SqlStatement[] = [
        {
          sql: `INSERT INTO apps (id, name, type, enabled, sign_in_methods, policy, secret_hash,
                  redirect_uris, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          args: [
            id,
            input.name,
            input.type,
            input.enabled ?? true,
            JSON.stringify([...new Set(input.signInMethods ?? type?.defaultSignInMethods ?? [])]),
            JSON.stringify(input.policy ?? {}),
            secret ? await hashSecret(secret) : null,
            JSON.stringify([...new Set(input.redirectUris ?? [])]),
            JSON.stringify(input.settings ?? {}),
            at,
            at,
          ],
        },
      ]
      if (by) {
        const details = { name: input.name, type: input.type }
        statements.push(
          auditStatement(actorEntry(by, 'app.create', { type: 'app', id }, details), now),
        )
      }
      await write(id, statements)
      return { app: await mustGet(id), secret }
    },

    /** `policy` and `settings`, when given, replace the stored objects whole. */
    async update(id: string, patch: AppPatch, by?: Actor): Promise<App> {
      const app = await mustGet(id)
      const issues = checkAppShape(
        core.plugins,
        {
          type: app.type,
          ...(patch.signInMethods ? { signInMethods: patch.signInMethods } : {}),
          ...(patch.redirectUris ? { redirectUris: patch.redirectUris } : {}),
        },
        redirectContext(),
      )
      // A type plugin removed after the app was registered is not the editor's fault.
      const relevant = issues.filter((issue) => issue.field !== 'type')
      if (relevant.length) throw invalidFields(relevant)
      const now = core.now()
      const statements: SqlStatement[] = [
        {
          sql: `UPDATE apps SET name = ?, enabled = ?, sign_in_methods = ?, policy = ?, redirect_uris = ?,
                  settings = ?, updated_at = ? WHERE id = ?`,
          args: [
            patch.name ?? app.name,
            patch.enabled ?? app.enabled,
            JSON.stringify([...new Set(patch.signInMethods ?? app.signInMethods)]),
            JSON.stringify(patch.policy ?? app.policy),
            JSON.stringify([...new Set(patch.redirectUris ?? app.redirectUris)]),
            JSON.stringify(patch.settings ?? app.settings),
            now.toISOString(),
            id,
          ],
        },
      ]
      if (by) {
        const changed = Object.keys(patch).filter(
          (key) => patch[key as keyof AppPatch] !== undefined,
        )
        statements.push(
          auditStatement(actorEntry(by, 'app.update', { type: 'app', id }, { changed }), now),
        )
      }
      await write(id, statements)
      return mustGet(id)
    },

    /** A new secret replaces the old one at once (the old one stops working). */
    async rotateSecret(id: string, by?: Actor): Promise<string> {
      const app = await mustGet(id)
      if (!isConfidential(app.type)) throw identityError('app_not_confidential')
      const secret = randomToken()
      const now = core.now()
      const statements: SqlStatement[] = [
        {
          sql: 'UPDATE apps SET secret_hash = ?, updated_at = ? WHERE id = ?',
          args: [await hashSecret(secret), now.toISOString(), id],
        },
      ]
      if (by)
        statements.push(
          auditStatement(actorEntry(by, 'app.rotate_secret', { type: 'app', id }), now),
        )
      await write(id, statements)
      return secret
    },

    /** Its sessions go with it (ON DELETE CASCADE). */
    async delete(id: string, by?: Actor): Promise<void> {
      const app = await mustGet(id)
      const now = core.now()
      const statements: SqlStatement[] = [{ sql: 'DELETE FROM apps WHERE id = ?', args: [id] }]
      if (by) {
        const details = { name: app.name, type: app.type }
        statements.push(
          auditStatement(actorEntry(by, 'app.delete', { type: 'app', id }, details), now),
        )
      }
      await write(id, statements)
    },
  }
}

export type AppRepository = ReturnType<typeof createAppRepository>
