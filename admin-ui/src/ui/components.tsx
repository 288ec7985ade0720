import { cloneElement, type ComponentChildren, type JSX } from 'preact'
import { useEffect, useId, useState } from 'preact/hooks'
import { ApiFailure } from '../api/client.ts'
import { errorText, t, type MessageKey } from '../i18n/index.ts'
import { Icon } from './icons.tsx'

export function Loading() {
  return (
    <div class="loading" role="status" aria-live="polite">
      <div class="spinner" />
      <span class="sr-only">{t('common.loading')}</span>
    </div>
  )
}

/** Placeholder rows while a table loads, so the layout does not jump. */
export function SkeletonRows({ columns, rows = 5 }: { columns: number; rows?: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} aria-hidden="true">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c}>
              <div class="skeleton" style={{ width: `${50 + ((r * 7 + c * 13) % 45)}%` }} />
            </td>
          ))}
        </tr>
      ))}
    </>
  )
}

export function Empty(props: {
  icon?: string
  title: string
  text?: string
  children?: ComponentChildren
}) {
  return (
    <div class="empty">
      <Icon name={props.icon ?? 'inbox'} size={32} />
      <strong>{props.title}</strong>
      {props.text && <div>{props.text}</div>}
      {props.children && <div style={{ marginTop: '14px' }}>{props.children}</div>}
    </div>
  )
}

/** What to tell the admin about a failure: the code's localized message, else the server's. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) {
    if (error.code === 'forbidden') return t('common.forbidden')
    return errorText(error.code, error.message)
  }
  // fetch() rejects with a TypeError ("Failed to fetch") when the server cannot be reached.
  if (error instanceof TypeError) return t('common.network')
  return error instanceof Error ? error.message : t('common.error')
}

export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="alert" role="alert">
      {messageOf(error)}{' '}
      {onRetry && (
        <button class="btn small" style={{ marginLeft: '8px' }} onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}

const statusColor: Record<string, string> = {
  active: 'green',
  invited: 'amber',
  blocked: 'red',
  success: 'green',
  failure: 'red',
  denied: 'amber',
  delivered: 'green',
  sent: 'blue',
  queued: 'amber',
  failed: 'red',
  created: 'green',
  valid: 'green',
  error: 'red',
}

export function Badge(props: { tone?: string; plain?: boolean; children: ComponentChildren }) {
  return (
    <span class={`badge ${props.tone ?? ''} ${props.plain ? 'plain' : ''}`}>{props.children}</span>
  )
}

/** A coloured badge for a status value, labelled through `prefix.value`. */
export function StatusBadge({ prefix, value }: { prefix: string; value: string }) {
  return <Badge tone={statusColor[value]}>{t(`${prefix}.${value}` as MessageKey)}</Badge>
}

export function PageHead(props: {
  title: string
  subtitle?: string
  crumbs?: ComponentChildren
  actions?: ComponentChildren
}) {
  // The tab's title names the page, in the console's language.
  useEffect(() => {
    if (props.title) document.title = t('page.title', { page: props.title })
  }, [props.title])
  return (
    <div class="page-head">
      <div>
        {props.crumbs && <div class="crumbs">{props.crumbs}</div>}
        <h1 id="page-title">{props.title}</h1>
        {props.subtitle && <p>{props.subtitle}</p>}
      </div>
      {props.actions && <div class="actions">{props.actions}</div>}
    </div>
  )
}

/**
 * A labelled control. The error and hint sit outside the <label> (so they do not become part of
 * the control's accessible name) and are linked to it with aria-describedby; an error also sets
 * aria-invalid.
 */
/** A card's header: the title, a hint under it when there is one, actions on the right. */
export function CardHead(props: {
  title: ComponentChildren
  hint?: ComponentChildren
  actions?: ComponentChildren
}) {
  return (
    <header>
      <div>
        <h2>{props.title}</h2>
        {props.hint && <p>{props.hint}</p>}
      </div>
      {props.actions}
    </header>
  )
}

/** An editor form's Create (or Save) and Cancel buttons; Cancel goes back to the list. */
export function EditorActions(props: { isNew: boolean; busy: boolean; cancelHref: string }) {
  return (
    <div class="form-actions">
      <button class="btn primary" type="submit" disabled={props.busy}>
        {props.isNew ? t('common.create') : t('common.save')}
      </button>
      <a class="btn ghost" href={props.cancelHref}>
        {t('common.cancel')}
      </a>
    </div>
  )
}

export function Field(props: {
  label: string
  hint?: string | undefined
  error?: string | undefined
  children: JSX.Element
}) {
  const auto = useId()
  const own = props.children.props as { id?: string }
  const id = own.id ?? `field-${auto}`
  const noteId = `${id}-note`
  const note = props.error ?? props.hint
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {cloneElement(props.children, {
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': note ? noteId : undefined,
      })}
      {props.error ? (
        <span class="error" id={noteId} role="alert">
          {props.error}
        </span>
      ) : (
        props.hint && (
          <span class="hint" id={noteId}>
            {props.hint}
          </span>
        )
      )}
    </div>
  )
}

/** Cursor paging: keeps the cursors of earlier pages so "Previous" works too. */
export function usePager() {
  const [stack, setStack] = useState<string[]>([])
  return {
    cursor: stack.at(-1),
    page: stack.length + 1,
    next: (cursor: string) => setStack([...stack, cursor]),
    previous: () => setStack(stack.slice(0, -1)),
    reset: () => setStack([]),
  }
}

export function Pager(props: {
  page: number
  hasNext: boolean
  onNext: () => void
  onPrevious: () => void
}) {
  if (props.page === 1 && !props.hasNext) return null
  return (
    <nav class="pager" aria-label="Pages">
      <span>{t('common.page', { n: props.page })}</span>
      <div class="buttons">
        <button class="btn small" disabled={props.page === 1} onClick={props.onPrevious}>
          {t('common.previous')}
        </button>
        <button class="btn small" disabled={!props.hasNext} onClick={props.onNext}>
          {t('common.next')}
        </button>
      </div>
    </nav>
  )
}

export function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      class="btn small"
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => {
          setCopied(true)
          setTimeout(() => setCopied(false), 1500)
        })
      }}
    >
      {copied ? t('common.copied') : t('common.copy')}
    </button>
  )
}
