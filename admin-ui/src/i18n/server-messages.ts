/**
 * Field messages the server writes in English (zod's, and the identity and import checks'),
 * read back into what they say (a limit, a kind of value, a row number) and told again in the
 * console's language. A message matching no rule is shown as the server wrote it.
 */
type Said = { en: string; ru: string }
type Rule = [RegExp, (m: string[]) => Said]

/** `<=10` reads "at most 10", `<10` "less than 10" (`inclusive` is the `=` or ''). */
const limit = (inclusive: string | undefined, n: string, en: string[], ru: string[]) => {
  const i = inclusive === '=' ? 0 : 1
  return { en: `${en[i]} ${n}`, ru: `${ru[i]} ${n}` }
}

const expected: Record<string, Said> = {
  number: { en: 'Enter a number', ru: 'Введите число' },
  int: { en: 'Enter a whole number', ru: 'Введите целое число' },
  string: { en: 'Enter text', ru: 'Введите текст' },
  boolean: { en: 'Choose yes or no', ru: 'Выберите «да» или «нет»' },
  array: { en: 'Enter a list', ru: 'Введите список' },
}

const rules: Rule[] = [
  [
    /^Too big: expected (?:number|int|bigint) to be <(=)?(-?[\d.]+)$/,
    ([, eq, n]) => limit(eq, n ?? '', ['At most', 'Less than'], ['Не больше', 'Меньше']),
  ],
  [
    /^Too small: expected (?:number|int|bigint) to be >(=)?(-?[\d.]+)$/,
    ([, eq, n]) => limit(eq, n ?? '', ['At least', 'More than'], ['Не меньше', 'Больше']),
  ],
  [
    /^Too big: expected string to have <=?(\d+) characters?$/,
    ([, n]) => ({ en: `At most ${n} characters`, ru: `Не длиннее ${n} символов` }),
  ],
  [
    /^Too small: expected string to have >=?(\d+) characters?$/,
    ([, n]) =>
      n === '1'
        ? { en: 'Required', ru: 'Обязательное поле' }
        : { en: `At least ${n} characters`, ru: `Не короче ${n} символов` },
  ],
  [
    /^Too big: expected array to have <=?(\d+) items?$/,
    ([, n]) => ({ en: `At most ${n} items`, ru: `Не больше ${n} элементов` }),
  ],
  [
    /^Too small: expected array to have >=?(\d+) items?$/,
    ([, n]) => ({ en: `Choose at least ${n}`, ru: `Выберите хотя бы ${n}` }),
  ],
  [
    /^Invalid input: expected (\w+)/,
    ([, type]) => expected[type ?? ''] ?? { en: 'Invalid value', ru: 'Неверное значение' },
  ],
  [
    /^Invalid (?:email|e-mail)/i,
    () => ({ en: 'Not an e-mail address', ru: 'Это не адрес e-mail' }),
  ],
  [/^Invalid URL/i, () => ({ en: 'Not a valid address', ru: 'Неверный адрес' })],
  [
    /^Invalid option: expected one of (.*)$/,
    ([, list]) => ({ en: `Choose one of: ${list}`, ru: `Выберите одно из: ${list}` }),
  ],
  [/^Invalid string/, () => ({ en: 'Invalid format', ru: 'Неверный формат' })],
  [/^already taken$/, () => ({ en: 'Already taken', ru: 'Уже занято другим человеком' })],
  [/^Enter a phone number\.$/, () => ({ en: 'Enter a phone number.', ru: 'Введите телефон.' })],
  [
    /^Not a valid phone number/,
    () => ({
      en: 'Not a valid phone number; write it with the country code, e.g. +7 916 123-45-67.',
      ru: 'Неверный номер; укажите его с кодом страны, например +7 916 123-45-67.',
    }),
  ],
  [
    /^Enter an e-mail address\.$/,
    () => ({ en: 'Enter an e-mail address.', ru: 'Введите e-mail.' }),
  ],
  [
    /^Not a valid e-mail address\.$/,
    () => ({ en: 'Not a valid e-mail address.', ru: 'Неверный адрес e-mail.' }),
  ],
  [
    /^This is (.*): it cannot receive SMS codes/,
    () => ({
      en: 'This number cannot receive SMS codes or invitations. Enter a mobile number.',
      ru: 'На этот номер не приходят SMS с кодами и приглашениями. Введите мобильный номер.',
    }),
  ],
  [
    /^unknown role "(.*)"$/,
    ([, name]) => ({ en: `Unknown role “${name}”`, ru: `Нет роли «${name}»` }),
  ],
  [
    /^must be employee or customer$/,
    () => ({ en: 'Must be employee or customer', ru: 'Должно быть «сотрудник» или «клиент»' }),
  ],
  [
    /^required, at most (\d+) characters$/,
    ([, n]) => ({
      en: `Required, at most ${n} characters`,
      ru: `Обязательно, не длиннее ${n} символов`,
    }),
  ],
  [
    /^a phone or an e-mail is required$/,
    () => ({ en: 'A phone or an e-mail is required', ru: 'Нужен телефон или e-mail' }),
  ],
  [
    /^same (phone|email) as row (\d+)$/,
    ([, field, row]) =>
      field === 'phone'
        ? { en: `Same phone as row ${row}`, ru: `Тот же телефон, что в строке ${row}` }
        : { en: `Same e-mail as row ${row}`, ru: `Тот же e-mail, что в строке ${row}` },
  ],
]

/** The server's field message in `lang`; unchanged when no rule knows it. */
export function serverMessage(message: string, lang: 'en' | 'ru'): string {
  for (const [pattern, say] of rules) {
    const match = pattern.exec(message)
    if (match) return say([...match].map((part) => part ?? ''))[lang]
  }
  return message
}
