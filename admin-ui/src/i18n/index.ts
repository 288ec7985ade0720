import { signal } from '@preact/signals'
import { en, type MessageKey } from './en.ts'
import { ru } from './ru.ts'
import { actions, actorTypes, errorCodes, methods, purposes, reasons } from './codes.ts'
import { plurals, type PluralKey } from './plurals.ts'

export type Lang = 'en' | 'ru'
export type { MessageKey, PluralKey }

const storageKey = 'propusk.lang'

function initialLang(): Lang {
  const saved = localStorage.getItem(storageKey)
  if (saved === 'en' || saved === 'ru') return saved
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

/** The console's language: the browser's by default, then whatever the admin picked. */
export const lang = signal<Lang>(initialLang())
document.documentElement.lang = lang.value

export function setLang(next: Lang): void {
  lang.value = next
  localStorage.setItem(storageKey, next)
  document.documentElement.lang = next
}

/** A message in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = (lang.value === 'ru' ? ru : en)[key] ?? en[key]
  return params ? fill(text, params) : text
}

const locale = () => (lang.value === 'ru' ? 'ru-RU' : 'en-GB')

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''))

/** A count-dependent message in the plural form the current language uses for `n`. */
export function tn(key: PluralKey, n: number, params: Record<string, string | number> = {}) {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string } =
    plurals[key][lang.value]
  const category = new Intl.PluralRules(locale()).select(n)
  return fill(forms[category] ?? forms.other, { ...params, n: formatNumber(n) })
}

type CodeTable = Record<string, { en: string; ru: string }>
const word = (table: CodeTable, code: string | null | undefined) =>
  code ? table[code]?.[lang.value] : undefined

/** The localized message for a server error code; the server's own message otherwise. */
export const errorText = (code: string, fallback: string) => word(errorCodes, code) ?? fallback
/** `user.create` → "Person added"; unknown actions stay as they are. */
export const actionText = (action: string) => word(actions, action) ?? action
/** `sms-otp` → "SMS code"; `sign_in.sms-otp` audit actions read as "Sign-in · SMS code". */
export const methodText = (method: string) => word(methods, method) ?? method
export const purposeText = (purpose: string) => word(purposes, purpose) ?? purpose
export const actorTypeText = (type: string) => word(actorTypes, type) ?? type
/** A refusal reason from audit details: an error code or a reason of its own. */
export const reasonText = (reason: string) =>
  word(reasons, reason) ?? word(errorCodes, reason) ?? reason

type Named = {
  name: string
  description?: string | null
  localized?: Record<string, { name: string; description?: string }>
}
/** A plugin's (or app type's) name in the console's language; English when it has none. */
export const localName = (p: Named) => p.localized?.[lang.value]?.name ?? p.name
export const localDescription = (p: Named) =>
  p.localized?.[lang.value]?.description ?? p.description ?? undefined

export interface ServerFieldIssue {
  field: string
  message: string
  code?: string
  params?: Record<string, string | number | boolean | string[]>
}

/**
 * A field problem from the server. The server already wrote it in the console's language (the
 * console sends it as Accept-Language); problems that name permissions and a role are told
 * from their code and params with the words the role editor uses.
 */
export function fieldMessage(issue: ServerFieldIssue): string {
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : [])
  const perms = (value: unknown) => list(value).map(permissionText).join(', ')
  const params = issue.params ?? {}
  if (issue.code === 'role_needs_permissions') {
    const role = builtinByName(String(params.role ?? ''))
    return t('grant.roleNeeds', { role, permissions: perms(params.permissions) })
  }
  if (issue.code === 'permissions_lacking') {
    return t('grant.lack', { permissions: perms(params.permissions) })
  }
  return issue.message
}

const permissionAreas: Record<string, MessageKey> = {
  users: 'perm.users',
  roles: 'perm.roles',
  apps: 'perm.apps',
  settings: 'perm.settings',
  audit: 'perm.audit',
}
/** `users:read` → "People: Read"; an unknown permission stays as it is. */
export function permissionText(permission: string): string {
  const [area = '', level = ''] = permission.split(':')
  const label = permissionAreas[area]
  if (!label || (level !== 'read' && level !== 'write')) return permission
  return `${t(label)}: ${t(level === 'read' ? 'roles.read' : 'roles.write')}`
}

/** Built-in roles, named by id; a role an admin renamed keeps the admin's name. */
const builtinRoles: Record<string, { name: string; description: string; ru: [string, string] }> = {
  role_field_employee: {
    name: 'Field employee',
    description: 'Engineers in the field',
    ru: ['Выездной сотрудник', 'Инженеры на выездах'],
  },
  role_customer: {
    name: 'Customer',
    description: 'Customers of the company',
    ru: ['Клиент', 'Клиенты компании'],
  },
  role_administrator: {
    name: 'Administrator',
    description: 'Runs this Propusk',
    ru: ['Администратор', 'Управляет этим Пропуском'],
  },
}

/** Apps the install creates itself, named by id; an app an admin renamed keeps its name. */
const builtinApps: Record<string, { en: string; ru: string }> = {
  'admin-console': { en: 'Admin console', ru: 'Консоль администратора' },
}

/** "Анна · Консоль администратора" from the server's "Анна · Admin console" (a session's name). */
export function sessionLabel(name: string): string {
  const [person = '', app] = name.split(' · ')
  if (!app) return name
  const builtin = Object.values(builtinApps).find((b) => b.en === app)
  return `${person} · ${builtin ? builtin[lang.value] : app}`
}

export function appName(app: { id: string; name: string | null | undefined }): string {
  const builtin = builtinApps[app.id]
  if (!app.name) return builtin?.[lang.value] ?? app.id
  return builtin && app.name === builtin.en ? builtin[lang.value] : app.name
}

/** A role's stored name, translated when it is a built-in role's English name. */
function builtinByName(name: string): string {
  const builtin = Object.values(builtinRoles).find((b) => b.name === name)
  return builtin && lang.value === 'ru' ? builtin.ru[0] : name
}

export function roleName(role: { id: string; name: string }): string {
  const builtin = builtinRoles[role.id]
  return builtin && lang.value === 'ru' && role.name === builtin.name ? builtin.ru[0] : role.name
}

export function roleDescription(role: { id: string; description: string }): string {
  const builtin = builtinRoles[role.id]
  return builtin && lang.value === 'ru' && role.description === builtin.description
    ? builtin.ru[1]
    : role.description
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return t('common.none')
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  )
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t('common.none')
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(iso))
}

/** `2026-03-01` → `1 Mar`, for chart axes. */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`))
    .replace('.', '')
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value)
}

/**
 * +79161234567 → +7 916 123-45-67; masked numbers (+7916•••4567) get the same spacing. Other
 * countries and e-mail addresses stay as they are.
 */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  const ru = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone)
  if (ru) return `+7 ${ru[1]} ${ru[2]}-${ru[3]}-${ru[4]}`
  const masked = /^\+7(\d{3})([•*]+)(\d{2})(\d{2})$/.exec(phone)
  return masked ? `+7 ${masked[1]} ${masked[2]}-${masked[3]}-${masked[4]}` : phone
}
