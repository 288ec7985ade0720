import { useState } from 'preact/hooks'
import { admin } from '../../api/endpoints.ts'
import { lang, t } from '../../i18n/index.ts'
import { messageOf } from '../../ui/components.tsx'
import { datedName, saveText } from '../../ui/download.ts'
import { Icon } from '../../ui/icons.tsx'
import { toast } from '../../ui/toast.tsx'

/** Downloads the people the list's filters select (every page) as CSV in the console's language. */
export function ExportButton(props: { filters: Record<string, string | undefined> }) {
  const [busy, setBusy] = useState(false)
  return (
    <button
      class="btn"
      disabled={busy}
      onClick={async () => {
        setBusy(true)
        try {
          const csv = await admin.users.export({ ...props.filters, lang: lang.value })
          saveText(csv, datedName(lang.value === 'ru' ? 'люди' : 'people'))
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
