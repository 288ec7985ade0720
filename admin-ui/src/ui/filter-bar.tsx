import type { ComponentChildren } from 'preact'
import { t } from '../i18n/index.ts'
import { Filter, type UrlFilters } from './filters.tsx'

/** The filter form above a log: text filters apply on submit (Enter or Apply). */
export function FilterBar<K extends string>(props: {
  filters: UrlFilters<K>
  /** Adds a Reset button that clears every filter. */
  clearable?: boolean
  children: ComponentChildren
}) {
  const { filters } = props
  return (
    <form
      class="toolbar"
      role="search"
      onSubmit={(e) => {
        e.preventDefault()
        filters.apply()
      }}
    >
      {props.children}
      <button class="btn" type="submit">
        {t('common.apply')}
      </button>
      {props.clearable && (
        <button class="btn ghost" type="button" onClick={filters.clear}>
          {t('common.reset')}
        </button>
      )}
    </form>
  )
}

export function TextFilter<K extends string>(props: {
  filters: UrlFilters<K>
  field: K
  label: string
  placeholder?: string
  /** The input's own name attribute, where the page gives it one. */
  name?: string
  grow?: boolean
}) {
  const { filters, field } = props
  return (
    <Filter label={props.label} grow={props.grow}>
      <input
        name={props.name}
        placeholder={props.placeholder}
        value={filters.draft[field]}
        onInput={(e) => filters.set(field, (e.target as HTMLInputElement).value)}
      />
    </Filter>
  )
}

/** A select applies at once; the empty option means "any". */
export function SelectFilter<K extends string>(props: {
  filters: UrlFilters<K>
  field: K
  label: string
  anyLabel: string
  options: readonly (readonly [value: string, label: string])[]
}) {
  const { filters, field } = props
  return (
    <Filter label={props.label}>
      <select
        value={filters.draft[field]}
        onChange={(e) => filters.set(field, (e.target as HTMLSelectElement).value, true)}
      >
        <option value="">{props.anyLabel}</option>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </Filter>
  )
}

/** From/to pickers for the `from` and `to` filters (browser-local time). */
export function DateRangeFilters(props: { filters: UrlFilters<'from' | 'to'> }) {
  const { filters } = props
  return (
    <>
      {(['from', 'to'] as const).map((key) => (
        <Filter key={key} label={t(key === 'from' ? 'common.from' : 'common.to')}>
          <input
            type="datetime-local"
            value={filters.draft[key]}
            onInput={(e) => filters.set(key, (e.target as HTMLInputElement).value)}
          />
        </Filter>
      ))}
    </>
  )
}
