import { admin } from '../api/endpoints.ts'
import { t } from '../i18n/index.ts'
import { Empty, PageHead } from '../ui/components.tsx'
import { ExportButton } from '../ui/export-button.tsx'
import { DateRangeFilters, FilterBar, SelectFilter, TextFilter } from '../ui/filter-bar.tsx'
import { localToIso, useUrlFilters } from '../ui/filters.tsx'
import { ListBody, ListPager, usePagedList } from '../ui/list.tsx'
import { AuditTable } from './audit-table.tsx'

const keys = ['actorId', 'action', 'targetId', 'result', 'from', 'to'] as const

export function AuditLog() {
  const filters = useUrlFilters(keys)
  const f = filters.applied
  // The export takes the same filters as the list, so the file holds what the page shows.
  const query = {
    actorId: f.actorId.trim(),
    action: f.action.trim(),
    targetId: f.targetId.trim(),
    result: f.result,
    from: localToIso(f.from),
    to: localToIso(f.to),
  }
  const { list: entries, pager } = usePagedList(
    (cursor) => admin.audit({ ...query, cursor, limit: 50 }),
    [JSON.stringify(f)],
  )
  return (
    <>
      <PageHead
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <ExportButton
            name={{ en: 'audit', ru: 'журнал' }}
            load={(language) => admin.auditExport({ ...query, lang: language })}
          />
        }
      />
      <div class="card">
        <FilterBar filters={filters} clearable>
          <TextFilter
            filters={filters}
            field="action"
            name="action"
            label={t('audit.action')}
            placeholder={t('audit.actionHint')}
            grow
          />
          <TextFilter
            filters={filters}
            field="actorId"
            name="actorId"
            label={t('audit.actor')}
            placeholder={t('audit.idHint')}
          />
          <TextFilter
            filters={filters}
            field="targetId"
            name="targetId"
            label={t('audit.target')}
            placeholder={t('audit.idHint')}
          />
          <SelectFilter
            filters={filters}
            field="result"
            label={t('audit.result')}
            anyLabel={t('audit.anyResult')}
            options={(['success', 'failure', 'denied'] as const).map((r) => [r, t(`result.${r}`)])}
          />
          <DateRangeFilters filters={filters} />
        </FilterBar>
        <ListBody list={entries} empty={<Empty icon="audit" title={t('audit.empty')} />}>
          <AuditTable
            items={entries.data?.items}
            names={entries.data?.names}
            loading={entries.loading}
          />
        </ListBody>
        <ListPager list={entries} pager={pager} />
      </div>
    </>
  )
}
