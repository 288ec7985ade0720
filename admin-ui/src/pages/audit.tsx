import { useEffect } from 'preact/hooks'
import { admin } from '../api/endpoints.ts'
import { t } from '../i18n/index.ts'
import { Empty, ErrorBox, PageHead, Pager, usePager } from '../ui/components.tsx'
import { Filter, localToIso, useUrlFilters } from '../ui/filters.tsx'
import { useLoad } from '../ui/use-load.ts'
import { AuditTable } from './audit-table.tsx'

const keys = ['actorId', 'action', 'targetId', 'result', 'from', 'to'] as const

export function AuditLog() {
  const filters = useUrlFilters(keys)
  const f = filters.applied
  const pager = usePager()
  useEffect(() => pager.reset(), [JSON.stringify(f)])
  const entries = useLoad(
    () =>
      admin.audit({
        actorId: f.actorId.trim(),
        action: f.action.trim(),
        targetId: f.targetId.trim(),
        result: f.result,
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
      <PageHead title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <div class="card">
        <form
          class="toolbar"
          role="search"
          onSubmit={(e) => {
            e.preventDefault()
            filters.apply()
          }}
        >
          <Filter label={t('audit.action')} grow>
            <input
              name="action"
              placeholder={t('audit.actionHint')}
              value={d.action}
              onInput={(e) => filters.set('action', (e.target as HTMLInputElement).value)}
            />
          </Filter>
          <Filter label={t('audit.actor')}>
            <input
              name="actorId"
              placeholder={t('audit.idHint')}
              value={d.actorId}
              onInput={(e) => filters.set('actorId', (e.target as HTMLInputElement).value)}
            />
          </Filter>
          <Filter label={t('audit.target')}>
            <input
              name="targetId"
              placeholder={t('audit.idHint')}
              value={d.targetId}
              onInput={(e) => filters.set('targetId', (e.target as HTMLInputElement).value)}
            />
          </Filter>
          <Filter label={t('audit.result')}>
            <select
              value={d.result}
              onChange={(e) => filters.set('result', (e.target as HTMLSelectElement).value, true)}
            >
              <option value="">{t('audit.anyResult')}</option>
              {(['success', 'failure', 'denied'] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`result.${r}`)}
                </option>
              ))}
            </select>
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
          <button class="btn ghost" type="button" onClick={filters.clear}>
            {t('common.reset')}
          </button>
        </form>
        {entries.error ? (
          <div class="body">
            <ErrorBox error={entries.error} onRetry={entries.reload} />
          </div>
        ) : entries.data?.items.length === 0 ? (
          <Empty icon="audit" title={t('audit.empty')} />
        ) : (
          <AuditTable items={entries.data?.items} loading={entries.loading} />
        )}
        <Pager
          page={pager.page}
          hasNext={Boolean(entries.data?.nextCursor)}
          onNext={() => entries.data?.nextCursor && pager.next(entries.data.nextCursor)}
          onPrevious={pager.previous}
        />
      </div>
    </>
  )
}
