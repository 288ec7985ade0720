import type { SqlStatement } from '../../../kernel/ports/sql.ts'
import { randomId } from '../../../kernel/crypto.ts'
import type { UserStoreDeps } from './deps.ts'
import type { User } from '../model/types.ts'
import { actorEntry, auditStatement, type Actor } from './audit.ts'
import { invalidFields, notFound } from './errors.ts'
import { chunks, placeholders, text } from './rows.ts'
import { changedFields, createLoginCheck } from './user-checks.ts'
import { searchName, toUser, userColumns } from './user-rows.ts'
import { createUserStatusChanges } from './user-status.ts'
import {
  createGuardedBatch,
  mapUserWriteError,
  type NewUser,
  type UserPatch,
} from './user-writes.ts'
import { listUsers, type UserListQuery, type UserPage } from './users-list.ts'

export { mapUserWriteError, type NewUser, type UserPatch } from './user-writes.ts'

export function createUserRepository(core: UserStoreDeps) {
  const { sql } = core

  const assertLoginsFree = createLoginCheck(sql)
  const guardedBatch = createGuardedBatch(sql)

  async function get(id: string): Promise<User | null> {
    const { rows } = await sql.execute({
      sql: `SELECT ${userColumns} FROM users u WHERE u.id = ?`,
      args: [id],
    })
    return rows[0] ? toUser(rows[0]) : null
  }

  async function mustGet(id: string): Promise<User> {
    const user = await get(id)
    if (!user) throw notFound('user')
    return user
  }

  /** Refuses role ids that do not exist (before writing, so the error names the field). */
  async function checkRoles(roleIds: string[]): Promise<void> {
    if (roleIds.length === 0) return
    const { rows } = await sql.execute({
      sql: `SELECT id FROM roles WHERE id IN (${placeholders(roleIds.length)})`,
      args: roleIds,
    })
    const known = new Set(rows.map((row) => text(row, 'id')))
    const issues = roleIds
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !known.has(id))
      .map(({ id, i }) => ({
        field: `roleIds.${i}`,
        code: 'unknown_role',
        params: { role: id },
        message: `unknown role ${id}`,
      }))
    if (issues.length) throw invalidFields(issues)
  }

  /** The statements that create one user with roles (and its audit entry when `by` is set). */
  function createStatements(input: NewUser & { id: string }, by?: Actor): SqlStatement[] {
    const now = core.now()
    const at = now.toISOString()
    const statements: SqlStatement[] = [
      {
        sql: `INSERT INTO users (id, kind, display_name, search_name, phone, email, status,
                locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          input.id,
          input.kind,
          input.displayName,
          searchName(input.displayName),
          input.phone,
          input.email,
          input.status ?? 'invited',
          input.locale ?? null,
          at,
          at,
        ],
      },
      ...[...new Set(input.roleIds)].map((roleId) => ({
        sql: 'INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)',
        args: [input.id, roleId],
      })),
    ]
    if (by) {
      const details = { kind: input.kind, roleIds: input.roleIds }
      statements.push(
        auditStatement(actorEntry(by, 'user.create', { type: 'user', id: input.id }, details), now),
      )
    }
    return statements
  }

  return {
    get,
    mustGet,
    checkRoles,
    createStatements,

    /** Creates the user and its roles in one atomic batch; 409 `phone_taken`/`email_taken`. */
    async create(input: NewUser, by?: Actor): Promise<User> {
      if (!input.phone && !input.email) {
        throw invalidFields([
          { field: 'phone', code: 'login_required', message: 'a phone or an e-mail is required' },
        ])
      }
      await checkRoles(input.roleIds)
      await assertLoginsFree(input.phone, input.email, null)
      const id = input.id ?? randomId('usr')
      try {
        await sql.batch(createStatements({ ...input, id }, by))
      } catch (err) {
        throw mapUserWriteError(err)
      }
      return mustGet(id)
    },

    /**
     * Applies the fields that really change. A no-op (identical values) writes nothing and is
     * audited with `changed: false`; a change is audited with `changed: true` and the fields.
     * Taking away roles is refused (409 `last_administrator`) if it would leave no administrator.
     */
    async update(id: string, patch: UserPatch, by?: Actor): Promise<User> {
      const user = await mustGet(id)
      const next: Required<UserPatch> = {
        kind: patch.kind ?? user.kind,
        displayName: patch.displayName ?? user.displayName,
        phone: patch.phone === undefined ? user.phone : patch.phone,
        email: patch.email === undefined ? user.email : patch.email,
        roleIds: patch.roleIds ? [...new Set(patch.roleIds)] : user.roleIds,
        locale: patch.locale === undefined ? user.locale : patch.locale,
      }
      if (!next.phone && !next.email) {
        throw invalidFields([
          {
            field: patch.phone === null ? 'phone' : 'email',
            message: 'a user needs a phone or an e-mail',
          },
        ])
      }
      if (patch.roleIds) await checkRoles(patch.roleIds)
      const fields = changedFields(user, next)
      const now = core.now()
      const audit = (details: Record<string, unknown>) =>
        by
          ? [auditStatement(actorEntry(by, 'user.update', { type: 'user', id }, details), now)]
          : []
      if (fields.length === 0) {
        await sql.batch(audit({ changed: false }))
        return user
      }
      await assertLoginsFree(
        next.phone !== user.phone ? next.phone : null,
        next.email !== user.email ? next.email : null,
        id,
      )
      const statements: SqlStatement[] = [
        {
          sql: `UPDATE users SET kind = ?, display_name = ?, search_name = ?, phone = ?, email = ?,
                  locale = ?, updated_at = ? WHERE id = ?`,
          args: [
            next.kind,
            next.displayName,
            searchName(next.displayName),
            next.phone,
            next.email,
            next.locale,
            now.toISOString(),
            id,
          ],
        },
      ]
      const rolesChanged = fields.includes('roleIds')
      if (rolesChanged) {
        statements.push({ sql: 'DELETE FROM user_roles WHERE user_id = ?', args: [id] })
        for (const roleId of next.roleIds) {
          statements.push({
            sql: 'INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)',
            args: [id, roleId],
          })
        }
      }
      statements.push(...audit({ changed: true, fields }))
      await guardedBatch(statements, rolesChanged)
      return mustGet(id)
    },

    /** Deletes the user; sessions, roles and invitations go with it (ON DELETE CASCADE). */
    async delete(id: string, by?: Actor): Promise<void> {
      const user = await mustGet(id)
      const now = core.now()
      const statements: SqlStatement[] = [{ sql: 'DELETE FROM users WHERE id = ?', args: [id] }]
      if (by) {
        const details = { phone: user.phone, email: user.email, displayName: user.displayName }
        statements.push(
          auditStatement(actorEntry(by, 'user.delete', { type: 'user', id }, details), now),
        )
      }
      await guardedBatch(statements, true)
    },

    ...createUserStatusChanges(core, mustGet, guardedBatch),

    async findBy(field: 'phone' | 'email', value: string): Promise<User | null> {
      const { rows } = await sql.execute({
        sql: `SELECT ${userColumns} FROM users u WHERE u.${field} = ?`,
        args: [value],
      })
      return rows[0] ? toUser(rows[0]) : null
    },

    /** Which of these phones and e-mails already belong to someone (for the CSV import). */
    async takenLogins(phones: string[], emails: string[]) {
      const found = { phones: new Set<string>(), emails: new Set<string>() }
      for (const [field, values, into] of [
        ['phone', phones, found.phones],
        ['email', emails, found.emails],
      ] as const) {
        for (const chunk of chunks(values, 400)) {
          const { rows } = await sql.execute({
            sql: `SELECT ${field} AS v FROM users WHERE ${field} IN (${placeholders(chunk.length)})`,
            args: chunk,
          })
          for (const row of rows) into.add(text(row, 'v'))
        }
      }
      return found
    },

    /** Sessions that could still be refreshed. */
    async activeSessionCount(id: string): Promise<number> {
      const at = core.now().toISOString()
      const { rows } = await sql.execute({
        sql: `SELECT count(*) AS n FROM sessions WHERE user_id = ? AND revoked_at IS NULL
                AND expires_at > ? AND idle_expires_at > ?`,
        args: [id, at, at],
      })
      return Number(rows[0]?.n ?? 0)
    },

    list(query: UserListQuery): Promise<UserPage> {
      return listUsers(sql, query)
    },
  }
}

export type UserRepository = ReturnType<typeof createUserRepository>
