import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { ErrorBox, Field } from '../../ui/components.tsx'
import { Modal } from '../../ui/dialog.tsx'
import { TextArea, TextInput } from '../../ui/inputs.tsx'

/**
 * A question with fields (a reason, a date, a role, a channel) before an action. The dialog
 * stays open on failure with the reason shown, so what was typed is not lost.
 */
export function ActionDialog(props: {
  title: string
  text?: string
  action: string
  danger?: boolean
  onClose: () => void
  /** Runs the action; a rejection is shown in the dialog, `false` keeps it open silently. */
  onSubmit: () => Promise<boolean | void>
  children?: ComponentChildren
}) {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  return (
    <Modal open onClose={props.onClose} labelledBy="action-title">
      <form
        onSubmit={async (event) => {
          event.preventDefault()
          setError(null)
          setBusy(true)
          try {
            if ((await props.onSubmit()) !== false) props.onClose()
          } catch (failure) {
            setError(failure)
          } finally {
            setBusy(false)
          }
        }}
      >
        <div class="dialog-body stack">
          <h2 id="action-title">{props.title}</h2>
          {props.text && <p>{props.text}</p>}
          {props.children}
          {error ? <ErrorBox error={error} /> : null}
        </div>
        <footer>
          <button type="button" class="btn" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            class={`btn ${props.danger ? 'danger solid' : 'primary'}`}
            disabled={busy}
          >
            {props.action}
          </button>
        </footer>
      </form>
    </Modal>
  )
}

/** A `datetime-local` value (the admin's own time) as an ISO instant, or null when empty. */
export const localToIso = (value: string) => (value ? new Date(value).toISOString() : null)

/** The block's reason and end, asked before blocking one person or many. */
export function BlockFields(props: {
  reason: string
  until: string
  onReason: (value: string) => void
  onUntil: (value: string) => void
  untilError?: string | undefined
}) {
  return (
    <>
      <Field label={t('block.reason')} hint={t('block.reasonHint')}>
        <TextArea
          name="reason"
          rows={2}
          maxLength={500}
          value={props.reason}
          onValue={props.onReason}
        />
      </Field>
      <Field label={t('block.until')} hint={t('block.untilHint')} error={props.untilError}>
        <TextInput name="until" type="datetime-local" value={props.until} onValue={props.onUntil} />
      </Field>
    </>
  )
}

/** Blocking state for a dialog: the fields, and the body for the API (checked here first). */
export function useBlockForm() {
  const [reason, setReason] = useState('')
  const [until, setUntil] = useState('')
  const [untilError, setUntilError] = useState<string | undefined>()
  return {
    fields: (
      <BlockFields
        reason={reason}
        until={until}
        onReason={setReason}
        onUntil={setUntil}
        untilError={untilError}
      />
    ),
    /** The API body, or null (the field says why, focused) when the end is in the past. */
    body() {
      const iso = localToIso(until)
      if (iso && Date.parse(iso) <= Date.now()) {
        setUntilError(t('block.untilPast'))
        document.querySelector<HTMLInputElement>('[name=until]')?.focus()
        return null
      }
      setUntilError(undefined)
      return { reason: reason.trim() || null, until: iso }
    },
  }
}
