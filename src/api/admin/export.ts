/**
 * CSV exports of people and of the audit log, with the list's filters. Both are streamed page
 * by page (csv-write.ts), so an export of any size holds one page in memory. Unlike list reads,
 * exports are audited (`user.export`, `audit.export`, with the filters): a file of everyone's
 * phones leaves the system. People are
 * written in the import's columns, so an export edited in a spreadsheet can be imported again.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { Context } from 'hono'
import type { IdentityRepositories, Role, User } from '../../modules/identity/index.ts'
import type { AppEnv } from '../../kernel/services.ts'
import { actorEntry, auditNames } from '../../modules/identity/index.ts'
import { actorOf, adminRoute } from './context.ts'
import { allPages, csvStream } from './csv-write.ts'
import { auditQuery, guardedErrors, listUsersQuery } from './schemas.ts'
import { userResource } from './user-actions.ts'

const lang = z
  .enum(['en', 'ru'])
  .default('en')
  .openapi({ description: 'Language of the column names and words (kinds, statuses, roles)' })

const csvResponse = (description: string) => ({
  description,
  content: { 'text/csv': { schema: z.string() } },
})

const exportUsers = userResource.route('get', '/export', 'read', 'export', {
  operationId: 'adminExportUsers',
  summary: 'People as CSV, with the list’s filters (all pages)',
  request: { query: listUsersQuery.omit({ cursor: true, limit: true }).extend({ lang }) },
  responses: { 200: csvResponse('UTF-8 CSV with a header row'), ...guardedErrors },
})

const exportAudit = createRoute({
  tags: ['Admin: audit'],
  security: [{ bearerAuth: [] }],
  method: 'get',
  path: '/v1/admin/audit/export',
  operationId: 'adminExportAuditEntries',
  summary: 'Audit entries as CSV, newest first, with the log’s filters (all pages)',
  middleware: [
    adminRoute({ permission: 'audit:read', action: 'audit.export', targetType: 'audit' }),
  ],
  request: { query: auditQuery.omit({ cursor: true, limit: true }).extend({ lang }) },
  responses: { 200: csvResponse('UTF-8 CSV with a header row'), ...guardedErrors },
})

type Lang = 'en' | 'ru'

const userHeader: Record<Lang, string[]> = {
  en: [
    'kind',
    'display_name',
    'phone',
    'email',
    'roles',
    'status',
    'created_at',
    'last_sign_in_at',
    'blocked_reason',
    'blocked_until',
    'id',
  ],
  ru: [
    'Тип',
    'Имя',
    'Телефон',
    'E-mail',
    'Роли',
    'Статус',
    'Добавлен',
    'Последний вход',
    'Причина блокировки',
    'Заблокирован до',
    'ID',
  ],
}

const auditHeader: Record<Lang, string[]> = {
  en: [
    'at',
    'actor_type',
    'actor',
    'actor_id',
    'action',
    'target_type',
    'target',
    'target_id',
    'result',
    'ip',
    'request_id',
    'app',
    'app_id',
    'details',
  ],
  ru: [
    'Время',
    'Кто',
    'Имя действующего',
    'ID действующего',
    'Действие',
    'Объект',
    'Название объекта',
    'ID объекта',
    'Итог',
    'IP',
    'ID запроса',
    'Приложение',
    'ID приложения',
    'Подробности',
  ],
}

/** Words of the Russian export; the import reads them back (import-aliases.ts). */
const russian: Record<string, string> = {
  employee: 'сотрудник',
  customer: 'клиент',
  invited: 'приглашён',
  active: 'активен',
  blocked: 'заблокирован',
  role_field_employee: 'Выездной сотрудник',
  role_customer: 'Клиент',
  role_administrator: 'Администратор',
}

const builtinEnglish: Record<string, string> = {
  role_field_employee: 'Field employee',
  role_customer: 'Customer',
  role_administrator: 'Administrator',
}

/** A role as the console names it: a built-in role keeps its Russian name unless renamed. */
function roleLabel(role: Role, lang: Lang): string {
  const renamed = builtinEnglish[role.id] !== role.name
  return lang === 'ru' && !renamed ? (russian[role.id] ?? role.name) : role.name
}

function userRow(user: User, roles: Map<string, Role>, lang: Lang): string[] {
  const word = (value: string) => (lang === 'ru' ? (russian[value] ?? value) : value)
  return [
    word(user.kind),
    user.displayName,
    user.phone ?? '',
    user.email ?? '',
    user.roleIds
      .map((id) => (roles.has(id) ? roleLabel(roles.get(id) as Role, lang) : id))
      .join('; '),
    word(user.status),
    user.createdAt,
    user.lastSignInAt ?? '',
    user.blockedReason ?? '',
    user.blockedUntil ?? '',
    user.id,
  ]
}

function csvAnswer(c: Context<AppEnv>, name: string, body: ReadableStream) {
  const day = c.get('services').now().toISOString().slice(0, 10)
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}-${day}.csv"`,
    'Cache-Control': 'no-store',
  })
}

export function mountExportRoutes(app: OpenAPIHono<AppEnv>, repos: IdentityRepositories) {
  const record = (c: Context<AppEnv>, what: 'user' | 'audit', filters: object) =>
    repos.audit.insert(
      actorEntry(actorOf(c), `${what}.export`, { type: what, id: null }, { filters }),
    )

  app.openapi(exportUsers, async (c) => {
    const { lang, ...filters } = c.req.valid('query')
    await record(c, 'user', filters)
    const roles = new Map((await repos.roles.list()).map((role) => [role.id, role]))
    const pages = allPages((cursor) => repos.users.list({ ...filters, cursor, limit: 200 }))
    async function* rows() {
      for await (const page of pages) yield page.map((user) => userRow(user, roles, lang))
    }
    return csvAnswer(c, 'people', csvStream(userHeader[lang], rows()))
  })

  app.openapi(exportAudit, async (c) => {
    const { lang, ...filters } = c.req.valid('query')
    await record(c, 'audit', filters)
    const pages = allPages((cursor) => repos.audit.query({ ...filters, cursor, limit: 200 }))
    const services = c.get('services')
    // Names beside ids, as the audit page shows them (a deleted person by their stored name).
    async function* rows() {
      for await (const page of pages) {
        const names = await auditNames(services.sql, page, services.plugins, lang)
        const name = (id: string | null) => (id ? (names[id] ?? '') : '')
        yield page.map((e) => [
          e.at,
          e.actorType,
          name(e.actorId),
          e.actorId ?? '',
          e.action,
          e.targetType ?? '',
          name(e.targetId),
          e.targetId ?? '',
          e.result,
          e.ip ?? '',
          e.requestId ?? '',
          name(e.appId),
          e.appId ?? '',
          JSON.stringify(e.details),
        ])
      }
    }
    return csvAnswer(c, 'audit', csvStream(auditHeader[lang], rows()))
  })
}
