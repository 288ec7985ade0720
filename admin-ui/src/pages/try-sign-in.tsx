import { useState } from 'preact/hooks'
import { api, ApiFailure } from '../api/client.ts'
import type { App } from '../api/types.ts'
import { errorText, formatDateTime, formatPhone, methodText, t } from '../i18n/index.ts'
import { Field } from '../ui/components.tsx'
import { userName } from '../ui/names.ts'
import { TextInput } from '../ui/inputs.tsx'

/**
 * Local mode only: sign in to THIS app as one of its people, through the same public endpoints
 * the app itself calls (POST /v1/sign-in/start, /v1/auth/<method>/...), so an admin can check
 * roles and methods without building the app. The tokens of a success are read for display
 * (who, which app, until when) and then dropped: nothing is stored.
 */

interface Start {
  loginKind: 'phone' | 'email'
  normalizedLogin: string
  methods: string[]
}

interface Challenge {
  challengeId: string
  channel: 'sms' | 'email' | 'call'
  codeLength: number
  sentTo: string
}

type Outcome =
  | { kind: 'signed-in'; userId: string; appId: string; expiresAt: string; sessionId: string }
  | { kind: 'password-required' }
  | { kind: 'refused'; code: string; message: string }

/** The claims of an access token, read without verifying: for display only. */
function claimsOf(jwt: string): { sub?: string; aud?: string | string[]; exp?: number } {
  try {
    const part = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')
    return JSON.parse(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '='))) as never
  } catch {
    return {}
  }
}

function outcomeOf(body: Record<string, unknown>, app: App): Outcome {
  if (body.status === 'password_required') return { kind: 'password-required' }
  const claims = claimsOf(String(body.access_token ?? ''))
  const expiresIn = Number(body.expires_in ?? 0)
  return {
    kind: 'signed-in',
    userId: claims.sub ?? '',
    appId: (Array.isArray(claims.aud) ? claims.aud[0] : claims.aud) ?? app.id,
    expiresAt: new Date(
      claims.exp ? claims.exp * 1000 : Date.now() + expiresIn * 1000,
    ).toISOString(),
    sessionId: String(body.session_id ?? ''),
  }
}

const post = (path: string, body: Record<string, unknown>) =>
  api<Record<string, unknown>>(path, { method: 'POST', body, anonymous: true })

function Result({ outcome, app, method }: { outcome: Outcome; app: App; method: string }) {
  if (outcome.kind === 'refused') {
    return (
      <div class="alert" role="status">
        <strong>{t('try.refused')}</strong> <code>{outcome.code}</code> —{' '}
        {errorText(outcome.code, outcome.message)}
      </div>
    )
  }
  if (outcome.kind === 'password-required') {
    return (
      <div class="alert info" role="status">
        {t('try.passwordRequired')}
      </div>
    )
  }
  return (
    <div class="alert ok" role="status">
      <strong>{t('try.signedIn')}</strong>
      <dl class="dl" style={{ marginTop: '8px' }}>
        <dt>{t('try.person')}</dt>
        <dd>
          <a href={`/admin/people/${outcome.userId}`}>
            {userName(outcome.userId) ?? outcome.userId}
          </a>
        </dd>
        <dt>{t('person.app')}</dt>
        <dd>
          {app.name} <span class="mono sub">{outcome.appId}</span>
        </dd>
        <dt>{t('person.method')}</dt>
        <dd>{methodText(method)}</dd>
        <dt>{t('try.expires')}</dt>
        <dd>{formatDateTime(outcome.expiresAt)}</dd>
      </dl>
    </div>
  )
}

