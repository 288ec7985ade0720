import { useState } from 'preact/hooks'
import { can } from '../api/client.ts'
import { admin } from '../api/endpoints.ts'
import type { Dashboard as Data } from '../api/types.ts'
import { formatNumber, t } from '../i18n/index.ts'
import { DayBars, Legend, RateBars, type Series } from '../charts/bars.tsx'
import { Empty, ErrorBox, Loading, PageHead } from '../ui/components.tsx'
import { useLoad } from '../ui/use-load.ts'

const palette = ['var(--c1)', 'var(--c2)', 'var(--c3)', 'var(--c4)', 'var(--c5)', 'var(--c6)']

function signInSeries(data: Data): Series[] {
  const methods = [...new Set(data.signIns.map((p) => p.method))].sort()
  return methods.map((method, i) => ({
    key: method,
    label: method,
    color: palette[i % palette.length] as string,
    values: data.dates.map(
      (date) => data.signIns.find((p) => p.date === date && p.method === method)?.count ?? 0,
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

export function Dashboard() {
  const [days, setDays] = useState(14)
  const stats = useLoad(() => admin.dashboard(days), [days])
  if (!can('audit:read'))
    return <PageHead title={t('dash.title')} subtitle={t('common.forbidden')} />
  const data = stats.data
  const series = data ? signInSeries(data) : []
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
          <div class="segmented" role="group">
            {[7, 14, 30].map((n) => (
              <button key={n} aria-pressed={days === n} onClick={() => setDays(n)}>
                {t('dash.days', { n })}
              </button>
            ))}
          </div>
        }
      />
      {stats.error ? (
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
          <section class="card">
            <header>
              <div>
                <h2>{t('dash.signIns')}</h2>
                <p>{t('dash.signInsHint')}</p>
              </div>
            </header>
            <div class="body">
              {totalSignIns === 0 ? (
                <Empty icon="dashboard" title={t('dash.noSignIns')} />
              ) : (
                <>
                  <DayBars dates={data.dates} series={series} label={t('dash.signIns')} />
                  <Legend series={series} />
                </>
              )}
            </div>
          </section>
          <div class="grid-2">
            <section class="card">
              <header>
                <div>
                  <h2>{t('dash.delivery')}</h2>
                  <p>{t('dash.deliveryHint')}</p>
                </div>
              </header>
              <div class="body">
                {data.deliveries.length === 0 ? (
                  <Empty icon="deliveries" title={t('dash.noDeliveries')} />
                ) : (
                  <RateBars
                    rows={data.deliveries.map((d) => ({
                      key: `${d.channel}/${d.provider}`,
                      label: `${t(`channel.${d.channel}` as 'channel.sms')} · ${d.provider}`,
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
              <header>
                <div>
                  <h2>{t('dash.attempts')}</h2>
                  <p>{t('dash.attemptsHint')}</p>
                </div>
              </header>
              <div class="body">
                {!anyAttempts ? (
                  <Empty icon="roles" title={t('dash.noAttempts')} />
                ) : (
                  <>
                    <DayBars
                      dates={data.dates}
                      series={attempts}
                      grouped
                      height={180}
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
