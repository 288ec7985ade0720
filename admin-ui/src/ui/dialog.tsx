import { signal } from '@preact/signals'
import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { t } from '../i18n/index.ts'

/**
 * Modal built on the native <dialog>: focus is trapped, Esc closes, focus returns to the
 * button that opened it — keyboard users get all of that for free.
 */
export function Modal(props: {
  open: boolean
  onClose: () => void
  wide?: boolean
  labelledBy?: string
  children: ComponentChildren
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (props.open && !dialog.open) dialog.showModal()
    if (!props.open && dialog.open) dialog.close()
  }, [props.open])
  return (
    <dialog
      ref={ref}
      class={props.wide ? 'wide' : ''}
      aria-labelledby={props.labelledBy}
      onClose={props.onClose}
      onCancel={props.onClose}
    >
      {props.open ? props.children : null}
    </dialog>
  )
}

interface ConfirmRequest {
  title: string
  text?: string
  action: string
  danger?: boolean
  resolve: (ok: boolean) => void
}

const pending = signal<ConfirmRequest | null>(null)

/** Asks before a destructive action; resolves true when the admin confirms. */
export function confirm(options: Omit<ConfirmRequest, 'resolve'>): Promise<boolean> {
  return new Promise((resolve) => {
    pending.value = { ...options, resolve }
  })
}

export function ConfirmHost() {
  const request = pending.value
  const finish = (ok: boolean) => {
    request?.resolve(ok)
    pending.value = null
  }
  return (
    <Modal open={!!request} onClose={() => finish(false)} labelledBy="confirm-title">
      {request && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault()
            finish(true)
          }}
        >
          <div class="dialog-body">
            <h2 id="confirm-title">{request.title}</h2>
            {request.text && <p>{request.text}</p>}
          </div>
          <footer>
            <button
              type="button"
              class="btn"
              onClick={() => finish(false)}
              autoFocus={!!request.danger}
            >
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              class={`btn ${request.danger ? 'danger solid' : 'primary'}`}
              autoFocus={!request.danger}
            >
              {request.action}
            </button>
          </footer>
        </form>
      )}
    </Modal>
  )
}
