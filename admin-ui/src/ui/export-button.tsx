import { useState } from 'preact/hooks'
import { lang, t } from '../i18n/index.ts'
import { messageOf } from './components.tsx'
import { datedName, saveText } from './download.ts'
import { Icon } from './icons.tsx'
import { toast } from './toast.tsx'

/**
 * "Export CSV": fetches an export of the admin API in the console's language (`load` gets it)
 * and saves it as `<name>-<day>.csv`. Used by People and the audit trails.
 */
export function ExportButton(props: {
  load: (language: 'en' | 'ru') => Promise<string>
  name: { en: string; ru: string }
  small?: boolean
}) {
  const [busy, setBusy] = useState(false)
  return (
    <button
      type="button"
      class={props.small ? 'btn small' : 'btn'}
      disabled={busy}
      onClick={async () => {
        setBusy(true)
        try {
          saveText(await props.load(lang.value), datedName(props.name[lang.value]))
          toast(t('export.done'))
        } catch (failure) {
          toast(messageOf(failure), 'error')
        } finally {
          setBusy(false)
        }
      }}
    >
      <Icon name="download" size={16} />
      {t('export.csv')}
    </button>
  )
}
