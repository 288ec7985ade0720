import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { IdentityRepositories } from '../../modules/identity/index.ts'
import { actorEntry, auditStatement, invalidFields } from '../../modules/identity/index.ts'
import type { AppEnv, CoreServices } from '../../kernel/services.ts'
import { errorLang, localizeIssues } from '../../kernel/i18n/localize.ts'
import { actionContext, actorOf, adminRoute } from './context.ts'
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv.ts'
import {
  MAX_IMPORT_ROWS,
  checkRows,
  createRows,
  readHeader,
  type CheckedRow,
} from './import-rows.ts'
import { guardedErrors, jsonResponse } from './schemas.ts'
import { deliverInvitation } from './user-actions.ts'

const example =
  'kind,display_name,phone,email,roles\nemployee,Иван Петров,8 916 123-45-67,,Field employee\n'

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'))

const importBody = z
  .object({
    csv: z.string().min(1).max(1_000_000).openapi({ example }),
    dryRun: z
      .boolean()
      .default(false)
      .openapi({ description: 'Check and report only; create nothing' }),
    sendInvitations: z.boolean().default(true),
  })
  .strict()
  .openapi('ImportUsers')

const rowReport = z
  .object({
    row: z
      .number()
      .int()
      .openapi({ description: 'Record number in the file; the header is row 1' }),
    status: z
      .enum(['created', 'valid', 'error'])
      .openapi({ description: '`valid` only in dry runs' }),
    userId: z.string().optional(),
    errors: z.array(
      z.object({ field: z.string(), message: z.string(), code: z.string().optional() }),
    ),
    invitation: z.enum(['sent', 'failed', 'skipped']).optional(),
    invitationError: z.string().optional(),
  })
  .openapi('ImportRowReport')

const importReport = z
  .object({
    dryRun: z.boolean(),
    total: z.number().int(),
    created: z.number().int(),
    failed: z.number().int(),
    warnings: z
      .array(z.string())
      .openapi({ description: 'About the whole file, e.g. unknown columns that were ignored' }),
    rows: z.array(rowReport),
  })
  .openapi('ImportReport')

const importUsers = createRoute({
  tags: ['Admin: users'],
  security: [{ bearerAuth: [] }],
  method: 'post',
  path: '/v1/admin/users/import',
  operationId: 'adminImportUsers',
  summary: `Create up to ${MAX_IMPORT_ROWS} users from CSV, with a report per row`,
  description:
    'Columns: `kind,display_name,phone,email,roles` (roles: names or ids, `;`-separated; empty = ' +
    'the built-in role of the kind) and optionally `language` (the message language: `ru`, ' +
    '`en`, `Русский`, `English`; empty = automatic). Send `text/csv` (options as query parameters) or JSON ' +
    '`{csv, dryRun, sendInvitations}`. Each valid row is created atomically and invited; invalid ' +
    'rows, repeats within the file and logins of existing users are reported and skipped, as are ' +
    'roles the importing admin could not give by hand (the role has permissions they lack). ' +
    'Unknown extra columns are ignored and listed in `warnings` (in the `Accept-Language` ' +
    'language); an unclosed quote refuses the file (400, `unclosed quote at row N`). A database ' +
    'or state outage met while inviting answers 503 `dependency_unavailable`, the rows created ' +
    'before it staying created.',
  middleware: [
    adminRoute({ permission: 'users:write', action: 'user.import', targetType: 'user' }),
  ],
  request: {
    query: z.object({ dryRun: flag, sendInvitations: flag }),
    body: {
      required: false,
      content: {
        'application/json': { schema: importBody },
        'text/csv': { schema: z.string().openapi({ example }) },
      },
    },
  },
  responses: { 200: jsonResponse(importReport, 'What happened to each row'), ...guardedErrors },
})

export function mountImportRoutes(
  app: OpenAPIHono<AppEnv>,
  services: CoreServices,
  repos: IdentityRepositories,
) {
  app.openapi(importUsers, async (c) => {
    const query = c.req.valid('query')
    const isJson = (c.req.header('content-type') ?? '').toLowerCase().includes('json')
    // The validator only runs for JSON bodies; a text/csv body is read raw below.
    const validated = isJson ? c.req.valid('json') : null
    const json = validated && typeof validated === 'object' ? validated : null
    const csv = json ? json.csv : await c.req.text()
    const dryRun = json ? json.dryRun : (query.dryRun ?? false)
    const sendInvitations = json ? json.sendInvitations : (query.sendInvitations ?? true)

    const lang = errorLang(c.req.header('accept-language'))
    const [header, ...records] = readCsv(csv)
    const { index: columns, warnings } = readHeader(header)
    if (records.length === 0)
      throw invalidFields([
        { field: 'csv', code: 'csv_no_rows', message: 'no rows after the header' },
      ])
    if (records.length > MAX_IMPORT_ROWS) {
      throw invalidFields([
        {
          field: 'csv',
          code: 'csv_too_many_rows',
          params: { maximum: MAX_IMPORT_ROWS },
          message: `at most ${MAX_IMPORT_ROWS} rows per import`,
        },
      ])
    }
    const checked = await checkRows(records, columns, repos, c.get('principal'))
    const by = actorOf(c)
    if (!dryRun) {
      await createRows(checked, repos, services.sql, by)
      await inviteAll(checked, sendInvitations, services, actionContext(c))
    }
    const rows = checked.map((entry) => entry.report)
    const created = rows.filter((r) => r.status === 'created').length
    const failed = rows.filter((r) => r.status === 'error').length
    await services.sql.execute(
      auditStatement(
        actorEntry(
          by,
          'user.import',
          { type: 'user', id: null },
          { dryRun, total: rows.length, created, failed },
        ),
        services.now(),
      ),
    )
    // Each row's problems and the file's warnings in the admin's language, as error answers are.
    const told = rows.map((row) => ({ ...row, errors: localizeIssues(row.errors, lang) }))
    const warned = localizeIssues(warnings, lang).map((warning) => warning.message)
    return c.json(
      { dryRun, total: rows.length, created, failed, warnings: warned, rows: told },
      200,
    )
  })
}

/** The file's records; a syntax error refuses the whole file (400, naming the row). */
function readCsv(csv: string): CsvRecord[] {
  try {
    return parseCsv(csv)
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw invalidFields([{ field: 'csv', code: 'csv_malformed', message: error.message }])
    throw error
  }
}

/** A few at a time: each is a write plus a provider call, and providers rate-limit bursts. */
async function inviteAll(
  checked: CheckedRow[],
  send: boolean,
  services: CoreServices,
  context: ReturnType<typeof actionContext>,
) {
  const created = checked.filter((entry) => entry.report.status === 'created')
  if (!send) {
    for (const entry of created) entry.report.invitation = 'skipped'
    return
  }
  let next = 0
  // An outage (the one thing deliverInvitation throws) stops every worker: the rest would meet it too.
  let outage: unknown = null
  const worker = async () => {
    while (next < created.length && !outage) {
      const entry = created[next++]!
      try {
        const outcome = await deliverInvitation(services, entry.report.userId!, context)
        entry.report.invitation = outcome.status
        if (outcome.status === 'failed') entry.report.invitationError = outcome.error.message
      } catch (error) {
        outage ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  if (outage) throw outage
}
