import { useEffect } from 'preact/hooks'
import { admin } from '../api/endpoints.ts'
import { errorText, formatDateTime, formatPhone, purposeText, t } from '../i18n/index.ts'
import {
  Empty,
  ErrorBox,
  PageHead,
  Pager,
  SkeletonRows,
  StatusBadge,
  usePager,
} from '../ui/components.tsx'
import { Filter, localToIso, useUrlFilters } from '../ui/filters.tsx'
import { useLoad } from '../ui/use-load.ts'

const keys = ['channel', 'status', 'provider', 'recipient', 'from', 'to'] as const

export function Deliveries() {
  const filters = useUrlFilters(keys)
  const f = filters.applied
  const pager = usePager()
  useEffect(() => pager.reset(), [JSON.stringify(f)])
  const log = useLoad(
    () =>
      admin.deliveries({
        channel: f.channel,
        status: f.status,
        provider: f.provider,
        recipient: f.recipient,
        from: localToIso(f.from),
        to: localToIso(f.to),
        cursor: pager.cursor,
        limit: 50,
      }),
    [JSON.stringify(f), pager.cursor],
  )
  const d = filters.draft
  return (
    <>
      <PageHead title={t('deliveries.title')} subtitle={t('deliveries.subtitle')} />
      <div class="card">
        <form
          class="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault()
            filters.apply()
          }}
        >
          <Filter label={t('deliveries.channel')}>
            <select
              value={d.channel}
              onChange={(e) => filters.set('channel', (e.target as HTMLSelectElement).value, true)}
            >
              <option value="">{t('deliveries.anyChannel')}</option>
              {(['sms', 'email', 'call'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={t('deliveries.status')}>
            <select
              value={d.status}
              onChange={(e) => filters.set('status', (e.target as HTMLSelectElement).value, true)}
            >
              <option value="">{t('deliveries.anyStatus')}</option>
              {(['queued', 'sent', 'delivered', 'failed'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`dstatus.${s}`)}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={t('deliveries.provider')}>
            <input
              placeholder="console-delivery"
              value={d.provider}
              onInput={(e) => filters.set('provider', (e.target as HTMLInputElement).value)}
            />
          </Filter>
          <Filter label={t('deliveries.recipient')} grow>
            <input
              placeholder={t('deliveries.recipientHint')}
              value={d.recipient}
              onInput={(e) => filters.set('recipient', (e.target as HTMLInputElement).value)}
            />
          </Filter>
          <Filter label={t('common.from')}>
            <input
              type="datetime-local"
              value={d.from}
              onInput={(e) => filters.set('from', (e.target as HTMLInputElement).value)}
            />
          </Filter>
          <Filter label={t('common.to')}>
            <input
              type="datetime-local"
              value={d.to}
              onInput={(e) => filters.set('to', (e.target as HTMLInputElement).value)}
            />
          </Filter>
          <button class="btn" type="submit">
            {t('common.apply')}
          </button>
        </form>
        {log.error ? (
          <div class="body">
            <ErrorBox error={log.error} onRetry={log.reload} />
          </div>
        ) : log.data?.items.length === 0 ? (
          <Empty icon="deliveries" title={t('deliveries.empty')} />
        ) : (
          <div class="table-wrap">
            <table aria-busy={log.loading}>
              <thead>
                <tr>
                  <th>{t('deliveries.time')}</th>
                  <th>{t('deliveries.channel')}</th>
                  <th>{t('deliveries.recipient')}</th>
                  <th class="hide-sm">{t('deliveries.purpose')}</th>
                  <th class="hide-sm">{t('deliveries.provider')}</th>
                  <th>{t('deliveries.status')}</th>
                </tr>
              </thead>
              <tbody>
                {!log.data ? (
                  <SkeletonRows columns={6} />
                ) : (
                  log.data.items.map((item) => (
                    <tr key={item.id}>
                      <td class="sub" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(item.createdAt)}
                      </td>
                      <td>{t(`channel.${item.channel}`)}</td>
                      <td class="mono nowrap">{formatPhone(item.recipient)}</td>
                      <td class="hide-sm">
                        {purposeText(item.purpose)}
                        {item.appId && <div class="sub mono">{item.appId}</div>}
                      </td>
                      <td class="hide-sm">{item.provider}</td>
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
                  ))
                )}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          page={pager.page}
          hasNext={Boolean(log.data?.nextCursor)}
          onNext={() => log.data?.nextCursor && pager.next(log.data.nextCursor)}
          onPrevious={pager.previous}
        />
      </div>
    </>
  )
}
