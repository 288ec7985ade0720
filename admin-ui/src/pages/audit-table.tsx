import { useState } from 'preact/hooks'
import type { AuditItem } from '../api/types.ts'
import { formatDateTime, t } from '../i18n/index.ts'
import { SkeletonRows, StatusBadge } from '../ui/components.tsx'
import { userName } from '../ui/names.ts'

function Target({ item }: { item: AuditItem }) {
  if (!item.targetId) return <span class="sub">{item.targetType ?? t('common.none')}</span>
  if (item.targetType === 'user') {
    return <a href={`/admin/people/${item.targetId}`}>{userName(item.targetId) ?? item.targetId}</a>
  }
  if (item.targetType === 'role')
    return <a href={`/admin/roles/${item.targetId}`}>{item.targetId}</a>
  if (item.targetType === 'app') return <a href={`/admin/apps/${item.targetId}`}>{item.targetId}</a>
  return (
    <span>
      <span class="sub">{item.targetType}</span> <span class="mono">{item.targetId}</span>
    </span>
  )
}

function Actor({ item }: { item: AuditItem }) {
  if (item.actorType === 'user' && item.actorId) {
    return <a href={`/admin/people/${item.actorId}`}>{userName(item.actorId) ?? item.actorId}</a>
  }
  return (
    <span class="sub">{item.actorId ? `${item.actorType} ${item.actorId}` : item.actorType}</span>
  )
}

/** Audit entries; a row expands to its details (reason codes, ids), one at a time. */
export function AuditTable({
  items,
  loading,
}: {
  items: AuditItem[] | undefined
  loading: boolean
}) {
  const [open, setOpen] = useState<string | null>(null)
  return (
    <div class="table-wrap">
      <table aria-busy={loading}>
        <thead>
          <tr>
            <th>{t('audit.time')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.result')}</th>
            <th class="hide-sm">{t('audit.actor')}</th>
            <th class="hide-sm">{t('audit.target')}</th>
          </tr>
        </thead>
        <tbody>
          {!items ? (
            <SkeletonRows columns={5} />
          ) : (
            items.map((item) => [
              <tr key={item.id}>
                <td class="sub" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(item.at)}
                </td>
                <td>
                  <button
                    class="btn ghost small mono"
                    aria-expanded={open === item.id}
                    title={t('common.details')}
                    onClick={() => setOpen(open === item.id ? null : item.id)}
                  >
                    {item.action}
                  </button>
                </td>
                <td>
                  <StatusBadge prefix="result" value={item.result} />
                </td>
                <td class="hide-sm">
                  <Actor item={item} />
                </td>
                <td class="hide-sm">
                  <Target item={item} />
                </td>
              </tr>,
              open === item.id && (
                <tr key={`${item.id}-details`}>
                  <td colSpan={5} style={{ background: 'var(--surface-2)' }}>
                    <dl class="dl">
                      <dt>{t('audit.actor')}</dt>
                      <dd>
                        <Actor item={item} />
                      </dd>
                      <dt>{t('audit.target')}</dt>
                      <dd>
                        <Target item={item} />
                      </dd>
                      <dt>IP</dt>
                      <dd class="mono">{item.ip ?? t('common.none')}</dd>
                      <dt>App</dt>
                      <dd class="mono">{item.appId ?? t('common.none')}</dd>
                      <dt>Request</dt>
                      <dd class="mono">{item.requestId ?? t('common.none')}</dd>
                      <dt>{t('common.details')}</dt>
                      <dd>
                        <code>{JSON.stringify(item.details)}</code>
                      </dd>
                    </dl>
                  </td>
                </tr>
              ),
            ])
          )}
        </tbody>
      </table>
    </div>
  )
}
