import { can } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import { localName, permissionText, roleDescription, roleName, t } from '../i18n/index.ts'
import { Badge, Empty, PageHead } from '../ui/components.tsx'
import { DataTable, ListBody } from '../ui/list.tsx'
import { useLoad } from '../ui/use-load.ts'
import { useAppTypes } from './roles.tsx'

export function RolesList() {
  const roles = useLoad(() => admin.roles.list(), [])
  const types = useAppTypes()
  const typeName = (id: string) => {
    const type = types.data?.find((p) => p.id === id)
    return type ? localName(type) : id
  }
  return (
    <>
      <PageHead
        title={t('roles.title')}
        subtitle={t('roles.subtitle')}
        actions={
          can('roles:write') && (
            <a class="btn primary" href="/admin/roles/new">
              {t('roles.add')}
            </a>
          )
        }
      />
      <div class="card">
        <ListBody list={roles} empty={<Empty icon="roles" title={t('roles.empty')} />}>
          <DataTable
            items={roles.data?.items}
            skeletonRows={3}
            columns={[
              { label: t('roles.name') },
              { label: t('roles.apps') },
              { label: t('roles.permissions'), class: 'hide-sm' },
            ]}
            row={(role) => (
              <tr key={role.id}>
                <td>
                  <a href={`/admin/roles/${role.id}`}>
                    <strong>{roleName(role)}</strong>
                  </a>{' '}
                  {role.builtin && <Badge plain>{t('common.builtin')}</Badge>}
                  <div class="sub">{roleDescription(role)}</div>
                </td>
                <td>
                  <div class="chips">
                    {role.appTypes.map((id) => (
                      <Badge key={id} tone="blue" plain>
                        {typeName(id)}
                      </Badge>
                    ))}
                  </div>
                </td>
                <td class="hide-sm sub">
                  {role.permissions.length
                    ? role.permissions.map(permissionText).join(', ')
                    : t('common.none')}
                </td>
              </tr>
            )}
          />
        </ListBody>
      </div>
    </>
  )
}
