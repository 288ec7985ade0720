import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { can } from '../../api/client.ts'
import { admin } from '../../api/endpoints.ts'
import type { Role, User, UserKind, UserStatus } from '../../api/types.ts'
import { formatDateTime, formatPhone, roleName, t } from '../../i18n/index.ts'
import { Empty, PageHead, StatusBadge } from '../../ui/components.tsx'
import { Icon } from '../../ui/icons.tsx'
import { DataTable, ListBody, ListPager, usePagedList } from '../../ui/list.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { BulkBar } from './bulk-bar.tsx'
import { ExportButton } from '../../ui/export-button.tsx'

/** Role names for chips; loaded once per visit. */
export function useRoles() {
  return useLoad(() => admin.roles.list().then((r) => r.items), [])
}

export function roleNames(user: Pick<User, 'roleIds'>, roles: Role[] | undefined): string[] {
  return user.roleIds.map((id) => {
    const role = roles?.find((r) => r.id === id)
    return role ? roleName(role) : id
  })
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

export function PeopleList() {
  const location = useLocation()
  const query = location.query
  const kind: UserKind = query.kind === 'customer' ? 'customer' : 'employee'
  const [q, setQ] = useState(query.q ?? '')
  const [status, setStatus] = useState<UserStatus | ''>((query.status as UserStatus) ?? '')
  const [roleId, setRoleId] = useState(query.role ?? '')
  const search = useDebounced(q.trim(), 250)
  const roles = useRoles()
  // A search looks through both directories: an admin looking for a phone rarely knows which.
  const filters = { kind: search ? undefined : kind, q: search, status, roleId }
  const { list, pager } = usePagedList(
    (cursor) => admin.users.list({ ...filters, cursor, limit: 25 }),
    [kind, search, status, roleId],
  )
  const [selected, setSelected] = useState(new Map<string, User>())
  useEffect(() => setSelected(new Map()), [kind, search, status, roleId])
  const writable = can('users:write')
  const toggle = (user: User, on: boolean) => {
    const next = new Map(selected)
    if (on) next.set(user.id, user)
    else next.delete(user.id)
    setSelected(next)
  }
  const items = list.data?.items ?? []
  const allSelected = items.length > 0 && items.every((u) => selected.has(u.id))
  const selectAll = (on: boolean) => {
    const next = new Map(selected)
    for (const user of items) {
      if (on) next.set(user.id, user)
      else next.delete(user.id)
    }
    setSelected(next)
  }

  useEffect(() => {
    // Filters live in the URL, so a filtered list can be bookmarked and shared.
    const params = new URLSearchParams()
    if (kind === 'customer') params.set('kind', kind)
    if (search) params.set('q', search)
    if (status) params.set('status', status)
    if (roleId) params.set('role', roleId)
    const url = `/admin/people${params.size ? `?${params}` : ''}`
    if (url !== location.url) history.replaceState(null, '', url)
  }, [kind, search, status, roleId])
  const filtered = Boolean(search || status || roleId)
  const open = (user: User) => location.route(`/admin/people/${user.id}`)

  return (
    <>
      <PageHead
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        actions={
          <>
            <ExportButton
              name={{ en: 'people', ru: 'люди' }}
              load={(language) => admin.users.export({ ...filters, lang: language })}
            />
            {writable && (
              <>
                <a class="btn" href="/admin/people/import">
                  <Icon name="upload" size={16} />
                  {t('people.import')}
                </a>
                <a class="btn primary" href={`/admin/people/new?kind=${kind}`}>
                  <Icon name="plus" size={16} />
                  {t('people.add')}
                </a>
              </>
            )}
          </>
        }
      />
      <div class="tabs" role="tablist">
        {(['employee', 'customer'] as const).map((k) => (
          <a
            key={k}
            role="tab"
            aria-selected={kind === k}
            href={k === 'customer' ? '/admin/people?kind=customer' : '/admin/people'}
          >
            {t(k === 'employee' ? 'people.employees' : 'people.customers')}
          </a>
        ))}
      </div>
      <div class="card">
        <div class="toolbar" role="search">
          <input
            class="search"
            type="search"
            aria-label={t('people.search')}
            placeholder={t('people.search')}
            value={q}
            onInput={(e) => setQ((e.target as HTMLInputElement).value)}
          />
          <select
            aria-label={t('people.status')}
            value={status}
            onChange={(e) => setStatus((e.target as HTMLSelectElement).value as UserStatus | '')}
          >
            <option value="">{t('people.anyStatus')}</option>
            <option value="active">{t('status.active')}</option>
            <option value="invited">{t('status.invited')}</option>
            <option value="blocked">{t('status.blocked')}</option>
          </select>
          <select
            aria-label={t('people.role')}
            value={roleId}
            onChange={(e) => setRoleId((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('people.anyRole')}</option>
            {roles.data?.map((role) => (
              <option key={role.id} value={role.id}>
                {roleName(role)}
              </option>
            ))}
          </select>
        </div>
        {search ? <p class="toolbar-note muted">{t('people.searchAll')}</p> : null}
        {selected.size > 0 && (
          <BulkBar
            selected={[...selected.values()]}
            roles={roles.data}
            onClear={() => setSelected(new Map())}
            onDone={() => {
              setSelected(new Map())
              list.reload()
            }}
          />
        )}
        <ListBody
          list={list}
          empty={
            filtered ? (
              <Empty icon="search" title={t('people.noMatch')} text={t('people.noMatchText')} />
            ) : (
              <Empty icon="people" title={t('people.empty')} text={t('people.emptyText')}>
                {can('users:write') && (
                  <a class="btn primary" href={`/admin/people/new?kind=${kind}`}>
                    {t('people.add')}
                  </a>
                )}
              </Empty>
            )
          }
        >
          <DataTable
            busy={list.loading}
            items={list.data?.items}
            columns={[
              ...(writable
                ? [
                    {
                      label: t('people.selectAll'),
                      class: 'select-cell',
                      head: (
                        <input
                          type="checkbox"
                          aria-label={t('people.selectAll')}
                          checked={allSelected}
                          onChange={(e) => selectAll((e.target as HTMLInputElement).checked)}
                        />
                      ),
                    },
                  ]
                : []),
              { label: t('people.name') },
              ...(search ? [{ label: t('people.kind') }] : []),
              { label: t('people.login') },
              { label: t('people.roles'), class: 'hide-sm' },
              { label: t('people.status') },
              { label: t('people.lastSignIn'), class: 'hide-sm' },
            ]}
            row={(user) => (
              <tr key={user.id} class="link" onClick={() => open(user)}>
                {writable && (
                  <td class="select-cell" onClick={(e) => e.stopPropagation()}>
                    <input
                      type="checkbox"
                      aria-label={t('people.select', { name: user.displayName })}
                      checked={selected.has(user.id)}
                      onChange={(e) => toggle(user, (e.target as HTMLInputElement).checked)}
                    />
                  </td>
                )}
                <td>
                  <a href={`/admin/people/${user.id}`} onClick={(e) => e.stopPropagation()}>
                    <strong>{user.displayName}</strong>
                  </a>
                </td>
                {search ? <td>{t(`kind.${user.kind}`)}</td> : null}
                <td>
                  <div>{formatPhone(user.phone)}</div>
                  <div class="sub">{user.email}</div>
                </td>
                <td class="hide-sm">
                  <div class="chips">
                    {roleNames(user, roles.data).map((name) => (
                      <span key={name} class="badge plain">
                        {name}
                      </span>
                    ))}
                  </div>
                </td>
                <td>
                  <StatusBadge prefix="status" value={user.status} />
                </td>
                <td class="hide-sm sub">
                  {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('people.never')}
                </td>
              </tr>
            )}
          />
        </ListBody>
        <ListPager list={list} pager={pager} />
      </div>
    </>
  )
}
