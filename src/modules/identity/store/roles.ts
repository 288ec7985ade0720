import { SqlConstraintError, type SqlRow, type SqlStatement } from '../../../kernel/ports/sql.ts'
import { randomId } from '../../../kernel/crypto.ts'
import type { FieldIssue } from '../../../kernel/errors.ts'
import type { RoleStoreDeps } from './deps.ts'
import type { Permission, Role } from '../model/types.ts'
import {
  guardAdministrators,
  isLastAdministratorError,
  lastAdministratorError,
} from './administrators.ts'
import { actorEntry, auditStatement, type Actor } from './audit.ts'
import { identityError, invalidFields, notFound, takenError } from './errors.ts'
import { jsonArray, placeholders, text } from './rows.ts'

export const allPermissions = [
  'users:read',
  'users:write',
  'roles:read',
  'roles:write',
  'apps:read',
  'apps:write',
  'settings:read',
  'settings:write',
  'audit:read',
] as const satisfies readonly Permission[]

export interface RoleInput {
  name: string
  description?: string
  appTypes: string[]
  permissions: Permission[]
}

export type RolePatch = Partial<RoleInput>

function toRole(row: SqlRow): Role {
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    description: text(row, 'description'),
    appTypes: jsonArray(row.app_types),
    permissions: jsonArray(row.permissions) as Permission[],
    builtin: Number(row.builtin) === 1,
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
  }
}

/** Role names are unique case-insensitively (`name_key`). */
const nameKey = (name: string) => name.normalize('NFKC').trim().toLowerCase()

function mapRoleWriteError(err: unknown): unknown {
  if (isLastAdministratorError(err)) return lastAdministratorError()
  if (err instanceof SqlConstraintError && err.constraint === 'unique') {
    return takenError('role_name_taken', 'name')
  }
  return err
}

