import { useState } from 'preact/hooks'
import type { AuditItem, AuditNames } from '../api/types.ts'
import {
  actionText,
  actorTypeText,
  appName,
  formatDateTime,
  methodText,
  reasonText,
  roleName,
  sessionLabel,
  t,
} from '../i18n/index.ts'
import { SkeletonRows, StatusBadge } from '../ui/components.tsx'
import { userName } from '../ui/names.ts'

/** "Sign-in · SMS code" for `sign_in.sms-otp`; other actions by their own words. */
export function auditActionText(action: string): string {
  return action.startsWith('sign_in.')
    ? `${t('audit.signIn')} · ${methodText(action.slice('sign_in.'.length))}`
    : actionText(action)
}

/** The name the server resolved for an id; for people, the console's own lookup as well. */
type Names = AuditNames | undefined
const named = (names: Names, id: string) => names?.[id]

function Target({ item, names }: { item: AuditItem; names: Names }) {
  const id = item.targetId
  if (!id) {
    return (
      <span class="sub">{item.targetType ? actorTypeText(item.targetType) : t('common.none')}</span>
    )
  }
  if (item.targetType === 'user') {
    return <a href={`/admin/people/${id}`}>{named(names, id) ?? userName(id) ?? id}</a>
  }
  if (item.targetType === 'role') {
    return <a href={`/admin/roles/${id}`}>{roleName({ id, name: named(names, id) ?? id })}</a>
  }
  if (item.targetType === 'app') {
    return <a href={`/admin/apps/${id}`}>{appName({ id, name: named(names, id) ?? id })}</a>
  }
  const found = named(names, id)
  const name = found && item.targetType === 'session' ? sessionLabel(found) : found
  return (
    <span>
      <span class="sub">{actorTypeText(item.targetType ?? '')}</span>{' '}
      {name ? <span title={id}>{name}</span> : <span class="mono">{id}</span>}
    </span>
  )
}

function Actor({ item, names }: { item: AuditItem; names: Names }) {
  if (item.actorType === 'user' && item.actorId) {
    const id = item.actorId
    return <a href={`/admin/people/${id}`}>{named(names, id) ?? userName(id) ?? id}</a>
  }
  const type = actorTypeText(item.actorType)
  return <span class="sub">{item.actorId ? `${type} ${item.actorId}` : type}</span>
}

function Reason({ item }: { item: AuditItem }) {
  const reason = item.details.reason ?? item.details.next
  return typeof reason === 'string' ? <div class="sub">{reasonText(reason)}</div> : null
}

/**
 * Audit entries; a row expands to its details (reason codes, ids), one at a time. At phone width
 * the rows become cards (table.cards) so result, actor and target stay visible.
 */
export function AuditTable({
  items,
  names,
  loading,
}: {
  items: AuditItem[] | undefined
  names?: AuditNames | undefined
  loading: boolean
}) {
  const [open, setOpen] = useState<string | null>(null)
  return (
    <div class="table-wrap" tabIndex={0}>
      <table class="cards" aria-busy={loading}>
        <thead>
          <tr>
            <th>{t('audit.time')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.result')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.target')}</th>
          </tr>
        </thead>
        <tbody>
          {!items ? (
            <SkeletonRows columns={5} />
          ) : (
            items.map((item) => [
              <tr key={item.id}>
                <td class="sub nowrap">{formatDateTime(item.at)}</td>
                <td class="card-title">
                  <button
                    class="btn ghost small action"
                    aria-expanded={open === item.id}
                    title={item.action}
                    onClick={() => setOpen(open === item.id ? null : item.id)}
                  >
                    {auditActionText(item.action)}
                  </button>
                </td>
                <td class="card-end">
                  <StatusBadge prefix="result" value={item.result} />
                  {item.result !== 'success' && <Reason item={item} />}
                </td>
                <td data-label={t('audit.actor')}>
                  <Actor item={item} names={names} />
                </td>
                <td data-label={t('audit.target')}>
                  <Target item={item} names={names} />
                </td>
              </tr>,
              open === item.id && (
                <tr key={`${item.id}-details`} class="details">
                  <td colSpan={5}>
                    <dl class="dl">
                      <dt>{t('audit.action')}</dt>
                      <dd class="mono">{item.action}</dd>
                      <dt>IP</dt>
                      <dd class="mono">{item.ip ?? t('common.none')}</dd>
                      <dt>{t('audit.app')}</dt>
                      <dd>
                        {item.appId
                          ? appName({
                              id: item.appId,
                              name: named(names, item.appId) ?? item.appId,
                            })
                          : t('common.none')}
                      </dd>
                      <dt>{t('audit.request')}</dt>
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
