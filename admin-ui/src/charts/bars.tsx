import { useEffect, useRef, useState } from 'preact/hooks'
import { formatDay, formatNumber } from '../i18n/index.ts'

export interface Series {
  key: string
  label: string
  color: string
  values: number[]
}

/** 0, a round step, …: at most `count` gridlines that cover `max`. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1]
  // Counts are whole numbers: never a gridline at 0.5.
  const raw = Math.max(1, max / count)
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw
  const ticks: number[] = []
  for (let v = 0; v <= max + step * 0.999; v += step) ticks.push(Math.round(v * 1000) / 1000)
  return ticks
}

/**
 * Stacked (or side-by-side) bars per day, drawn as SVG. Each bar has a <title> so hovering
 * (or a screen reader) gives the exact numbers; the table of values is also the accessible name.
 */
export function DayBars(props: {
  dates: string[]
  series: Series[]
  height?: number
  grouped?: boolean
  label: string
}) {
  // Drawn at the real pixel width, so labels stay 11px whatever the card's size.
  const box = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(640)
  useEffect(() => {
    const element = box.current
    if (!element) return
    const observer = new ResizeObserver(() => setWidth(Math.max(280, element.clientWidth)))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const height = props.height ?? 220
  const pad = { top: 10, right: 8, bottom: 26, left: 34 }
  const innerW = width - pad.left - pad.right
  const innerH = height - pad.top - pad.bottom
  const n = props.dates.length
  const totals = props.dates.map((_, i) =>
    props.grouped
      ? Math.max(0, ...props.series.map((s) => s.values[i] ?? 0))
      : props.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0),
  )
  const ticks = niceTicks(Math.max(...totals, 0))
  const top = ticks.at(-1) ?? 1
  const y = (v: number) => pad.top + innerH - (v / top) * innerH
  const slot = innerW / Math.max(n, 1)
  // The same bar width in a wide and a narrow card, unless the days do not fit.
  const barW = Math.max(3, Math.min(18, slot * 0.7))
  const labelEvery = Math.ceil(n / Math.max(2, Math.floor(innerW / 70)))
  return (
    <div ref={box}>
      <svg
        class="chart"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={props.label}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line class="grid" x1={pad.left} x2={width - pad.right} y1={y(tick)} y2={y(tick)} />
            <text x={pad.left - 6} y={y(tick) + 4} text-anchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {props.dates.map((date, i) => {
          const x = pad.left + slot * i + (slot - barW) / 2
          let stack = 0
          const tip = `${formatDay(date)}: ${props.series
            .map((s) => `${s.label} ${s.values[i] ?? 0}`)
            .join(', ')}`
          return (
            <g key={date}>
              <title>{tip}</title>
              {props.series.map((s, k) => {
                const value = s.values[i] ?? 0
                if (!value) return null
                if (props.grouped) {
                  const w = barW / props.series.length
                  return (
                    <rect
                      key={s.key}
                      x={x + w * k}
                      width={Math.max(w - 1, 1)}
                      y={y(value)}
                      height={y(0) - y(value)}
                      rx="2"
                      fill={s.color}
                    />
                  )
                }
                const y0 = y(stack)
                stack += value
                return (
                  <rect
                    key={s.key}
                    x={x}
                    width={barW}
                    y={y(stack)}
                    height={y0 - y(stack)}
                    rx="2"
                    fill={s.color}
                  />
                )
              })}
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={height - 8} text-anchor="middle">
                  {formatDay(date)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </div>
  )
}

export function Legend({ series }: { series: Array<Pick<Series, 'key' | 'label' | 'color'>> }) {
  return (
    <div class="legend">
      {series.map((s) => (
        <span key={s.key}>
          <i style={{ background: s.color }} />
          {s.label}
        </span>
      ))}
    </div>
  )
}

/** Share of delivered (green) vs in flight (amber) vs failed (red), one bar per row. */
export function RateBars(props: {
  rows: Array<{ key: string; label: string; ok: number; pending: number; failed: number }>
  caption: (row: { ok: number; total: number }) => string
}) {
  return (
    <div class="rate">
      {props.rows.map((row) => {
        const total = row.ok + row.pending + row.failed
        const pct = (v: number) => (total ? (v / total) * 100 : 0)
        return (
          <div class="row" key={row.key}>
            <span>
              {row.label}
              <div class="sub" style={{ fontSize: '12px', color: 'var(--text-3)' }}>
                {props.caption({ ok: row.ok, total })}
              </div>
            </span>
            <div class="bar" role="img" aria-label={`${row.label}: ${Math.round(pct(row.ok))}%`}>
              <span style={{ width: `${pct(row.ok)}%`, background: 'var(--c2)' }} />
              <span style={{ width: `${pct(row.pending)}%`, background: 'var(--c3)' }} />
            </div>
            <span class="pct">{Math.round(pct(row.ok))}%</span>
          </div>
        )
      })}
    </div>
  )
}
