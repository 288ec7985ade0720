import { signal } from '@preact/signals'
import { useEffect, useRef } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { can, endSession, session } from './api/client.ts'
import { lang, setLang, t, type MessageKey } from './i18n/index.ts'
import { Icon, Logo } from './ui/icons.tsx'

export const base = '/admin'

/** Whether this server has a console-delivery outbox (local development installs only). */
export const outboxAvailable = signal(false)

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

/**
 * The menu. At desktop width it is a column beside the page; at phone width a drawer that, while
 * closed, is inert (its links are out of the tab order and hidden from screen readers).
 */
export function Sidebar({ onNavigate, hidden }: { onNavigate: () => void; hidden: boolean }) {
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    if (ref.current) ref.current.inert = hidden
  }, [hidden])
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
    <aside ref={ref} id="menu" class="sidebar" aria-label={t('nav.menu')}>
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
