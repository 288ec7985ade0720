/**
 * Messages that depend on a count, in every plural category the language has
 * (Intl.PluralRules: English one/other, Russian one/few/many/other). `{n}` is the count.
 */
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

export const plurals = {
  'person.sessionsEnded': {
    en: { one: '{n} session ended.', other: '{n} sessions ended.' },
    ru: {
      one: 'Завершён {n} сеанс.',
      few: 'Завершено {n} сеанса.',
      many: 'Завершено {n} сеансов.',
      other: 'Завершено {n} сеанса.',
    },
  },
  'person.blocked': {
    en: {
      one: '{name} is blocked; {n} session ended.',
      other: '{name} is blocked; {n} sessions ended.',
    },
    ru: {
      one: '{name}: заблокирован(а), завершён {n} сеанс.',
      few: '{name}: заблокирован(а), завершено {n} сеанса.',
      many: '{name}: заблокирован(а), завершено {n} сеансов.',
      other: '{name}: заблокирован(а), завершено {n} сеанса.',
    },
  },
  'roles.holders': {
    en: { one: '{n} person holds this role', other: '{n} people hold this role' },
    ru: {
      one: 'Роль у {n} человека',
      few: 'Роль у {n} человек',
      many: 'Роль у {n} человек',
      other: 'Роль у {n} человека',
    },
  },
  'duration.seconds': {
    en: { one: '{n} second', other: '{n} seconds' },
    ru: { one: '{n} секунда', few: '{n} секунды', many: '{n} секунд', other: '{n} секунды' },
  },
  'duration.minutes': {
    en: { one: '{n} minute', other: '{n} minutes' },
    ru: { one: '{n} минута', few: '{n} минуты', many: '{n} минут', other: '{n} минуты' },
  },
  'duration.hours': {
    en: { one: '{n} hour', other: '{n} hours' },
    ru: { one: '{n} час', few: '{n} часа', many: '{n} часов', other: '{n} часа' },
  },
  'duration.days': {
    en: { one: '{n} day', other: '{n} days' },
    ru: { one: '{n} день', few: '{n} дня', many: '{n} дней', other: '{n} дня' },
  },
} satisfies Record<string, { en: Forms; ru: Forms }>

export type PluralKey = keyof typeof plurals
