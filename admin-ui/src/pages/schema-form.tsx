import type { JsonSchema } from '../api/types.ts'
import { t } from '../i18n/index.ts'
import { DurationInput } from '../ui/duration.tsx'
import { StringList } from '../ui/string-list.tsx'
import {
  defaultText,
  durationScale,
  optionText,
  settingHint,
  settingLabel,
} from './setting-text.ts'

/** Setting names treated as credentials (the server uses the same rule and never returns them). */
export const secretKey = /(secret|token|password|passwd|apikey|api_key|privatekey|authkey)$/i

/** `T | null` and single-member unions unwrap to `T`. */
function unwrap(schema: JsonSchema): JsonSchema {
  const options = schema.anyOf ?? schema.oneOf
  if (options) {
    const real = options.filter((o) => o.type !== 'null')
    if (real.length === 1 && real[0])
      return {
        ...real[0],
        description: schema.description ?? real[0].description,
        default: schema.default ?? real[0].default,
      }
  }
  return schema
}

function typeOf(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type
  if (schema.enum) return 'enum'
  if (type === 'array' && schema.items) {
    const items = unwrap(schema.items)
    if (items.enum) return 'enum-array'
    if (items.type === 'string') return 'string-array'
  }
  return type ?? 'json'
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

export interface SchemaFormProps {
  /** The plugin's id: settings are named per plugin (i18n/settings.ts). */
  pluginId: string
  schema: JsonSchema
  values: Record<string, unknown>
  secretsSet?: string[]
  fromEnv?: string[]
  locked?: string[]
  errors?: Record<string, string>
  disabled?: boolean
  onChange: (values: Record<string, unknown>) => void
}

/**
 * A form generated from a plugin's JSON Schema (zod's `toJSONSchema`), so a plugin written by
 * someone else gets a settings form without console changes. Handles strings, numbers,
 * integers, booleans, enums and arrays of strings; anything else is edited as JSON.
 * Unset fields stay unset (the plugin's default applies) and show the default; durations are
 * edited in seconds, minutes, hours or days whatever unit the plugin stores them in.
 */
export function SchemaForm(props: SchemaFormProps) {
  const properties = Object.entries(props.schema.properties ?? {})
  if (!properties.length) return <p class="muted">{t('plugins.noSettings')}</p>
  const set = (key: string, value: unknown) => {
    const next = { ...props.values }
    if (value === undefined) delete next[key]
    else next[key] = value
    props.onChange(next)
  }
  return (
    <div class="stack">
      {properties.map(([key, raw]) => {
        const schema = unwrap(raw)
        const kind = typeOf(schema)
        const id = `setting-${key}`
        const value = props.values[key]
        const locked = props.locked?.includes(key)
        const error = props.errors?.[key]
        const name = settingLabel(props.pluginId, key, schema)
        const scale = kind === 'integer' || kind === 'number' ? durationScale(key) : null
        const notes = [
          settingHint(props.pluginId, key, schema),
          schema.default !== undefined && kind !== 'boolean'
            ? t('plugins.default', { value: defaultText(key, schema.default) })
            : '',
          props.fromEnv?.includes(key) ? t('plugins.fromEnv') : '',
          locked ? t('plugins.locked') : '',
        ].filter(Boolean)
        const common = {
          id,
          disabled: props.disabled || locked,
          'aria-invalid': Boolean(error),
          'aria-describedby': `${id}-hint`,
        }
        let control
        if (kind === 'boolean') {
          const checked = value === undefined ? schema.default === true : value === true
          control = (
            <label class="check" style={{ maxWidth: '420px' }}>
              <input
                type="checkbox"
                {...common}
                checked={checked}
                onChange={(e) => set(key, (e.target as HTMLInputElement).checked)}
              />
              <span>{name}</span>
            </label>
          )
        } else if (scale !== null) {
          const fallback = typeof schema.default === 'number' ? schema.default * scale : undefined
          control = (
            <DurationInput
              {...common}
              seconds={typeof value === 'number' ? value * scale : null}
              fallback={fallback}
              onSeconds={(seconds) =>
                set(key, seconds === null ? undefined : Math.round(seconds / scale))
              }
            />
          )
        } else if (kind === 'integer' || kind === 'number') {
          control = (
            <input
              type="number"
              {...common}
              step={kind === 'integer' ? 1 : 'any'}
              min={schema.minimum ?? schema.exclusiveMinimum}
              max={schema.maximum ?? schema.exclusiveMaximum}
              placeholder={schema.default !== undefined ? show(schema.default) : ''}
              value={value === undefined ? '' : String(value)}
              onInput={(e) => {
                const text = (e.target as HTMLInputElement).value
                set(key, text === '' ? undefined : Number(text))
              }}
            />
          )
        } else if (kind === 'enum') {
          control = (
            <select
              {...common}
              value={value === undefined ? '' : show(value)}
              onChange={(e) => {
                const text = (e.target as HTMLSelectElement).value
                set(key, text === '' ? undefined : schema.enum?.find((o) => show(o) === text))
              }}
            >
              <option value="">
                {schema.default !== undefined
                  ? t('plugins.default', { value: optionText(schema.default) })
                  : t('common.none')}
              </option>
              {schema.enum?.map((option) => (
                <option key={show(option)} value={show(option)}>
                  {optionText(option)}
                </option>
              ))}
            </select>
          )
        } else if (kind === 'enum-array') {
          const options = unwrap(schema.items as JsonSchema).enum ?? []
          const current = Array.isArray(value)
            ? value
            : Array.isArray(schema.default)
              ? schema.default
              : []
          control = (
            <div class="checks" id={id}>
              {options.map((option) => (
                <label key={show(option)} class="check">
                  <input
                    type="checkbox"
                    disabled={props.disabled || locked}
                    checked={current.includes(option)}
                    onChange={(e) =>
                      set(
                        key,
                        (e.target as HTMLInputElement).checked
                          ? [...current, option]
                          : current.filter((x) => x !== option),
                      )
                    }
                  />
                  <span>{optionText(option)}</span>
                </label>
              ))}
            </div>
          )
        } else if (kind === 'string-array') {
          const current = (
            Array.isArray(value) ? value : Array.isArray(schema.default) ? schema.default : []
          ) as string[]
          control = <StringList id={id} value={current} onChange={(v) => set(key, v)} />
        } else if (kind === 'string') {
          const secret = secretKey.test(key)
          control = (
            <input
              type={(secret ? 'password' : 'text') as 'text'}
              autoComplete="off"
              {...common}
              maxLength={schema.maxLength}
              placeholder={
                secret && props.secretsSet?.includes(key)
                  ? t('plugins.secretSet')
                  : schema.default !== undefined
                    ? show(schema.default)
                    : ''
              }
              value={typeof value === 'string' ? value : ''}
              onInput={(e) => {
                const text = (e.target as HTMLInputElement).value
                set(key, text === '' ? undefined : text)
              }}
            />
          )
        } else {
          control = (
            <textarea
              {...common}
              class="mono"
              rows={4}
              value={value === undefined ? '' : JSON.stringify(value, null, 2)}
              placeholder={
                schema.default !== undefined ? JSON.stringify(schema.default, null, 2) : ''
              }
              onChange={(e) => {
                const text = (e.target as HTMLTextAreaElement).value.trim()
                try {
                  set(key, text ? JSON.parse(text) : undefined)
                } catch {
                  set(key, text)
                }
              }}
            />
          )
        }
        return (
          <div class="field" key={key}>
            {kind !== 'boolean' && <label for={id}>{name}</label>}
            {control}
            {error ? (
              <span class="error" id={`${id}-hint`} role="alert">
                {error}
              </span>
            ) : (
              <span class="hint" id={`${id}-hint`}>
                {notes.join(' · ')}
              </span>
            )}
          </div>
        )
      })}
    </div>
  )
}