export function TrySignIn({ app }: { app: App }) {
  const [login, setLogin] = useState('')
  const [start, setStart] = useState<Start | null>(null)
  const [method, setMethod] = useState('')
  const [secret, setSecret] = useState('')
  const [password, setPassword] = useState('')
  const [challenge, setChallenge] = useState<Challenge | null>(null)
  const [code, setCode] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [error, setError] = useState<ApiFailure | null>(null)
  const [busy, setBusy] = useState(false)

  /** Runs one call; a refusal is a result to show, not a failure of the panel. */
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (failure) {
      if (!(failure instanceof ApiFailure)) throw failure
      if (failure.fields.length) setError(failure)
      else setOutcome({ kind: 'refused', code: failure.code, message: failure.message })
    } finally {
      setBusy(false)
    }
  }
  const reset = () => {
    setStart(null)
    setMethod('')
    setChallenge(null)
    setPassword('')
    setCode('')
    setOutcome(null)
    setError(null)
  }
  const choose = (next: string) => {
    setMethod(next)
    setChallenge(null)
    setCode('')
    setOutcome(null)
  }
  const begin = () =>
    run(async () => {
      setOutcome(null)
      const answer = (await post('/v1/sign-in/start', {
        login,
        clientId: app.id,
      })) as never as Start
      setStart(answer)
      choose(answer.methods[0] ?? '')
    })
  const signIn = () =>
    run(async () => {
      setOutcome(null)
      const body = await post('/v1/auth/password/sign-in', {
        login,
        password,
        clientId: app.id,
        ...(secret ? { clientSecret: secret } : {}),
      })
      setPassword('')
      setOutcome(outcomeOf(body, app))
    })
  const send = () =>
    run(async () => {
      setOutcome(null)
      const sent = await post(`/v1/auth/${method}/send`, { login, clientId: app.id })
      setChallenge(sent as never as Challenge)
      setCode('')
    })
  const verify = () =>
    run(async () => {
      if (!challenge) return
      setOutcome(null)
      const body = await post(`/v1/auth/${method}/verify`, {
        challengeId: challenge.challengeId,
        code: code.trim(),
        clientId: app.id,
        deviceLabel: 'Propusk console: try sign-in',
      })
      setOutcome(outcomeOf(body, app))
    })

  const submit = (event: Event) => {
    event.preventDefault()
    if (!start) void begin()
    else if (method === 'password') void signIn()
    else if (!challenge) void send()
    else void verify()
  }
  const action = !start
    ? t('try.continue')
    : method === 'password' || challenge
      ? t('signIn.submit')
      : t('signIn.sendCode')

  return (
    <section class="card" style={{ marginTop: '16px' }} aria-labelledby="try-title">
      <header>
        <div>
          <h2 id="try-title">{t('try.title')}</h2>
          <p>{t('try.hint')}</p>
        </div>
        {start && (
          <button type="button" class="btn small ghost" onClick={reset}>
            {t('try.again')}
          </button>
        )}
      </header>
      <form class="body form" onSubmit={submit}>
        <Field label={t('try.login')} error={error?.fieldError('login')}>
          <TextInput
            name="tryLogin"
            autoComplete="off"
            required
            disabled={Boolean(start)}
            value={login}
            onValue={setLogin}
          />
        </Field>
        {start && start.methods.length === 0 && (
          <p class="muted">
            {t('try.noMethods', { kind: t(`try.kind.${start.loginKind}` as const) })}
          </p>
        )}
        {start && start.methods.length > 0 && (
          <fieldset class="field">
            <legend>{t('apps.methods')}</legend>
            <div class="segmented" role="group">
              {start.methods.map((m) => (
                <button key={m} type="button" aria-pressed={method === m} onClick={() => choose(m)}>
                  {methodText(m)}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        {start && method === 'password' && (
          <>
            <Field label={t('signIn.password')} error={error?.fieldError('password')}>
              <TextInput
                name="tryPassword"
                type="password"
                autoComplete="off"
                required
                value={password}
                onValue={setPassword}
              />
            </Field>
            {app.hasSecret && (
              <Field label={t('apps.secret')} hint={t('try.secretHint')}>
                <TextInput
                  name="trySecret"
                  class="mono"
                  autoComplete="off"
                  value={secret}
                  onValue={setSecret}
                />
              </Field>
            )}
          </>
        )}
        {challenge && (
          <>
            <p class="muted" style={{ margin: 0 }}>
              {t('try.codeSent', { to: formatPhone(challenge.sentTo) })}{' '}
              <a href="/admin/outbox" target="_blank" rel="noopener">
                {t('nav.outbox')}
              </a>
            </p>
            <Field label={t('try.code')} error={error?.fieldError('code')}>
              <TextInput
                name="tryCode"
                inputMode="numeric"
                autoComplete="off"
                maxLength={challenge.codeLength}
                required
                value={code}
                onValue={setCode}
              />
            </Field>
          </>
        )}
        {outcome && <Result outcome={outcome} app={app} method={method} />}
        {(!start || method) && (
          <div class="form-actions">
            <button class="btn primary" type="submit" disabled={busy}>
              {action}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}
