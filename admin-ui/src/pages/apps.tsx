import { can } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import { t } from '../i18n/index.ts'
import { Badge, Empty, ErrorBox, PageHead, SkeletonRows } from '../ui/components.tsx'
import { useLoad } from '../ui/use-load.ts'
import { useAppTypes } from './roles.tsx'

export function AppsList() {
  const apps = useLoad(() => admin.apps.list(), [])
  const types = useAppTypes()
  const typeName = (id: string) => types.data?.find((p) => p.id === id)?.name ?? id
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
        {apps.error ? (
          <div class="body">
            <ErrorBox error={apps.error} onRetry={apps.reload} />
          </div>
        ) : apps.data?.items.length === 0 ? (
          <Empty icon="apps" title={t('apps.empty')} />
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t('apps.name')}</th>
                  <th>{t('apps.type')}</th>
                  <th class="hide-sm">{t('apps.methods')}</th>
                  <th>{t('people.status')}</th>
                </tr>
              </thead>
              <tbody>
                {!apps.data ? (
                  <SkeletonRows columns={4} rows={3} />
                ) : (
                  apps.data.items.map((app) => (
                    <tr key={app.id}>
                      <td>
                        <a href={`/admin/apps/${app.id}`}>
                          <strong>{app.name}</strong>
                        </a>
                        <div class="sub mono">{app.id}</div>
                      </td>
                      <td>
                        {typeName(app.type)}
                        <div class="sub">
                          {app.hasSecret ? t('apps.hasSecret') : t('apps.public')}
                        </div>
                      </td>
                      <td class="hide-sm">
                        <div class="chips">
                          {app.signInMethods.map((m) => (
                            <Badge key={m} plain>
                              {m}
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
                  ))
                )}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  )
}
