import type { RecentSignIn } from '../api/types.ts'
import { appName, formatDateTime, methodText, reasonText, t } from '../i18n/index.ts'
import { Empty, StatusBadge } from '../ui/components.tsx'

/** The latest sign-in attempts, newest first: the place to watch a sign-in arrive. */
export function RecentSignIns({ items }: { items: RecentSignIn[] }) {
  return (
    <section class="card" aria-labelledby="recent-title">
      <header>
        <div>
          <h2 id="recent-title">{t('dash.recent')}</h2>
          <p>{t('dash.recentHint')}</p>
        </div>
        <a class="btn small ghost" href="/admin/audit?action=sign_in.">
          {t('dash.recentAll')}
        </a>
      </header>
      {items.length === 0 ? (
        <Empty icon="audit" title={t('dash.noRecent')} />
      ) : (
        <div class="table-wrap" tabIndex={0}>
          <table class="cards recent">
            <thead>
              <tr>
                <th>{t('dash.when')}</th>
                <th>{t('dash.who')}</th>
                <th>{t('audit.result')}</th>
                <th>{t('person.app')}</th>
                <th>{t('person.method')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td class="sub nowrap">{formatDateTime(item.at)}</td>
                  <td class="card-title">
                    {item.userId ? (
                      <a href={`/admin/people/${item.userId}`}>{item.userName ?? item.userId}</a>
                    ) : (
                      <span class="sub">{t('dash.unknownLogin')}</span>
                    )}
                  </td>
                  <td class="card-end">
                    <StatusBadge prefix="result" value={item.result} />
                    {(item.reason || item.next) && (
                      <div class="sub">{reasonText(item.reason ?? item.next ?? '')}</div>
                    )}
                  </td>
                  <td data-label={t('person.app')}>
                    {item.appId ? (
                      <a href={`/admin/apps/${item.appId}`}>
                        {appName({ id: item.appId, name: item.appName })}
                      </a>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td data-label={t('person.method')}>{methodText(item.method)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
