import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'

export interface UrlFilters<K extends string> {
  /** What the inputs show now. */
  draft: Record<K, string>
  /** What the list is filtered by (and the URL says). */
  applied: Record<K, string>
  set: (key: K, value: string, now?: boolean) => void
  apply: () => void
  clear: () => void
}

/**
 * Filter values kept in the URL query, so a filtered view is a link an admin can share. Text
 * inputs are applied on submit (Enter), selects at once.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]): UrlFilters<K> {
  const location = useLocation()
  const read = () =>
    Object.fromEntries(keys.map((k) => [k, location.query[k] ?? ''])) as Record<K, string>
  const [draft, setDraft] = useState(read)
  const [applied, setApplied] = useState(read)
  useEffect(() => {
    const params = new URLSearchParams()
    for (const key of keys) if (applied[key]) params.set(key, applied[key])
    const url = `${location.path}${params.size ? `?${params}` : ''}`
    if (url !== location.url) history.replaceState(null, '', url)
  }, [JSON.stringify(applied)])
  return {
    draft,
    applied,
    set: (key: K, value: string, now = false) => {
      const next = { ...draft, [key]: value }
      setDraft(next)
      if (now) setApplied(next)
    },
    apply: () => setApplied(draft),
    clear: () => {
      const empty = Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>
      setDraft(empty)
      setApplied(empty)
    },
  }
}

/** `datetime-local` value → ISO with the browser's offset (what the API expects). */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** A filter with its name always visible above it (placeholders vanish once typed in). */
export function Filter(props: { label: string; grow?: boolean; children: JSX.Element }) {
  return (
    <label class={`filter ${props.grow ? 'grow' : ''}`}>
      <span>{props.label}</span>
      {props.children}
    </label>
  )
}
