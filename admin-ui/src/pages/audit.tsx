import { useEffect } from 'preact/hooks'
import { admin } from '../api/endpoints.ts'
import { t } from '../i18n/index.ts'
import { Empty, ErrorBox, PageHead, Pager, usePager } from '../ui/components.tsx'
import { localToIso, useUrlFilters } from '../ui/filters.tsx'
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
          <input
            name="action"
            aria-label={t('audit.action')}
            placeholder={t('audit.actionHint')}
            value={d.action}
            onInput={(e) => filters.set('action', (e.target as HTMLInputElement).value)}
          />
          <input
            name="actorId"
            aria-label={t('audit.actor')}
            placeholder={t('audit.actor')}
            value={d.actorId}
            onInput={(e) => filters.set('actorId', (e.target as HTMLInputElement).value)}
          />
          <input
            name="targetId"
            aria-label={t('audit.target')}
            placeholder={t('audit.target')}
            value={d.targetId}
            onInput={(e) => filters.set('targetId', (e.target as HTMLInputElement).value)}
          />
          <select
            aria-label={t('audit.result')}
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
          <input
            type="datetime-local"
            aria-label={t('common.from')}
            value={d.from}
            onInput={(e) => filters.set('from', (e.target as HTMLInputElement).value)}
          />
          <input
            type="datetime-local"
            aria-label={t('common.to')}
            value={d.to}
            onInput={(e) => filters.set('to', (e.target as HTMLInputElement).value)}
          />
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
