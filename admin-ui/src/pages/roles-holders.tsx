import { can } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import { formatPhone, t } from '../i18n/index.ts'
import { CardHead, Empty, StatusBadge } from '../ui/components.tsx'
import { DataTable, ListBody, ListPager, usePagedList } from '../ui/list.tsx'

/** The people who hold a role, a page at a time, with the way to all of them in People. */
export function RoleHolders({ roleId }: { roleId: string }) {
  const { list, pager } = usePagedList(
    (cursor) => admin.users.list({ roleId, cursor, limit: 10 }),
    [roleId],
  )
  if (!can('users:read')) return null
  return (
    <section class="card">
      <CardHead
        title={t('holders.title')}
        actions={
          <a class="btn small" href={`/admin/people?role=${encodeURIComponent(roleId)}`}>
            {t('holders.all')}
          </a>
        }
      />
      <ListBody list={list} empty={<Empty icon="people" title={t('holders.none')} />}>
        <DataTable
          busy={list.loading}
          items={list.data?.items}
          skeletonRows={3}
          columns={[
            { label: t('people.name') },
            { label: t('people.login') },
            { label: t('people.status') },
          ]}
          row={(user) => (
            <tr key={user.id}>
              <td>
                <a href={`/admin/people/${user.id}`}>
                  <strong>{user.displayName}</strong>
                </a>
              </td>
              <td>
                <div>{formatPhone(user.phone)}</div>
                <div class="sub">{user.email}</div>
              </td>
              <td>
                <StatusBadge prefix="status" value={user.status} />
              </td>
            </tr>
          )}
        />
      </ListBody>
      <ListPager list={list} pager={pager} />
    </section>
  )
}
