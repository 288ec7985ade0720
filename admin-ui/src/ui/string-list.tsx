import { useState } from 'preact/hooks'
import { t } from '../i18n/index.ts'

/** A list of strings as removable chips, and a field that adds one (Enter or the button). */
export function StringList(props: {
  id: string
  value: string[]
  onChange: (v: string[]) => void
}) {
  const [draft, setDraft] = useState('')
  return (
    <div class="stack" style={{ gap: '6px' }}>
      <div class="chips">
        {props.value.map((item, i) => (
          <span key={item + i} class="badge plain">
            {item}
            <button
              type="button"
              class="btn ghost small"
              style={{ height: '20px', padding: '0 4px' }}
              aria-label={`${t('plugins.remove')} ${item}`}
              onClick={() => props.onChange(props.value.filter((_, k) => k !== i))}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <div class="form-actions">
        <input
          id={props.id}
          value={draft}
          onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && draft.trim()) {
              e.preventDefault()
              props.onChange([...props.value, draft.trim()])
              setDraft('')
            }
          }}
        />
        <button
          type="button"
          class="btn small"
          disabled={!draft.trim()}
          onClick={() => {
            props.onChange([...props.value, draft.trim()])
            setDraft('')
          }}
        >
          {t('plugins.add')}
        </button>
      </div>
    </div>
  )
}
