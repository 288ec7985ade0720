/**
 * The CSV import reads files made from the Russian console's template as well as the English
 * one: Russian column names, kinds, and the Russian names of the built-in roles (the names the
 * Russian console shows for them, admin-ui/src/i18n/index.ts). English names and ids keep working.
 */
const headerAliases: Record<string, string> = {
  тип: 'kind',
  вид: 'kind',
  имя: 'display_name',
  фио: 'display_name',
  телефон: 'phone',
  'e-mail': 'email',
  почта: 'email',
  роли: 'roles',
  язык: 'language',
}

const kindAliases: Record<string, string> = {
  сотрудник: 'employee',
  клиент: 'customer',
}

const builtinRoleAliases: Record<string, string> = {
  'выездной сотрудник': 'role_field_employee',
  клиент: 'role_customer',
  администратор: 'role_administrator',
}

const key = (text: string) => text.trim().toLowerCase().replace(/ё/g, 'е')

/** A header cell as the import's column name (`Телефон` → `phone`); others as they are. */
export const headerName = (raw: string): string =>
  headerAliases[key(raw)] ?? key(raw).replace(/[\s-]+/g, '_')

/** `сотрудник` → `employee`; anything else lower-cased. */
export const kindName = (raw: string): string => kindAliases[key(raw)] ?? key(raw)

const languageAliases: Record<string, 'ru' | 'en' | null> = {
  '': null,
  auto: null,
  automatic: null,
  автоматически: null,
  ru: 'ru',
  russian: 'ru',
  русский: 'ru',
  en: 'en',
  english: 'en',
  английский: 'en',
}

/**
 * A person's message language as either template writes it (`Русский`, `English`, `ru`, empty
 * or `Автоматически` for automatic); undefined when it is none of them.
 */
export const languageName = (raw: string): 'ru' | 'en' | null | undefined =>
  languageAliases[key(raw)]

/** The built-in role a Russian name stands for (`Клиент` → `role_customer`), or null. */
export const builtinRoleByRussianName = (ref: string): string | null =>
  builtinRoleAliases[key(ref)] ?? null
