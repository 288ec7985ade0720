import { admin, type UserDetail } from '../../api/endpoints.ts'
import { appName, localName, roleName, t } from '../../i18n/index.ts'
import { CardHead, ErrorBox, Loading } from '../../ui/components.tsx'
import { useLoad } from '../../ui/use-load.ts'

/**
 * "Can enter these apps" (R7): the apps of the app types the person's roles grant, worked out
 * by the server the way sign-in decides, so the admin does not follow roles → types → apps.
 */
export function AccessCard({ user }: { user: UserDetail }) {
  const access = useLoad(() => admin.users.access(user.id), [user.id, user.roleIds.join()])
  const types = useLoad(() => admin.appTypes().then((r) => r.items), [])
  const typeName = (id: string) => {
    const type = types.data?.find((x) => x.id === id)
    return type ? localName(type) : id
  }
  const rolesNamed = (ids: string[]) =>
    ids
      .map((id) => {
        const role = user.roles.find((r) => r.id === id)
        return role ? roleName(role) : id
      })
      .join(', ')
  const data = access.data
  return (
    <section class="card">
      <CardHead title={t('access.title')} hint={t('access.hint')} />
      <div class="body stack">
        {access.error ? <ErrorBox error={access.error} onRetry={access.reload} /> : null}
        {!data && !access.error ? <Loading /> : null}
        {data && !data.canSignIn ? (
          <p class="muted" style={{ margin: 0 }}>
            {t('access.notActive')}
          </p>
        ) : null}
        {data && data.appTypes.length === 0 ? (
          <p class="muted" style={{ margin: 0 }}>
            {t('access.none')}
          </p>
        ) : null}
        {data && data.appTypes.length > 0 && data.apps.length === 0 ? (
          <p class="muted" style={{ margin: 0 }}>
            {t('access.noApps', { types: data.appTypes.map((x) => typeName(x.id)).join(', ') })}
          </p>
        ) : null}
        {data && data.apps.length > 0 ? (
          <ul class="access-list">
            {data.apps.map((app) => (
              <li key={app.id}>
                <a href={`/admin/apps/${encodeURIComponent(app.id)}`}>
                  <strong>{appName(app)}</strong>
                </a>{' '}
                <span class="badge plain">{typeName(app.type)}</span>{' '}
                {!app.enabled && <span class="badge amber">{t('access.disabled')}</span>}
                <div class="sub">{t('access.via', { roles: rolesNamed(app.viaRoleIds) })}</div>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  )
}
