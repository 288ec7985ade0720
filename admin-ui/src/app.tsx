import { signal } from '@preact/signals'
import { useEffect, useState } from 'preact/hooks'
import { LocationProvider, Route, Router, useLocation } from 'preact-iso'
import { can, endSession, refresh, session } from './api/client.ts'
import { admin } from './api/endpoints.ts'
import { lang, setLang, t, type MessageKey } from './i18n/index.ts'
import { ConfirmHost } from './ui/dialog.tsx'
import { Icon, Logo } from './ui/icons.tsx'
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

export const base = '/admin'

/** Whether this server has a console-delivery outbox (local development installs only). */
const outboxAvailable = signal(false)

interface NavItem {
  href: string
  label: MessageKey
  icon: string
  permission?: string
  exact?: boolean
}

const sections: Array<{ title?: MessageKey; items: NavItem[] }> = [
  { items: [{ href: base, label: 'nav.dashboard', icon: 'dashboard', exact: true }] },
  {
    title: 'nav.directory',
    items: [
      { href: `${base}/people`, label: 'nav.people', icon: 'people', permission: 'users:read' },
    ],
  },
  {
    title: 'nav.access',
    items: [
      { href: `${base}/roles`, label: 'nav.roles', icon: 'roles', permission: 'roles:read' },
      { href: `${base}/apps`, label: 'nav.apps', icon: 'apps', permission: 'apps:read' },
      {
        href: `${base}/plugins`,
        label: 'nav.plugins',
        icon: 'plugins',
        permission: 'settings:read',
      },
    ],
  },
  {
    title: 'nav.activity',
    items: [
      {
        href: `${base}/deliveries`,
        label: 'nav.deliveries',
        icon: 'deliveries',
        permission: 'audit:read',
      },
      { href: `${base}/audit`, label: 'nav.audit', icon: 'audit', permission: 'audit:read' },
    ],
  },
]

function LangSwitch() {
  return (
    <select
      aria-label={t('me.language')}
      value={lang.value}
      onChange={(e) => setLang((e.target as HTMLSelectElement).value as 'en' | 'ru')}
    >
      <option value="ru">Русский</option>
      <option value="en">English</option>
    </select>
  )
}

function Sidebar({ onNavigate }: { onNavigate: () => void }) {
  const { path } = useLocation()
  const me = session.value
  const current = (item: NavItem) =>
    item.exact ? path === item.href || path === `${item.href}/` : path.startsWith(item.href)
  const link = (item: NavItem) => (
    <a
      key={item.href}
      href={item.href}
      aria-current={current(item) ? 'page' : undefined}
      onClick={onNavigate}
    >
      <Icon name={item.icon} />
      {t(item.label)}
    </a>
  )
  return (
    <aside class="sidebar" aria-label={t('nav.menu')}>
      <div class="brand">
        <Logo />
        <span>{t('app.name')}</span>
      </div>
      <nav class="nav">
        {sections.map((section) => {
          const items = section.items.filter((i) => !i.permission || can(i.permission))
          if (!items.length) return null
          return (
            <div key={section.title ?? 'top'}>
              {section.title && <div class="section">{t(section.title)}</div>}
              {items.map(link)}
            </div>
          )
        })}
        {outboxAvailable.value && (
          <div>
            <div class="section">{t('nav.local')}</div>
            {link({ href: `${base}/outbox`, label: 'nav.outbox', icon: 'outbox' })}
          </div>
        )}
      </nav>
      <div class="spacer" />
      <div class="me">
        <strong>{me?.user.displayName}</strong>
        <span>{me?.user.email ?? me?.user.phone}</span>
        <div class="row">
          <LangSwitch />
          <button onClick={() => void endSession()}>{t('me.signOut')}</button>
        </div>
      </div>
    </aside>
  )
}

function Shell() {
  const [open, setOpen] = useState(false)
  const { path } = useLocation()
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
  return (
    <div class={`layout ${open ? 'open' : ''}`}>
      <a class="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header class="topbar">
        <button aria-label={t('nav.menu')} aria-expanded={open} onClick={() => setOpen(!open)}>
          <Icon name="menu" size={22} />
        </button>
        <Logo size={24} />
        {t('app.name')}
      </header>
      <Sidebar onNavigate={() => setOpen(false)} />
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
    </div>
  )
}

function Gate() {
  useEffect(() => {
    // A reload: the cookie (if any) gets us a new access token without asking again.
    if (session.value === undefined) void refresh()
  }, [])
  if (session.value === undefined) {
    return (
      <div class="auth">
        <Loading />
      </div>
    )
  }
  return session.value ? <Shell /> : <SignIn />
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
