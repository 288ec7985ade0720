/**
 * Values for the fuzzer: a plausible valid value for a schema (so a request gets past the first
 * check and a single broken field is what the app must handle), and the hostile strings that
 * replace it.
 */
import type { Schema } from './openapi-model.ts'
import type { Rng } from './rng.ts'

/** Things that fill fields meaningfully: real client ids, logins and ids that exist in the app. */
export interface Pools {
  clientIds: string[]
  logins: string[]
  ids: string[]
}

/** Strings that broke parsers, loggers and databases somewhere before. */
export const oddStrings: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C.txt',
  '\u200F\u200E\u061C',
  '\ud800',
  '\udfff\ud800x',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307',
  '\uFEFFbom',
  '\u2028\u2029',
  '𝕏𝔶𝔷',
  'Ａｄｍｉｎ',
  '\r\nX-Injected: 1',
  '\t\v\f\b',
  '%00%ZZ%',
  '../../../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  '-0',
  '1e999',
  '9'.repeat(400),
  '+7 916 123-45-67\u0000',
  'иван@пример.рф',
  'a@b',
  '@@@',
  '+',
  '+0000000000000000000000',
]

/**
 * A string of at least 100 KB, plain or made of multi-byte characters; now and then over the
 * 1 MiB body limit.
 */
export function hugeString(rng: Rng): string {
  const unit = rng.pick(['x', 'я', '😀', '\u0000', '7', '%', '\\'])
  const length = rng.chance(0.1) ? 1_100_000 : rng.int(100_000, 120_000)
  return unit.repeat(length / unit.length)
}

export function oddString(rng: Rng): string {
  return rng.chance(0.1) ? hugeString(rng) : rng.pick(oddStrings)
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'

function plainString(rng: Rng, min: number, max: number): string {
  const length = rng.int(min, Math.max(min, Math.min(max, min + 24)))
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[rng.int(0, alphabet.length - 1)]
  return out
}

const digits = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => String(rng.int(0, 9))).join('')

/** A value for a string field, guided by its name and pattern so it passes the schema. */
function stringFor(name: string, schema: Schema, rng: Rng, pools: Pools): string {
  const key = name.toLowerCase()
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? 64
  if (schema.pattern === '^\\d{4,10}$' || key === 'code') return digits(rng, rng.int(4, 6))
  if (schema.pattern === '^[A-Z]{2}$') return rng.pick(['RU', 'KZ', 'US'])
  if (typeof schema.example === 'string' && rng.chance(0.4)) return schema.example
  if (key.includes('login')) return rng.pick(pools.logins)
  if (key.includes('phone')) return `+7916${digits(rng, 7)}`
  if (key.includes('email') || key === 'recipient')
    return `fuzz.${plainString(rng, 3, 8)}@example.com`
  if (key === 'clientid' || key === 'client_id') return rng.pick(pools.clientIds)
  if (key === 'grant_type') return rng.pick(['refresh_token', 'password', 'authorization_code'])
  if (key.endsWith('id') && pools.ids.length > 0 && rng.chance(0.5)) return rng.pick(pools.ids)
  if (key === 'from' || key === 'to' || key.endsWith('at')) return new Date().toISOString()
  if (schema.pattern?.startsWith('^[a-z0-9]')) return `fz-${plainString(rng, 3, 20)}`
  return plainString(rng, Math.max(min, key.includes('token') ? 40 : 0), max)
}

/** A valid-looking value for `schema`; `name` is the field it fills. */
export function validValue(schema: Schema, rng: Rng, pools: Pools, name = '', depth = 0): unknown {
  if (depth > 6) return null
  if (schema.enum && schema.enum.length > 0) return rng.pick(schema.enum)
  const choices = schema.anyOf ?? schema.oneOf
  if (choices && choices.length > 0) return validValue(rng.pick(choices), rng, pools, name, depth)
  if (schema.allOf) {
    const merged: Schema = { type: 'object', properties: {}, required: [] }
    for (const part of schema.allOf) {
      Object.assign(merged.properties ?? {}, part.properties)
      merged.required?.push(...(part.required ?? []))
    }
    return validValue(merged, rng, pools, name, depth)
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'object']
  const type = types.find((t) => t !== 'null') ?? 'null'
  switch (type) {
    case 'string':
      return stringFor(name, schema, rng, pools)
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? 1
      const max = Math.min(schema.maximum ?? 100, min + 1000)
      return rng.int(Math.ceil(min), Math.floor(max))
    }
    case 'boolean':
      return rng.chance(0.5)
    case 'null':
      return null
    case 'array': {
      const count = rng.int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3))
      return Array.from({ length: count }, () =>
        validValue(schema.items ?? {}, rng, pools, name, depth + 1),
      )
    }
    default: {
      const out: Record<string, unknown> = {}
      const required = new Set(schema.required ?? [])
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || rng.chance(0.5)) {
          out[key] = validValue(property, rng, pools, key, depth + 1)
        }
      }
      return out
    }
  }
}

/** A value of another JSON type than `schema` wants. */
export function wrongTypeValue(schema: Schema, rng: Rng): unknown {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  const candidates: unknown[] = [
    42,
    -1,
    1.5,
    2 ** 53 + 1,
    true,
    null,
    'str',
    [],
    [1, 'a', null],
    {},
    { nested: { deeper: [] } },
    1e308,
  ]
  const wrong = candidates.filter((value) => {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
    const mapped = kind === 'number' ? ['number', 'integer'] : [kind]
    return !mapped.some((t) => types.includes(t))
  })
  return rng.pick(wrong.length > 0 ? wrong : candidates)
}
