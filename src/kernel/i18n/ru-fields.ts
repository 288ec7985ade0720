import type { FieldIssueParams } from '../errors.ts'

/**
 * Russian wording of field problems, keyed by the issue's stable `code` and told from its
 * `params` (zod's codes, and the identity, import and grant checks' own). English stays the
 * message the check wrote.
 */
type Say = (params: FieldIssueParams) => string

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value))
const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value ?? ''))

/** "не длиннее 21 символа", "не длиннее 5 символов": genitive singular after 1, 21, 31… */
const genitive = (n: number, one: string, many: string) =>
  n % 10 === 1 && n % 100 !== 11 ? `${n} ${one}` : `${n} ${many}`

const expected: Record<string, string> = {
  number: 'Введите число',
  int: 'Введите целое число',
  string: 'Введите текст',
  boolean: 'Выберите «да» или «нет»',
  array: 'Введите список',
  object: 'Нужен объект',
}

const formats: Record<string, string> = {
  email: 'Это не адрес e-mail',
  url: 'Неверный адрес',
}

const permissionAreas: Record<string, string> = {
  users: 'Люди',
  roles: 'Роли',
  apps: 'Приложения',
  settings: 'Настройки',
  audit: 'Журнал',
}
/** `users:read` → "Люди: чтение", as the console's role editor names it. */
const permissionWords = (value: unknown) =>
  (Array.isArray(value) ? value : [String(value ?? '')])
    .map((permission) => {
      const [area = '', level = ''] = String(permission).split(':')
      const label = permissionAreas[area]
      if (!label || (level !== 'read' && level !== 'write')) return String(permission)
      return `${label}: ${level === 'read' ? 'чтение' : 'изменение'}`
    })
    .join(', ')

/** The import's columns by the names of the Russian console's template (import-aliases.ts). */
const csvColumns: Record<string, string> = {
  kind: 'Тип',
  display_name: 'Имя',
  phone: 'Телефон',
  email: 'E-mail',
  roles: 'Роли',
  language: 'Язык',
}
const column = (value: unknown) => csvColumns[String(value)] ?? String(value ?? '')

const tooBig: Say = ({ origin, maximum, inclusive }) => {
  const n = num(maximum)
  if (origin === 'string') return `Не длиннее ${genitive(n, 'символа', 'символов')}`
  if (origin === 'array' || origin === 'set') {
    return `Не больше ${genitive(n, 'элемента', 'элементов')}`
  }
  return inclusive === false ? `Меньше ${n}` : `Не больше ${n}`
}

const tooSmall: Say = ({ origin, minimum, inclusive }) => {
  const n = num(minimum)
  if (origin === 'string') {
    return n <= 1 ? 'Обязательное поле' : `Не короче ${genitive(n, 'символа', 'символов')}`
  }
  if (origin === 'array' || origin === 'set') {
    return n <= 1 ? 'Выберите хотя бы один' : `Не меньше ${genitive(n, 'элемента', 'элементов')}`
  }
  return inclusive === false ? `Больше ${n}` : `Не меньше ${n}`
}

export const russianFieldMessages: Record<string, Say> = {
  // zod's issue codes
  too_big: tooBig,
  too_small: tooSmall,
  invalid_type: ({ expected: type, missing }) =>
    missing ? 'Обязательное поле' : (expected[String(type)] ?? 'Неверное значение'),
  invalid_format: ({ format }) => formats[String(format)] ?? 'Неверный формат',
  invalid_value: ({ values }) => `Выберите одно из: ${list(values)}`,
  unrecognized_keys: ({ keys }) => `Неизвестные поля: ${list(keys)}`,
  not_multiple_of: ({ divisor }) => `Должно делиться на ${String(divisor)}`,
  invalid_union: () => 'Неверное значение',
  invalid_key: () => 'Неверный ключ',
  invalid_element: () => 'Неверный элемент',
  custom: () => 'Неверное значение',
  // the checks' own
  required: () => 'Обязательное поле',
  repeated_query: () => 'Параметр повторяется в строке запроса: укажите его один раз',
  taken: () => 'Уже занято',
  login_required: () => 'Нужен телефон или e-mail',
  phone_required: () => 'Введите телефон.',
  phone_invalid: () => 'Неверный номер; укажите его с кодом страны, например +7 916 123-45-67.',
  email_required: () => 'Введите e-mail.',
  email_invalid: () => 'Неверный адрес e-mail.',
  phone_not_mobile: ({ lineType }) =>
    `${lineType === 'fixed-line' ? 'Это городской номер' : 'Это не мобильный номер'}: на него не приходят SMS с кодами и приглашениями. Введите мобильный номер.`,
  unknown_role: ({ role }) => (role ? `Нет роли «${String(role)}»` : 'Нет такой роли'),
  unknown_app_type: ({ type }) => `Тип приложения «${String(type)}» не установлен`,
  role_needs_permissions: ({ role, permissions }) =>
    `Роль «${String(role)}» требует прав, которых у вас нет: ${permissionWords(permissions)}`,
  permissions_lacking: ({ permissions }) => `У вас нет прав: ${permissionWords(permissions)}`,
  kind_invalid: () => 'Должно быть «сотрудник» или «клиент»',
  language_invalid: () => 'Должно быть «Русский», «English» или пусто (автоматически)',
  name_invalid: ({ maximum }) =>
    `Обязательно, не длиннее ${genitive(num(maximum), 'символа', 'символов')}`,
  control_characters: () => 'Без управляющих символов',
  same_as_row: ({ row, login }) =>
    `${login === 'email' ? 'Тот же e-mail' : 'Тот же телефон'}, что в строке ${String(row)}`,
  csv_empty: () => 'Файл пуст',
  csv_no_rows: () => 'После заголовка нет ни одной строки',
  csv_too_many_rows: ({ maximum }) => `Не больше ${String(maximum)} строк за один импорт`,
  csv_column_twice: (params) => `Столбец «${column(params.column)}» указан дважды`,
  csv_column_missing: (params) => `Нет столбца «${column(params.column)}»`,
  csv_column_ignored: (params) =>
    `Неизвестный столбец «${String(params.column)}» пропущен (известные: ${(Array.isArray(params.known) ? params.known : []).map(column).join(', ')})`,
  csv_login_column: () => 'Нужен столбец телефона или e-mail',
  csv_malformed: () => 'Файл CSV не читается',
  cursor_malformed: () => 'Неверный курсор страницы',
  wrong_password: () => 'Неверный пароль',
  unknown_setting: () => 'У этого плагина нет такой настройки',
}
