import { can } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import { appName, localName, methodText, t } from '../i18n/index.ts'
import { CardHead, Badge, Empty, PageHead } from '../ui/components.tsx'
import { DataTable, ListBody } from '../ui/list.tsx'
import { useLoad } from '../ui/use-load.ts'
import { RegisterAppCta, useAppTypes } from './roles.tsx'

export function AppsList() {
  const apps = useLoad(() => admin.apps.list(), [])
  const types = useAppTypes()
  const typeName = (id: string) => {
    const type = types.data?.find((p) => p.id === id)
    return type ? localName(type) : id
  }
  // A fresh install has only the console itself: point at the app types people sign in to.
  const onlyConsole = apps.data?.items.every((app) => app.type === 'admin-console') ?? false
  const unregistered = types.data?.filter((type) => type.registeredApps === 0) ?? []
  return (
    <>
      <PageHead
        title={t('apps.title')}
        subtitle={t('apps.subtitle')}
        actions={
          can('apps:write') && (
            <a class="btn primary" href="/admin/apps/new">
              {t('apps.add')}
            </a>
          )
        }
      />
      <div class="card">
        <ListBody list={apps} empty={<Empty icon="apps" title={t('apps.empty')} />}>
          <DataTable
            items={apps.data?.items}
            skeletonRows={3}
            columns={[
              { label: t('apps.name') },
              { label: t('apps.type') },
              { label: t('apps.methods'), class: 'hide-sm' },
              { label: t('people.status') },
            ]}
            row={(app) => (
              <tr key={app.id}>
                <td>
                  <a href={`/admin/apps/${app.id}`}>
                    <strong>{appName(app)}</strong>
                  </a>
                  <div class="sub mono">{app.id}</div>
                </td>
                <td>
                  {typeName(app.type)}
                  <div class="sub">{app.hasSecret ? t('apps.hasSecret') : t('apps.public')}</div>
                </td>
                <td class="hide-sm">
                  <div class="chips">
                    {app.signInMethods.map((m) => (
                      <Badge key={m} plain>
                        {methodText(m)}
                      </Badge>
                    ))}
                  </div>
                </td>
                <td>
                  <Badge tone={app.enabled ? 'green' : 'red'}>
                    {app.enabled ? t('common.enabled') : t('common.disabled')}
                  </Badge>
                </td>
              </tr>
            )}
          />
        </ListBody>
      </div>
      {onlyConsole && unregistered.length > 0 && (
        <section class="card" style={{ marginTop: '16px' }}>
          <CardHead title={t('apps.getStarted')} hint={t('apps.getStartedHint')} />
          <div class="body stack">
            {unregistered.map((type) => (
              <RegisterAppCta key={type.id} type={type} named />
            ))}
          </div>
        </section>
      )}
    </>
  )
}