export function createRoleRepository(core: RoleStoreDeps) {
  const { sql } = core

  /** App types must be installed client-app-type plugins; permissions from the known set. */
  function check(input: RolePatch): void {
    const installed = new Set(
      core.plugins.filter((p) => p.kind === 'client-app-type').map((p) => p.id),
    )
    const issues: FieldIssue[] = []
    input.appTypes?.forEach((type, i) => {
      if (!installed.has(type)) {
        issues.push({
          field: `appTypes.${i}`,
          code: 'unknown_app_type',
          params: { type },
          message: `no installed client app type "${type}"`,
        })
      }
    })
    input.permissions?.forEach((permission, i) => {
      if (!(allPermissions as readonly string[]).includes(permission)) {
        issues.push({ field: `permissions.${i}`, message: `unknown permission "${permission}"` })
      }
    })
    if (issues.length) throw invalidFields(issues)
  }

  async function get(id: string): Promise<Role | null> {
    const { rows } = await sql.execute({ sql: 'SELECT * FROM roles WHERE id = ?', args: [id] })
    return rows[0] ? toRole(rows[0]) : null
  }

  async function mustGet(id: string): Promise<Role> {
    const role = await get(id)
    if (!role) throw notFound('role')
    return role
  }

  async function usage(id: string): Promise<number> {
    const { rows } = await sql.execute({
      sql: 'SELECT count(*) AS n FROM user_roles WHERE role_id = ?',
      args: [id],
    })
    return Number(rows[0]?.n ?? 0)
  }

  async function write(statements: SqlStatement[], mayRemoveAdmin = false): Promise<void> {
    try {
      await sql.batch(mayRemoveAdmin ? await guardAdministrators(sql, statements) : statements)
    } catch (err) {
      throw mapRoleWriteError(err)
    }
  }

  return {
    get,
    mustGet,

    async list(): Promise<Role[]> {
      const { rows } = await sql.execute('SELECT * FROM roles ORDER BY builtin DESC, name_key, id')
      return rows.map(toRole)
    },

    async byIds(ids: string[]): Promise<Role[]> {
      if (ids.length === 0) return []
      const { rows } = await sql.execute({
        sql: `SELECT * FROM roles WHERE id IN (${placeholders(ids.length)}) ORDER BY name_key`,
        args: ids,
      })
      return rows.map(toRole)
    },

    /** Role lookup by id or by name (any case), for the CSV import's `roles` column. */
    async resolver(): Promise<(ref: string) => string | null> {
      const { rows } = await sql.execute('SELECT id, name_key FROM roles')
      const byKey = new Map<string, string>()
      for (const row of rows) {
        byKey.set(text(row, 'name_key'), text(row, 'id'))
        byKey.set(text(row, 'id'), text(row, 'id'))
      }
      return (ref) => byKey.get(ref.trim()) ?? byKey.get(nameKey(ref)) ?? null
    },

    usage,

    async create(input: RoleInput, by?: Actor): Promise<Role> {
      check(input)
      const id = randomId('role')
      const now = core.now()
      const at = now.toISOString()
      const statements: SqlStatement[] = [
        {
          sql: `INSERT INTO roles (id, name, name_key, description, app_types, permissions, builtin,
                  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
          args: [
            id,
            input.name.trim(),
            nameKey(input.name),
            input.description ?? '',
            JSON.stringify([...new Set(input.appTypes)]),
            JSON.stringify([...new Set(input.permissions)]),
            at,
            at,
          ],
        },
      ]
      if (by)
        statements.push(
          auditStatement(
            actorEntry(by, 'role.create', { type: 'role', id }, { name: input.name }),
            now,
          ),
        )
      await write(statements)
      return mustGet(id)
    },

    /**
     * Built-in roles can be edited too (the admin decides what a Field employee may enter). A
     * no-op writes nothing and is audited with `changed: false`. A change of app types or
     * permissions that would leave no administrator is refused (409 `last_administrator`).
     */
    async update(id: string, patch: RolePatch, by?: Actor): Promise<Role> {
      const role = await mustGet(id)
      check(patch)
      const now = core.now()
      const next = {
        name: patch.name?.trim() ?? role.name,
        description: patch.description ?? role.description,
        appTypes: [...new Set(patch.appTypes ?? role.appTypes)],
        permissions: [...new Set(patch.permissions ?? role.permissions)],
      }
      const sameSet = (a: string[], b: string[]) =>
        a.length === new Set(b).size && a.every((v) => b.includes(v))
      const fields = [
        ...(next.name !== role.name ? ['name'] : []),
        ...(next.description !== role.description ? ['description'] : []),
        ...(sameSet(next.appTypes, role.appTypes) ? [] : ['appTypes']),
        ...(sameSet(next.permissions, role.permissions) ? [] : ['permissions']),
      ]
      const audit = (details: Record<string, unknown>) =>
        by
          ? [auditStatement(actorEntry(by, 'role.update', { type: 'role', id }, details), now)]
          : []
      if (fields.length === 0) {
        await write(audit({ changed: false }))
        return role
      }
      const statements: SqlStatement[] = [
        {
          sql: `UPDATE roles SET name = ?, name_key = ?, description = ?, app_types = ?, permissions = ?,
                  updated_at = ? WHERE id = ?`,
          args: [
            next.name,
            nameKey(next.name),
            next.description,
            JSON.stringify(next.appTypes),
            JSON.stringify(next.permissions),
            now.toISOString(),
            id,
          ],
        },
        ...audit({ changed: true, fields }),
      ]
      await write(statements, fields.includes('appTypes') || fields.includes('permissions'))
      return mustGet(id)
    },

    /**
     * Refuses built-in roles and roles someone still holds (409 `role_in_use`): silently taking
     * a role from people would lock them out of apps with no trace of why.
     */
    async delete(id: string, by?: Actor): Promise<void> {
      const role = await mustGet(id)
      if (role.builtin) throw identityError('role_builtin')
      const holders = await usage(id)
      if (holders > 0) {
        throw identityError(
          'role_in_use',
          `${holders} user(s) still hold this role; take it from them first.`,
          {
            users: holders,
          },
        )
      }
      const now = core.now()
      const statements: SqlStatement[] = [
        // The NOT EXISTS closes the race with a concurrent assignment: then nothing is deleted.
        {
          sql: `DELETE FROM roles WHERE id = ? AND builtin = 0
                  AND NOT EXISTS (SELECT 1 FROM user_roles WHERE role_id = ?)`,
          args: [id, id],
        },
      ]
      if (by)
        statements.push(
          auditStatement(
            actorEntry(by, 'role.delete', { type: 'role', id }, { name: role.name }),
            now,
          ),
        )
      await write(statements)
    },
  }
}

export type RoleRepository = ReturnType<typeof createRoleRepository>
