import { can, endSession, session } from '../../api/client.ts'
import { admin, type UserDetail } from '../../api/endpoints.ts'
import { appName, formatDateTime, methodText, t, tn } from '../../i18n/index.ts'
import { confirmThen } from '../../ui/actions.ts'
import { Badge, CardHead, ErrorBox, SkeletonRows } from '../../ui/components.tsx'
import { useLoad } from '../../ui/use-load.ts'
import { describeUserAgent } from '../../ui/user-agent.ts'

/** A person's signed-in sessions; the one this console runs in is marked. */
export function SessionsCard({ user, onChanged }: { user: UserDetail; onChanged: () => void }) {
  const sessions = useLoad(() => admin.users.sessions(user.id), [user.id, user.activeSessions])
  const items = sessions.data?.items
  const writable = can('users:write')
  const changed = () => {
    sessions.reload()
    onChanged()
  }
  // The session this console runs in: ending it signs the admin out, so they are told first.
  const current = session.value?.sessionId
  const ownAccount = session.value?.user.id === user.id
  const end = (sessionId: string) =>
    confirmThen(
      {
        title: t('person.endOneConfirm'),
        text: sessionId === current ? t('person.endOwnText') : undefined,
        action: t('person.endSession'),
        danger: true,
      },
      async () => {
        await admin.users.endSession(user.id, sessionId)
        if (sessionId === current) return void (await endSession())
        return t('person.sessionEnded')
      },
      changed,
    )
  const endAll = () =>
    confirmThen(
      {
        title: t('person.endAllConfirm', { name: user.displayName }),
        text: ownAccount ? t('person.endAllOwnText') : t('person.endAllText'),
        action: t('person.endAll'),
        danger: true,
      },
      async () => {
        const { sessionsEnded } = await admin.users.endAllSessions(user.id)
        if (ownAccount) return void (await endSession())
        return tn('person.sessionsEnded', sessionsEnded)
      },
      changed,
    )
  return (
    <section class="card">
      <CardHead
        title={t('person.sessions')}
        hint={t('person.sessionsHint')}
        actions={
          writable &&
          items &&
          items.length > 0 && (
            <button class="btn danger small" onClick={endAll}>
              {t('person.endAll')}
            </button>
          )
        }
      />
      {sessions.error ? (
        <div class="body">
          <ErrorBox error={sessions.error} onRetry={sessions.reload} />
        </div>
      ) : items && items.length === 0 ? (
        <div class="body muted">{t('person.noSessions')}</div>
      ) : (
        <div class="table-wrap" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th>{t('person.app')}</th>
                <th>{t('person.method')}</th>
                <th class="hide-sm">{t('person.device')}</th>
                <th class="hide-sm">{t('person.started')}</th>
                <th>{t('person.lastUsed')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {!items ? (
                <SkeletonRows columns={6} rows={2} />
              ) : (
                items.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <a href={`/admin/apps/${s.appId}`} title={s.appId}>
                        {appName({ id: s.appId, name: s.appName })}
                      </a>
                    </td>
                    <td>
                      {methodText(s.method)}
                      {s.id === current && (
                        <div>
                          <Badge tone="blue">{t('person.thisSession')}</Badge>
                        </div>
                      )}
                    </td>
                    <td class="hide-sm sub" title={s.userAgent ?? undefined}>
                      {s.deviceLabel ?? describeUserAgent(s.userAgent) ?? t('common.none')}
                      {s.deviceLabel && s.userAgent && <div>{describeUserAgent(s.userAgent)}</div>}
                      {s.ip && <div class="mono">{s.ip}</div>}
                    </td>
                    <td class="hide-sm sub">{formatDateTime(s.createdAt)}</td>
                    <td class="sub">{formatDateTime(s.lastUsedAt)}</td>
                    <td style={{ textAlign: 'right' }}>
                      {writable && (
                        <button class="btn small" onClick={() => end(s.id)}>
                          {t('person.endSession')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
