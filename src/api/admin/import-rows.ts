import { randomId } from '../../kernel/crypto.ts'
import { ApiError, type FieldIssue } from '../../kernel/errors.ts'
import {
  emailProblem,
  loginProblemCode,
  normalizeEmail,
  normalizePhone,
  phoneProblem,
} from '../../modules/identity/index.ts'
import type {
  Actor,
  IdentityRepositories,
  UserKind,
  Principal,
} from '../../modules/identity/index.ts'
import {
  invalidFields,
  mapUserWriteError,
  type NewUser,
  DISPLAY_NAME_MAX,
  hasControlCharacters,
} from '../../modules/identity/index.ts'
import { grantProblem } from './grants.ts'
import { notMobileIssue } from './mobile-phone.ts'
import { SqlConstraintError, type SqlDatabase } from '../../kernel/ports/sql.ts'
import type { CsvRecord } from './csv.ts'
import { defaultRoleIds } from './users.ts'
import { builtinRoleByRussianName, headerName, kindName, languageName } from './import-aliases.ts'

export const MAX_IMPORT_ROWS = 5000
const columns = ['kind', 'display_name', 'phone', 'email', 'roles', 'language'] as const
type Column = (typeof columns)[number]

export interface ImportRowReport {
  row: number
  status: 'created' | 'valid' | 'error'
  userId?: string
  errors: FieldIssue[]
  invitation?: 'sent' | 'failed' | 'skipped'
  invitationError?: string
}

export interface CheckedRow {
  report: ImportRowReport
  user?: NewUser & { id: string }
}

export interface Header {
  index: Map<Column, number>
  /** Columns that are read as nothing (`csv_column_ignored`), told in the admin's language later. */
  warnings: FieldIssue[]
}

/**
 * Maps header names to positions. Missing or repeated columns refuse the whole file; unknown
 * extra columns (a spreadsheet's own notes) are ignored and reported as warnings.
 */
export function readHeader(header: CsvRecord | undefined): Header {
  if (!header)
    throw invalidFields([{ field: 'csv', code: 'csv_empty', message: 'the file is empty' }])
  const index = new Map<Column, number>()
  const issues: FieldIssue[] = []
  const warnings: FieldIssue[] = []
  header.cells.forEach((raw, i) => {
    const name = headerName(raw)
    if (!(columns as readonly string[]).includes(name)) {
      warnings.push({
        field: 'csv',
        code: 'csv_column_ignored',
        params: { column: raw.trim(), known: [...columns] },
        message: `unknown column "${raw.trim()}" ignored (known: ${columns.join(', ')})`,
      })
    } else if (index.has(name as Column)) {
      issues.push({
        field: 'csv',
        code: 'csv_column_twice',
        params: { column: name },
        message: `column "${name}" appears twice`,
      })
    } else {
      index.set(name as Column, i)
    }
  })
  for (const required of ['kind', 'display_name'] as const) {
    if (!index.has(required)) {
      issues.push({
        field: 'csv',
        code: 'csv_column_missing',
        params: { column: required },
        message: `missing column "${required}"`,
      })
    }
  }
  if (!index.has('phone') && !index.has('email')) {
    issues.push({
      field: 'csv',
      code: 'csv_login_column',
      message: 'needs a "phone" or an "email" column',
    })
  }
  if (issues.length) throw invalidFields(issues)
  return { index, warnings }
}

/**
 * Validates every row on its own (so one report lists all problems), then flags logins that
 * repeat an earlier row of the file or belong to an existing user.
 */
