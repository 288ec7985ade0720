import { useEffect, useRef } from 'preact/hooks'
import { endSession, session, sessionExpired } from '../api/client.ts'
import { t } from '../i18n/index.ts'
import { PasswordForm } from '../auth/password-form.tsx'

/**
 * Signing in again over the page when the session ended under it (it expired, or was ended from
 * another device). The page underneath keeps its state; the requests that met the end are sent
 * again by the API client once a new session is accepted. The only other way out is signing out:
 * Esc does not dismiss it, since the page behind cannot work without a session.
 */
export function SessionExpired() {
  const ref = useRef<HTMLDialogElement>(null)
  const open = sessionExpired.value
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  const me = session.value?.user
  return (
    <dialog
      ref={ref}
      class="expired"
      aria-labelledby="expired-title"
      aria-describedby="expired-text"
      onCancel={(event) => event.preventDefault()}
      onClose={() => {
        // A browser may still close it (a repeated Esc): it comes back while signed out.
        if (sessionExpired.value) ref.current?.showModal()
      }}
    >
      {open && (
        <div class="dialog-body stack">
          <div>
            <h2 id="expired-title">{t('expired.title')}</h2>
            <p id="expired-text">{t('expired.text')}</p>
          </div>
          <PasswordForm login={me?.email ?? me?.phone ?? ''} />
          <button type="button" class="btn ghost" onClick={() => void endSession()}>
            {t('expired.signOut')}
          </button>
        </div>
      )}
    </dialog>
  )
}
