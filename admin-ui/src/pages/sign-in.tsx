import { useEffect, useState } from 'preact/hooks'
import { api, ApiFailure, startSession } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import { formatPhone, lang, setLang, t } from '../i18n/index.ts'
import { Field, messageOf } from '../ui/components.tsx'
import { Logo } from '../ui/icons.tsx'
import { TextInput } from '../ui/inputs.tsx'

interface Challenge {
  challengeId: string
  sentTo: string
  codeLength: number
  resendAfterSeconds: number
}

function explain(error: unknown): string {
  if (error instanceof ApiFailure && error.code === 'app_access_denied') {
    return t('signIn.noAccess')
  }
  return messageOf(error)
}

function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0)
  useEffect(() => {
    if (left <= 0) return
    const timer = setTimeout(() => setLeft(left - 1), 1000)
    return () => clearTimeout(timer)
  }, [left])
  return [left, setLeft]
}

/** Password sign-in; `login` pre-fills the login (signing in again after the session ended). */
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
          {explain(error)}
        </div>
      ) : null}
      <button class="btn primary" type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
    </form>
  )
}

export function SmsForm() {
  const [phone, setPhone] = useState('')
  const [code, setCode] = useState('')
  const [challenge, setChallenge] = useState<Challenge | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  const [wait, setWait] = useCountdown()

  const send = async () => {
    setBusy(true)
    setError(null)
    setNotice('')
    try {
      const sent = await api<Challenge>('/v1/auth/sms-otp/send', {
        method: 'POST',
        anonymous: true,
        body: { login: phone, clientId: 'admin-console' },
      })
      setChallenge(sent)
      setWait(sent.resendAfterSeconds)
      setCode('')
    } catch (failure) {
      if (failure instanceof ApiFailure && typeof failure.body.error === 'object') {
        const retry = (failure.body.error as { retryAfterSeconds?: number }).retryAfterSeconds
        if (retry) setWait(retry)
      }
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  const verify = async () => {
    if (!challenge) return
    setBusy(true)
    setError(null)
    setNotice('')
    try {
      const result = await startSession('sms-otp/verify', {
        challengeId: challenge.challengeId,
        code,
      })
      // An invited admin proved their phone but has no password yet: the invitation comes first.
      if (!result.signedIn) {
        setNotice(
          result.body.status === 'password_required'
            ? t('signIn.passwordRequired')
            : t('signIn.failed'),
        )
      }
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault()
        void (challenge ? verify() : send())
      }}
    >
      {!challenge ? (
        <Field label={t('signIn.phone')} hint="+7 916 123-45-67">
          <TextInput
            name="phone"
            type="tel"
            autoComplete="tel"
            required
            value={phone}
            onValue={setPhone}
          />
        </Field>
      ) : (
        <>
          <p class="muted" style={{ margin: 0 }}>
            {t('signIn.codeSent', { to: formatPhone(challenge.sentTo) })}
          </p>
          <Field label={t('signIn.code')}>
            <TextInput
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={challenge.codeLength}
              required
              autoFocus
              value={code}
              onValue={setCode}
            />
          </Field>
        </>
      )}
      {error ? (
        <div class="alert" role="alert">
          {explain(error)}
        </div>
      ) : null}
      {notice && <div class="alert info">{notice}</div>}
      <button class="btn primary" type="submit" disabled={busy}>
        {challenge ? t('signIn.submit') : t('signIn.sendCode')}
      </button>
      {challenge && (
        <div class="form-actions" style={{ justifyContent: 'space-between' }}>
          <button type="button" class="btn ghost small" disabled={wait > 0 || busy} onClick={send}>
            {wait > 0 ? t('signIn.resendIn', { s: wait }) : t('signIn.resend')}
          </button>
          <button
            type="button"
            class="btn ghost small"
            onClick={() => {
              setChallenge(null)
              setNotice('')
            }}
          >
            {t('signIn.otherPhone')}
          </button>
        </div>
      )}
    </form>
  )
}

export function SignIn() {
  const [method, setMethod] = useState<'password' | 'sms'>('password')
  const [smsAvailable, setSmsAvailable] = useState(false)
  useEffect(() => {
    document.title = t('page.title', { page: t('app.console') })
  }, [lang.value])
  useEffect(() => {
    admin.plugins().then(
      ({ plugins }) => setSmsAvailable(plugins.some((p) => p.id === 'sms-otp')),
      () => setSmsAvailable(false),
    )
  }, [])
  return (
    <main class="auth">
      <div>
        <div class="card">
          <Logo size={36} />
          <h1>{t('signIn.title')}</h1>
          <p class="muted" style={{ margin: '0 0 20px' }}>
            {t('signIn.subtitle')}
          </p>
          {smsAvailable && (
            <div class="segmented" role="group" style={{ marginBottom: '18px' }}>
              <button
                type="button"
                aria-pressed={method === 'password'}
                onClick={() => setMethod('password')}
              >
                {t('signIn.password')}
              </button>
              <button
                type="button"
                aria-pressed={method === 'sms'}
                onClick={() => setMethod('sms')}
              >
                {t('signIn.smsCode')}
              </button>
            </div>
          )}
          {method === 'password' ? <PasswordForm /> : <SmsForm />}
          <p class="muted" style={{ fontSize: '12.5px', margin: '18px 0 0' }}>
            {t('signIn.firstRun')}
          </p>
        </div>
        <div class="lang">
          <button
            class="btn ghost small"
            onClick={() => setLang(lang.value === 'ru' ? 'en' : 'ru')}
          >
            {lang.value === 'ru' ? 'English' : 'Русский'}
          </button>
        </div>
      </div>
    </main>
  )
}