export async function checkRows(
  records: CsvRecord[],
  header: Map<Column, number>,
  repos: IdentityRepositories,
  acting: Pick<Principal, 'permissions'>,
): Promise<CheckedRow[]> {
  const byNameOrId = await repos.roles.resolver()
  // A role's own name or id first: a role an admin named "Клиент" is theirs, not the built-in.
  const resolveRole = (ref: string) => {
    const builtin = builtinRoleByRussianName(ref)
    return byNameOrId(ref) ?? (builtin ? byNameOrId(builtin) : null)
  }
  // Per row, like any other problem: roles the importing admin could not give by hand either.
  const roleById = new Map((await repos.roles.list()).map((role) => [role.id, role]))
  const grantIssue = (roleId: string) => {
    const role = roleById.get(roleId)
    return role ? grantProblem(acting, role, 'roles') : null
  }
  const cell = (record: CsvRecord, column: Column) => {
    const i = header.get(column)
    return i === undefined ? '' : (record.cells[i] ?? '').trim()
  }
  const firstRowOf = { phone: new Map<string, number>(), email: new Map<string, number>() }
  const checked: CheckedRow[] = records.map((record) => {
    const errors: FieldIssue[] = []
    const kind = kindName(cell(record, 'kind'))
    if (kind !== 'employee' && kind !== 'customer') {
      errors.push({ field: 'kind', code: 'kind_invalid', message: 'must be employee or customer' })
    }
    const displayName = cell(record, 'display_name')
    if (displayName === '' || displayName.length > DISPLAY_NAME_MAX) {
      errors.push({
        field: 'display_name',
        code: 'name_invalid',
        params: { maximum: DISPLAY_NAME_MAX },
        message: `required, at most ${DISPLAY_NAME_MAX} characters`,
      })
    } else if (hasControlCharacters(displayName)) {
      errors.push({
        field: 'display_name',
        code: 'control_characters',
        message: 'must not contain control characters',
      })
    }
    let phone: string | null = null
    if (cell(record, 'phone') !== '') {
      const parsed = normalizePhone(cell(record, 'phone'))
      const notMobile = parsed.ok ? notMobileIssue(parsed.e164) : null
      if (!parsed.ok) {
        errors.push({
          field: 'phone',
          code: loginProblemCode('phone', parsed.reason),
          message: phoneProblem(parsed.reason),
        })
      } else if (notMobile) errors.push(notMobile)
      else phone = parsed.e164
    }
    let email: string | null = null
    if (cell(record, 'email') !== '') {
      const parsed = normalizeEmail(cell(record, 'email'))
      if (parsed.ok) email = parsed.email
      else {
        errors.push({
          field: 'email',
          code: loginProblemCode('email', parsed.reason),
          message: emailProblem(parsed.reason),
        })
      }
    }
    if (cell(record, 'phone') === '' && cell(record, 'email') === '') {
      errors.push({
        field: 'phone',
        code: 'login_required',
        message: 'a phone or an e-mail is required',
      })
    }
    const locale = languageName(cell(record, 'language'))
    if (locale === undefined) {
      errors.push({
        field: 'language',
        code: 'language_invalid',
        message: 'must be ru, en or empty',
      })
    }
    const roleRefs = cell(record, 'roles')
      .split(/[;|]/)
      .map((r) => r.trim())
      .filter(Boolean)
    const roleIds: string[] = []
    for (const ref of roleRefs) {
      const id = resolveRole(ref)
      if (id) roleIds.push(id)
      else {
        errors.push({
          field: 'roles',
          code: 'unknown_role',
          params: { role: ref },
          message: `unknown role "${ref}"`,
        })
      }
    }
    for (const [field, value] of [
      ['phone', phone],
      ['email', email],
    ] as const) {
      if (value === null) continue
      const first = firstRowOf[field].get(value)
      if (first !== undefined) {
        errors.push({
          field,
          code: 'same_as_row',
          params: { login: field, row: first },
          message: `same ${field} as row ${first}`,
        })
      } else firstRowOf[field].set(value, record.row)
    }
    const kindRoles = kind === 'employee' || kind === 'customer' ? defaultRoleIds[kind] : []
    for (const roleId of roleIds.length ? roleIds : kindRoles) {
      const problem = grantIssue(roleId)
      if (problem) errors.push(problem)
    }
    const report: ImportRowReport = {
      row: record.row,
      status: errors.length ? 'error' : 'valid',
      errors,
    }
    if (errors.length) return { report }
    const userKind = kind as UserKind
    return {
      report,
      user: {
        id: randomId('usr'),
        kind: userKind,
        displayName,
        phone,
        email,
        roleIds: roleIds.length ? roleIds : defaultRoleIds[userKind],
        locale: locale ?? null,
      },
    }
  })
  const taken = await repos.users.takenLogins(
    [...firstRowOf.phone.keys()],
    [...firstRowOf.email.keys()],
  )
  for (const { report, user } of checked) {
    if (!user) continue
    if (user.phone && taken.phones.has(user.phone))
      report.errors.push({ field: 'phone', code: 'taken', message: 'already taken' })
    if (user.email && taken.emails.has(user.email))
      report.errors.push({ field: 'email', code: 'taken', message: 'already taken' })
  }
  return checked.map((entry) =>
    entry.report.errors.length ? { report: { ...entry.report, status: 'error' } } : entry,
  )
}

/**
 * Creates valid rows. Rows go in batches of 50 (one round trip each, which matters on remote
 * libSQL); if a batch hits a constraint (someone took a phone meanwhile) its rows are retried
 * one by one, so each row is still all-or-nothing and only the offending row fails.
 */
export async function createRows(
  checked: CheckedRow[],
  repos: IdentityRepositories,
  sql: SqlDatabase,
  by: Actor,
): Promise<void> {
  const valid = checked.filter((entry) => entry.user)
  for (let i = 0; i < valid.length; i += 50) {
    const chunk = valid.slice(i, i + 50)
    try {
      await sql.batch(chunk.flatMap(({ user }) => repos.users.createStatements(user!, by)))
      for (const entry of chunk) markCreated(entry)
    } catch (err) {
      if (!(err instanceof SqlConstraintError)) throw err
      for (const entry of chunk) {
        try {
          await sql.batch(repos.users.createStatements(entry.user!, by))
          markCreated(entry)
        } catch (rowError) {
          const mapped = mapUserWriteError(rowError)
          if (!(mapped instanceof ApiError)) throw rowError
          const fields = mapped.details?.fields ?? [{ field: '(row)', message: mapped.message }]
          entry.report.status = 'error'
          entry.report.errors.push(...fields)
          delete entry.user
        }
      }
    }
  }
}

function markCreated(entry: CheckedRow) {
  entry.report.status = 'created'
  entry.report.userId = entry.user!.id
}
