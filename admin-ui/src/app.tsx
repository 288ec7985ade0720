import { useEffect, useRef, useState } from 'preact/hooks'
import { LocationProvider, Route, Router, useLocation } from 'preact-iso'
import { refresh, session } from './api/client.ts'
import { finishHostedSignIn } from './auth/hosted-sign-in.ts'
import { admin } from './api/endpoints.ts'
import { t } from './i18n/index.ts'
import { base, outboxAvailable, Sidebar } from './nav.tsx'
import { ConfirmHost } from './ui/dialog.tsx'
import { Icon, Logo } from './ui/icons.tsx'
import { SessionExpired } from './ui/session-expired.tsx'
import { useMedia } from './ui/use-media.ts'
import { Loading } from './ui/components.tsx'
import { Toasts } from './ui/toast.tsx'
import { SignIn } from './pages/sign-in.tsx'
import { Dashboard } from './pages/dashboard.tsx'
import { PeopleList } from './pages/people/list.tsx'
import { CreatePerson } from './pages/people/create.tsx'
import { ImportPeople } from './pages/people/import.tsx'
import { Person } from './pages/people/person.tsx'
import { RoleEditor } from './pages/roles.tsx'
import { RolesList } from './pages/roles-list.tsx'
import { AppsList } from './pages/apps.tsx'
import { AppEditor } from './pages/app-editor.tsx'
import { Plugins } from './pages/plugins.tsx'
import { Deliveries } from './pages/deliveries.tsx'
import { AuditLog } from './pages/audit.tsx'
import { Outbox } from './pages/outbox.tsx'
import { NotFound } from './pages/not-found.tsx'

/** The width at which the menu becomes a drawer (styles.css uses the same). */
const phoneWidth = '(max-width: 860px)'

function Shell() {
  const [open, setOpen] = useState(false)
  const phone = useMedia(phoneWidth)
  const menuButton = useRef<HTMLButtonElement>(null)
  const { path } = useLocation()
  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) menuButton.current?.focus()
  }
  useEffect(() => {
    // After a client-side navigation, start reading at the new page (screen readers, keyboard).
    const main = document.getElementById('main')
    if (main && document.activeElement && document.activeElement !== document.body) {
      main.focus({ preventScroll: true })
    }
    window.scrollTo(0, 0)
  }, [path])
  useEffect(() => {
    admin.outbox({ limit: 1 }).then(
      () => (outboxAvailable.value = true),
      () => (outboxAvailable.value = false),
    )
  }, [])
  const drawerOpen = phone && open
  useEffect(() => {
    if (drawerOpen) document.querySelector<HTMLElement>('#menu a')?.focus()
  }, [drawerOpen])
  return (
    <div
      class={`layout ${drawerOpen ? 'open' : ''}`}
      onKeyDown={(event) => {
        // Esc closes the drawer, as it closes a dialog; focus goes back to the menu button.
        if (drawerOpen && event.key === 'Escape') close(true)
      }}
    >
      <a class="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header class="topbar">
        <button
          ref={menuButton}
          aria-label={t('nav.menu')}
          aria-expanded={drawerOpen}
          aria-controls="menu"
          onClick={() => setOpen(!open)}
        >
          <Icon name={drawerOpen ? 'close' : 'menu'} size={22} />
        </button>
        <Logo size={24} />
        {t('app.name')}
      </header>
      <Sidebar onNavigate={() => setOpen(false)} hidden={phone && !open} />
      {drawerOpen && <div class="backdrop" onClick={() => close(true)} />}
      <main id="main" class="main" tabIndex={-1}>
        <Router>
          <Route path={base} component={Dashboard} />
          <Route path={`${base}/`} component={Dashboard} />
          <Route path={`${base}/people`} component={PeopleList} />
          <Route path={`${base}/people/new`} component={CreatePerson} />
          <Route path={`${base}/people/import`} component={ImportPeople} />
          <Route path={`${base}/people/:id`} component={Person} />
          <Route path={`${base}/roles`} component={RolesList} />
          <Route path={`${base}/roles/:id`} component={RoleEditor} />
          <Route path={`${base}/apps`} component={AppsList} />
          <Route path={`${base}/apps/:id`} component={AppEditor} />
          <Route path={`${base}/plugins`} component={Plugins} />
          <Route path={`${base}/deliveries`} component={Deliveries} />
          <Route path={`${base}/audit`} component={AuditLog} />
          <Route path={`${base}/outbox`} component={Outbox} />
          <Route default component={NotFound} />
        </Router>
      </main>
      <SessionExpired />
    </div>
  )
}

function Gate() {
  const { route } = useLocation()
  const [problem, setProblem] = useState<unknown>(undefined)
  useEffect(() => {
    void (async () => {
      // Back from the hosted pages with a code (or a refusal); else a reload, where the cookie
      // (if any) gets a new access token without asking again.
      const back = await finishHostedSignIn()
      if (back) {
        route(back.returnTo, true)
        if (back.status === 'signed-in') return
        setProblem(back.problem)
      }
      if (session.value === undefined) await refresh()
    })()
  }, [])
  if (session.value === undefined) {
    return (
      <div class="auth">
        <Loading />
      </div>
    )
  }
  return session.value ? <Shell /> : <SignIn problem={problem} />
}

export function App() {
  return (
    <LocationProvider>
      <Gate />
      <ConfirmHost />
      <Toasts />
    </LocationProvider>
  )
}
