import type { JsonSchema } from '../api/types.ts'
import { lang } from '../i18n/index.ts'
import { optionWords, settingWords } from '../i18n/settings.ts'
import { formatDuration } from '../ui/duration.tsx'

/**
 * How a plugin setting reads in the console: its name and hint in the admin's language (from
 * i18n/settings.ts, else the plugin's schema), and whether it is a duration.
 */

/** Durations by their name's unit: `ttlSeconds`, `timeoutMs`, `linkTtlHours`, `enrolmentMinutes`. */
const durationUnits: Array<[RegExp, number]> = [
  [/Ms$/, 0.001],
  [/Seconds$/, 1],
  [/Minutes$/, 60],
  [/Hours$/, 3600],
]

/** Seconds per stored unit when `key` holds a duration (e.g. 0.001 for `timeoutMs`), else null. */
export function durationScale(key: string): number | null {
  // `verifiesPerIpPer10Minutes` is a count per period, not a duration.
  if (/Per\d*(Minutes|Hours|Seconds)$/.test(key)) return null
  return durationUnits.find(([pattern]) => pattern.test(key))?.[1] ?? null
}

function words(pluginId: string, key: string) {
  const entry = settingWords[`${pluginId}.${key}`] ?? settingWords[key]
  return entry?.[lang.value]
}

/** `maxFailuresPerIp` → `Max failures per IP`, with the unit of a duration left out. */
function fromName(key: string): string {
  const scale = durationScale(key)
  const base = scale === null ? key : key.replace(/(Ms|Seconds|Minutes|Hours)$/, '')
  const text = base
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .replace(/\b(ip|url|sms|otp|id|api|http|ttl)\b/g, (w) => w.toUpperCase())
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * A plugin's own description without what only its developers need: requirement ids ("(R5)",
 * "(R5: 60 s)") and references to source files ("(see plugins/x/y.ts)").
 */
export function cleanDescription(text: string | undefined): string | undefined {
  const clean = text
    ?.replace(/\s*\((?:R\d+\b[^)]*|see [^)]*\.ts)\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim()
  return clean || undefined
}

export function settingLabel(pluginId: string, key: string, schema: JsonSchema): string {
  return words(pluginId, key)?.label ?? schema.title ?? fromName(key)
}

export function settingHint(pluginId: string, key: string, schema: JsonSchema): string | undefined {
  const own = words(pluginId, key)
  return own ? own.hint : cleanDescription(schema.description)
}

/** A choice's value in words (`end` → "At the end"); unknown values as they are. */
export function optionText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return optionWords[text]?.[lang.value] ?? text
}

/** A default as the admin reads it: "5 minutes" for a duration, "Yes" never (checkboxes show it). */
export function defaultText(key: string, value: unknown): string {
  const scale = durationScale(key)
  if (scale !== null && typeof value === 'number') return formatDuration(value * scale)
  if (Array.isArray(value)) return value.join(', ')
  return optionText(value)
}
