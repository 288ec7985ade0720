import { useEffect, useState } from 'preact/hooks'
import { can } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import type { Dashboard as Data } from '../api/types.ts'
import { appName, formatNumber, methodText, t } from '../i18n/index.ts'
import { providerName } from '../ui/plugin-names.ts'
import { DayBars, Legend, RateBars, type Series } from '../charts/bars.tsx'
import { CardHead, Empty, ErrorBox, Loading, PageHead } from '../ui/components.tsx'
import { Icon } from '../ui/icons.tsx'
import { useLoad } from '../ui/use-load.ts'
import { RecentSignIns } from './recent-sign-ins.tsx'

const palette = ['var(--c1)', 'var(--c2)', 'var(--c3)', 'var(--c4)', 'var(--c5)', 'var(--c6)']
/** How often the dashboard reloads while the tab is visible. */
const refreshMs = 15_000

/** One series per key (method, app), a value per day. */
function seriesBy<P extends { date: string; count: number }>(
  dates: string[],
  points: P[],
  keyOf: (p: P) => string,
  labelOf: (key: string) => string,
): Series[] {
  const keys = [...new Set(points.map(keyOf))].sort()
  return keys.map((key, i) => ({
    key,
    label: labelOf(key),
    color: palette[i % palette.length] as string,
    values: dates.map((date) =>
      points
        .filter((p) => p.date === date && keyOf(p) === key)
        .reduce((sum, p) => sum + p.count, 0),
    ),
  }))
}

function Kpi({ label, value }: { label: string; value: number }) {
  return (
    <div class="card kpi">
      <div class="label">{label}</div>
      <div class="value">{formatNumber(value)}</div>
    </div>
  )
}

function ChartCard(props: { title: string; hint: string; dates: string[]; series: Series[] }) {
  const any = props.series.some((s) => s.values.some(Boolean))
  return (
    <section class="card">
      <CardHead title={props.title} hint={props.hint} />
      <div class="body">
        {!any ? (
          <Empty icon="dashboard" title={t('dash.noSignIns')} />
        ) : (
          <>
            <DayBars dates={props.dates} series={props.series} label={props.title} height={200} />
            <Legend series={props.series} />
          </>
        )}
      </div>
    </section>
  )
}

/** Reloads every 15 s while the page is visible, and at once when it becomes visible again. */
function useAutoRefresh(reload: () => void) {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload()
    }, refreshMs)
    const onVisible = () => document.visibilityState === 'visible' && reload()
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [reload])
}

export function Dashboard() {
  const [days, setDays] = useState(14)
  const stats = useLoad(() => admin.dashboard(days), [days])
  useAutoRefresh(stats.reload)
  if (!can('audit:read'))
    return <PageHead title={t('dash.title')} subtitle={t('common.forbidden')} />
  const data: Data | undefined = stats.data
  const byMethod = data ? seriesBy(data.dates, data.signIns, (p) => p.method, methodText) : []
  const appNames = new Map(
    data?.signInsByApp.map((p) => [p.appId, appName({ id: p.appId, name: p.appName })]) ?? [],
  )
  const byApp = data
    ? seriesBy(
        data.dates,
        data.signInsByApp,
        (p) => p.appId,
        (id) => appNames.get(id) || t('common.none'),
      )
    : []
  const totalSignIns = data?.signIns.reduce((s, p) => s + p.count, 0) ?? 0
  const attempts: Series[] = data
    ? [
        {
          key: 'failed',
          label: t('dash.failed'),
          color: 'var(--c5)',
          values: data.dates.map((d) => data.attempts.find((a) => a.date === d)?.failed ?? 0),
        },
        {
          key: 'locked',
          label: t('dash.locked'),
          color: 'var(--c4)',
          values: data.dates.map((d) => data.attempts.find((a) => a.date === d)?.locked ?? 0),
        },
      ]
    : []
  const anyAttempts = attempts.some((s) => s.values.some(Boolean))
  return (
    <>
      <PageHead
        title={t('dash.title')}
        subtitle={t('dash.subtitle')}
        actions={
          <>
            <div class="segmented" role="group" aria-label={t('dash.period')}>
              {[7, 14, 30].map((n) => (
                <button key={n} aria-pressed={days === n} onClick={() => setDays(n)}>
                  {t('dash.days', { n })}
                </button>
              ))}
            </div>
            <button
              class="btn"
              onClick={stats.reload}
              disabled={stats.loading}
              title={t('dash.autoRefresh')}
            >
              <Icon name="refresh" size={16} />
              {t('common.refresh')}
            </button>
          </>
        }
      />
      {stats.error && !data ? (
        <ErrorBox error={stats.error} onRetry={stats.reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <div class="stack">
          <div class="grid-kpi">
            <Kpi label={t('dash.signInsTotal')} value={totalSignIns} />
            <Kpi label={t('dash.activePeople')} value={data.people.active} />
            <Kpi label={t('dash.invited')} value={data.people.invited} />
            <Kpi label={t('dash.sessions')} value={data.activeSessions} />
          </div>
          <div class="grid-2">
            <ChartCard
              title={t('dash.signIns')}
              hint={t('dash.signInsHint')}
              dates={data.dates}
              series={byMethod}
            />
            <ChartCard
              title={t('dash.signInsByApp')}
              hint={t('dash.signInsByAppHint')}
              dates={data.dates}
              series={byApp}
            />
          </div>
          <RecentSignIns items={data.recentSignIns} />
          <div class="grid-2">
            <section class="card">
              <CardHead title={t('dash.delivery')} hint={t('dash.deliveryHint')} />
              <div class="body">
                {data.deliveries.length === 0 ? (
                  <Empty icon="deliveries" title={t('dash.noDeliveries')} />
                ) : (
                  <RateBars
                    rows={data.deliveries.map((d) => ({
                      key: `${d.channel}/${d.provider}`,
                      label: `${t(`channel.${d.channel}` as 'channel.sms')} · ${providerName(d.provider)}`,
                      ok: d.delivered + d.sent,
                      pending: d.queued,
                      failed: d.failed,
                    }))}
                    caption={({ ok, total }) => t('dash.ofSent', { ok, total })}
                  />
                )}
              </div>
            </section>
            <section class="card">
              <CardHead title={t('dash.attempts')} hint={t('dash.attemptsHint')} />
              <div class="body">
                {!anyAttempts ? (
                  <Empty icon="roles" title={t('dash.noAttempts')} />
                ) : (
                  <>
                    <DayBars
                      dates={data.dates}
                      series={attempts}
                      grouped
                      height={200}
                      label={t('dash.attempts')}
                    />
                    <Legend series={attempts} />
                  </>
                )}
              </div>
            </section>
          </div>
        </div>
      )}
    </>
  )
}
