import type { User } from '../../api/types.ts'
import { t } from '../../i18n/index.ts'
import { Field } from '../../ui/components.tsx'

export type MessageLocale = User['locale']

/**
 * The person's message language: automatic (by their number; the empty option, so the form
 * sends null) or one the admin chose because the number does not tell it.
 */
export function MessageLocaleField(props: {
  value: MessageLocale
  onChange: (value: MessageLocale) => void
  error?: string | undefined
}) {
  return (
    <Field label={t('locale.label')} hint={t('locale.hint')} error={props.error}>
      <select
        name="locale"
        value={props.value ?? ''}
        onChange={(e) => {
          const value = (e.target as HTMLSelectElement).value
          props.onChange(value === 'ru' || value === 'en' ? value : null)
        }}
      >
        <option value="">{t('locale.auto')}</option>
        <option value="ru" lang="ru">
          {t('locale.ru')}
        </option>
        <option value="en" lang="en">
          {t('locale.en')}
        </option>
      </select>
    </Field>
  )
}
