import { useState } from 'preact/hooks'
import { ApiFailure, startSession } from '../api/client.ts'
import { t } from '../i18n/index.ts'
import { Field, messageOf } from '../ui/components.tsx'
import { TextInput } from '../ui/inputs.tsx'

/** A refusal in words; "no access" is told in the console's own terms. */
export function explainSignIn(error: unknown): string {
  if (error instanceof ApiFailure && error.code === 'app_access_denied') {
    return t('signIn.noAccess')
  }
  return messageOf(error)
}

/**
 * Password sign-in in place, for the session-expired dialog only: a trip to the hosted pages
 * would reload the page and lose what is typed, and the requests waiting for a new session live
 * in this page's memory. `login` pre-fills the login of the session that ended.
 */
export function PasswordForm(props: { login?: string }) {
  const [login, setLogin] = useState(props.login ?? '')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const fieldError = (name: string) =>
    error instanceof ApiFailure ? error.fieldError(name) : undefined
  return (
    <form
      class="stack"
      onSubmit={async (event) => {
        event.preventDefault()
        setBusy(true)
        setError(null)
        try {
          await startSession('password/sign-in', { login, password })
        } catch (failure) {
          setError(failure)
        } finally {
          setBusy(false)
        }
      }}
    >
      <Field label={t('signIn.login')} error={fieldError('login')}>
        <TextInput name="login" autoComplete="username" required value={login} onValue={setLogin} />
      </Field>
      <Field label={t('signIn.password')} error={fieldError('password')}>
        <TextInput
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
      </Field>
      {error && !(error instanceof ApiFailure && error.fields.length) ? (
        <div class="alert" role="alert">
          {explainSignIn(error)}
        </div>
      ) : null}
      <button class="btn primary" type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
    </form>
  )
}
