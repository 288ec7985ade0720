/**
 * Broken request bodies: start from a valid body for the operation's schema and break it one
 * way. Each mutation returns the raw body text (so invalid JSON is possible) and a label that
 * names what was broken, for the failure report.
 */
import type { Schema } from './openapi-model.ts'
import type { Rng } from './rng.ts'
import { hugeString, oddString, validValue, wrongTypeValue, type Pools } from './values.ts'

export interface BrokenBody {
  label: string
  text: string
}

type Mutation = (body: Record<string, unknown>, schema: Schema, rng: Rng) => BrokenBody

const fieldOf = (body: Record<string, unknown>, rng: Rng): string | undefined => {
  const keys = Object.keys(body)
  return keys.length > 0 ? rng.pick(keys) : undefined
}

function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
}

const mutations: Record<string, Mutation> = {
  valid: (body) => ({ label: 'valid', text: JSON.stringify(body) }),
  missingRequired: (body, schema, rng) => {
    const key = schema.required?.length ? rng.pick(schema.required) : fieldOf(body, rng)
    const copy = { ...body }
    if (key) delete copy[key]
    return { label: `missing ${key ?? '(nothing)'}`, text: JSON.stringify(copy) }
  },
  extraFields: (body, _schema, rng) => {
    const extra = rng.pick(['isAdmin', 'role', 'status', 'id', 'passwordHash', 'x'.repeat(300)])
    return {
      label: `extra field ${extra.slice(0, 20)}`,
      text: JSON.stringify({ ...body, [extra]: rng.pick([true, 'active', 1, {}]) }),
    }
  },
  wrongType: (body, schema, rng) => {
    const key = fieldOf(body, rng)
    if (!key) return { label: 'wrong type (whole body)', text: '42' }
    const value = wrongTypeValue(schema.properties?.[key] ?? {}, rng)
    return { label: `wrong type ${key}`, text: JSON.stringify({ ...body, [key]: value }) }
  },
  hugeField: (body, schema, rng) => {
    const key = fieldOf(body, rng) ?? Object.keys(schema.properties ?? {})[0] ?? 'field'
    return { label: `huge ${key}`, text: JSON.stringify({ ...body, [key]: hugeString(rng) }) }
  },
  oddUnicode: (body, schema, rng) => {
    const key = fieldOf(body, rng) ?? Object.keys(schema.properties ?? {})[0] ?? 'field'
    const value = oddString(rng)
    return {
      label: `odd ${key}=${JSON.stringify(value.slice(0, 12))}`,
      text: JSON.stringify({ ...body, [key]: value }),
    }
  },
  deepNesting: (body, _schema, rng) => {
    const depth = rng.pick([100, 5_000, 100_000])
    const kind = rng.pick(['array', 'object'] as const)
    const key = fieldOf(body, rng)
    const inner = nested(depth, kind)
    const text = key
      ? JSON.stringify({ ...body, [key]: 0 }).replace(`"${key}":0`, `"${key}":${inner}`)
      : inner
    return { label: `deep ${kind} ${depth}`, text }
  },
  notAnObject: (body, _schema, rng) => {
    const text = rng.pick([JSON.stringify([body]), '[]', '42', '"text"', 'null', 'true', '{}'])
    return { label: `body ${text.slice(0, 12)}`, text }
  },
  invalidJson: (body, _schema, rng) => {
    const valid = JSON.stringify(body)
    const text = rng.pick([
      valid.slice(0, Math.max(1, valid.length - 3)),
      `${valid.slice(0, -1)},}`,
      valid.replaceAll('"', "'"),
      `\uFEFF${valid}`,
      '{"a":NaN}',
      '{"a":Infinity}',
      '{"a":1e99999}',
      '',
      ' ',
      '{',
      '\u0000',
      '{"a":"\\ud800"}',
      '{"a":"\\u00"}',
      `${valid}${valid}`,
    ])
    return { label: `invalid json ${JSON.stringify(text.slice(0, 16))}`, text }
  },
  duplicateKeys: (body, _schema, rng) => {
    const key = fieldOf(body, rng) ?? 'a'
    const text = `{"${key}":"first",${JSON.stringify(body).slice(1)}`.replace(',}', '}')
    return { label: `duplicate key ${key}`, text }
  },
  prototypeKeys: (body, _schema, rng) => {
    const key = rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'])
    const text = `{"${key}":{"isAdmin":true,"polluted":1},${JSON.stringify(body).slice(1)}`
    return { label: `prototype key ${key}`, text: text.replace(',}', '}') }
  },
  numberEdges: (body, _schema, rng) => {
    const key = fieldOf(body, rng) ?? 'n'
    const raw = rng.pick([
      '-0',
      '1e308',
      '-1e308',
      '1.0000000000000002',
      '9007199254740993',
      '0.1e-400',
    ])
    const text = JSON.stringify({ ...body, [key]: 0 }).replace(`"${key}":0`, `"${key}":${raw}`)
    return { label: `number ${key}=${raw}`, text }
  },
}

export const bodyMutationNames = Object.keys(mutations)

/** A body for `schema` broken by a randomly chosen mutation (or left valid). */
export function brokenBody(schema: Schema, rng: Rng, pools: Pools): BrokenBody {
  const generated = validValue(schema, rng, pools)
  const body =
    generated && typeof generated === 'object' && !Array.isArray(generated)
      ? (generated as Record<string, unknown>)
      : {}
  const name = rng.pick(bodyMutationNames)
  return (mutations[name] as Mutation)(body, schema, rng)
}
