import { admin } from '../api/endpoints.ts'
import { appName, errorText, formatDateTime, formatPhone, purposeText, t } from '../i18n/index.ts'
import { providerChoices, providerName } from '../ui/plugin-names.ts'
import { Empty, PageHead, StatusBadge } from '../ui/components.tsx'
import { DateRangeFilters, FilterBar, SelectFilter, TextFilter } from '../ui/filter-bar.tsx'
import { localToIso, useUrlFilters } from '../ui/filters.tsx'
import { DataTable, ListBody, ListPager, usePagedList } from '../ui/list.tsx'

const keys = ['channel', 'status', 'provider', 'recipient', 'from', 'to'] as const

export function Deliveries() {
  const filters = useUrlFilters(keys)
  const f = filters.applied
  const { list: log, pager } = usePagedList(
    (cursor) =>
      admin.deliveries({
        channel: f.channel,
        status: f.status,
        provider: f.provider,
        recipient: f.recipient,
        from: localToIso(f.from),
        to: localToIso(f.to),
        cursor,
        limit: 50,
      }),
    [JSON.stringify(f)],
  )
  return (
    <>
      <PageHead title={t('deliveries.title')} subtitle={t('deliveries.subtitle')} />
      <div class="card">
        <FilterBar filters={filters}>
          <SelectFilter
            filters={filters}
            field="channel"
            label={t('deliveries.channel')}
            anyLabel={t('deliveries.anyChannel')}
            options={(['sms', 'email', 'call'] as const).map((c) => [c, t(`channel.${c}`)])}
          />
          <SelectFilter
            filters={filters}
            field="status"
            label={t('deliveries.status')}
            anyLabel={t('deliveries.anyStatus')}
            options={(['queued', 'sent', 'delivered', 'failed'] as const).map((s) => [
              s,
              t(`dstatus.${s}`),
            ])}
          />
          <SelectFilter
            filters={filters}
            field="provider"
            label={t('deliveries.provider')}
            anyLabel={t('deliveries.anyProvider')}
            options={providerChoices()}
          />
          <TextFilter
            filters={filters}
            field="recipient"
            label={t('deliveries.recipient')}
            placeholder={t('deliveries.recipientHint')}
            grow
          />
          <DateRangeFilters filters={filters} />
        </FilterBar>
        <ListBody list={log} empty={<Empty icon="deliveries" title={t('deliveries.empty')} />}>
          <DataTable
            busy={log.loading}
            items={log.data?.items}
            columns={[
              { label: t('deliveries.time') },
              { label: t('deliveries.channel') },
              { label: t('deliveries.recipient') },
              { label: t('deliveries.purpose'), class: 'hide-sm' },
              { label: t('deliveries.provider'), class: 'hide-sm' },
              { label: t('deliveries.status') },
            ]}
            row={(item) => (
              <tr key={item.id}>
                <td class="sub" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(item.createdAt)}
                </td>
                <td>{t(`channel.${item.channel}`)}</td>
                <td class="mono nowrap">{formatPhone(item.recipient)}</td>
                <td class="hide-sm">
                  {purposeText(item.purpose)}
                  {item.appId && (
                    <div class="sub" title={item.appId}>
                      {appName({ id: item.appId, name: item.appName ?? item.appId })}
                    </div>
                  )}
                </td>
                <td class="hide-sm">{providerName(item.provider)}</td>
                <td>
                  <StatusBadge prefix="dstatus" value={item.status} />
                  {(item.errorCode || item.errorMessage) && (
                    <div class="sub" style={{ color: 'var(--danger)' }}>
                      {item.errorCode
                        ? errorText(item.errorCode, item.errorMessage ?? item.errorCode)
                        : item.errorMessage}
                    </div>
                  )}
                </td>
              </tr>
            )}
          />
        </ListBody>
        <ListPager list={log} pager={pager} />
      </div>
    </>
  )
}
