import { useEffect } from 'preact/hooks'
import { explainSignIn } from '../auth/password-form.tsx'
import { goToHostedSignIn } from '../auth/hosted-sign-in.ts'
import { isLeaving } from '../auth/navigation.ts'
import { lang, setLang, t } from '../i18n/index.ts'
import { Loading } from '../ui/components.tsx'
import { Logo } from '../ui/icons.tsx'

/** What went wrong on the way back from the hosted pages, in words. */
function problemText(problem: unknown): string {
  if (problem === 'access_denied') return t('signIn.noAccess')
  if (typeof problem === 'string') return t('signIn.returnFailed')
  return explainSignIn(problem)
}

/**
 * Signed out: the console signs in on the hosted pages, like any app (password, SMS code… as
 * the `admin-console` app allows). Without a problem to tell, it goes there at once; after a
 * refused return (no access, a failed redemption) it says why and waits for the admin, so a
 * refusal cannot turn into a redirect loop.
 */
export function SignIn(props: { problem?: unknown }) {
  const { problem } = props
  useEffect(() => {
    document.title = t('page.title', { page: t('app.console') })
  }, [lang.value])
  useEffect(() => {
    if (problem === undefined && !isLeaving()) void goToHostedSignIn()
  }, [problem])
  if (problem === undefined) {
    return (
      <main class="auth" aria-busy="true">
        <Loading />
        <p class="muted">{t('signIn.redirecting')}</p>
      </main>
    )
  }
  return (
    <main class="auth">
      <div>
        <div class="card">
          <Logo size={36} />
          <h1>{t('signIn.title')}</h1>
          <p class="muted" style={{ margin: '0 0 20px' }}>
            {t('signIn.subtitle')}
          </p>
          <div class="alert" role="alert">
            {problemText(problem)}
          </div>
          <button
            class="btn primary"
            type="button"
            style={{ marginTop: '18px', width: '100%' }}
            // No access with this account: ask afresh rather than reuse the SSO session.
            onClick={() => void goToHostedSignIn({ fresh: problem === 'access_denied' })}
          >
            {problem === 'access_denied' ? t('signIn.otherAccount') : t('signIn.submit')}
          </button>
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
