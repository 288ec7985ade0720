import { useEffect, useState } from 'preact/hooks'
import { t, tn } from '../i18n/index.ts'

/**
 * Durations in the units people think in. Settings and policies are stored in seconds (or
 * milliseconds); the admin types "30" and picks "days" instead of typing 2592000.
 */
export type Unit = 'seconds' | 'minutes' | 'hours' | 'days'
const unitSeconds: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 }
const units: Unit[] = ['days', 'hours', 'minutes', 'seconds']

/** The largest unit that shows `seconds` as a whole number. */
export function unitFor(seconds: number): Unit {
  return units.find((u) => seconds % unitSeconds[u] === 0) ?? 'seconds'
}

/** 2592000 → "30 days", 900 → "15 minutes" (in the console's language). */
export function formatDuration(seconds: number): string {
  const unit = unitFor(seconds)
  return tn(`duration.${unit}`, seconds / unitSeconds[unit])
}

/**
 * A number and a unit. `seconds` null means unset (the default applies); `placeholder` is the
 * default, shown in the field's own unit so an empty field still says what will happen.
 */
export function DurationInput(props: {
  id?: string
  seconds: number | null
  /** The value that applies when the field is empty. */
  fallback?: number
  /** The smallest unit offered (a code lifetime in seconds, a session in minutes). */
  smallest?: Unit
  disabled?: boolean
  onSeconds: (seconds: number | null) => void
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}) {
  const shown = props.seconds ?? props.fallback ?? null
  const offered = units.slice(0, units.indexOf(props.smallest ?? 'seconds') + 1)
  const [unit, setUnit] = useState<Unit>(() => pick(shown, offered))
  const [text, setText] = useState(() => textOf(shown, unit))
  // A new value from outside (a reload after saving, another app): show it afresh.
  useEffect(() => {
    // Emptied by the admin: the default applies, and the placeholder shows it.
    if (props.seconds === null && text.trim() === '') return
    const typed = parse(text)
    if (typed === null || Math.round(typed * unitSeconds[unit]) !== shown) {
      const next = pick(shown, offered)
      setUnit(next)
      setText(textOf(shown, next))
    }
  }, [shown])
  const send = (nextText: string, nextUnit: Unit) => {
    const n = parse(nextText)
    props.onSeconds(n === null ? null : Math.round(n * unitSeconds[nextUnit]))
  }
  return (
    <div class="duration">
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={text}
        placeholder={textOf(props.fallback ?? null, unit)}
        disabled={props.disabled}
        aria-invalid={props['aria-invalid']}
        aria-describedby={props['aria-describedby']}
        onInput={(e) => {
          const value = (e.target as HTMLInputElement).value
          setText(value)
          send(value, unit)
        }}
      />
      <select
        aria-label={t('duration.unit')}
        value={unit}
        disabled={props.disabled}
        onChange={(e) => {
          const next = (e.target as HTMLSelectElement).value as Unit
          setUnit(next)
          send(text, next)
        }}
      >
        {offered.map((u) => (
          <option key={u} value={u}>
            {t(`duration.unit.${u}`)}
          </option>
        ))}
      </select>
    </div>
  )
}

function pick(seconds: number | null, offered: Unit[]): Unit {
  if (seconds === null) return offered.at(-1) ?? 'minutes'
  const unit = unitFor(seconds)
  return offered.includes(unit) ? unit : (offered.at(-1) ?? 'minutes')
}

function textOf(seconds: number | null, unit: Unit): string {
  if (seconds === null) return ''
  // Plain digits for the <input>; a fraction only when the unit does not divide the value.
  return String(Math.round((seconds / unitSeconds[unit]) * 100) / 100)
}

function parse(text: string): number | null {
  const n = Number(text.replace(',', '.'))
  return text.trim() === '' || !Number.isFinite(n) ? null : n
}
