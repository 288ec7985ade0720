/**
 * JSON Schema (the OpenAPI 3.1 dialect that zod-openapi emits) to TypeScript type text. It knows
 * a deliberately small set of keywords; anything else throws with the schema's location, because
 * a silently widened type (`any`) is exactly the drift the generated client exists to prevent.
 */

export type Schema = { [keyword: string]: unknown }

/** Keywords that constrain or describe values but do not change their TypeScript type. */
const annotations = new Set([
  'description',
  'example',
  'examples',
  'title',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
])
const structural = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'oneOf',
  'allOf',
])

export class UnsupportedSchemaError extends Error {
  constructor(at: string, what: string) {
    super(`cannot generate a type for ${at}: ${what}`)
    this.name = 'UnsupportedSchemaError'
  }
}

export interface EmitContext {
  /** Called for every `#/components/schemas/<name>` reference met; returns the type name. */
  reference(name: string, at: string): string
}

const componentRef = /^#\/components\/schemas\/([A-Za-z_][A-Za-z0-9_]*)$/
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asSchema(value: unknown, at: string): Schema {
  if (!isSchema(value)) throw new UnsupportedSchemaError(at, 'not a schema object')
  return value
}

function literal(value: unknown, at: string): string {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return JSON.stringify(value)
  }
  throw new UnsupportedSchemaError(at, `enum/const value ${JSON.stringify(value)}`)
}

/** A JSDoc block for a description (`*\/` cannot end it early). */
export function docComment(description: unknown, indent = ''): string {
  if (typeof description !== 'string' || !description.trim()) return ''
  const lines = description.trim().replaceAll('*/', '*\\/').split('\n')
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`
}

function objectType(schema: Schema, at: string, context: EmitContext): string {
  const properties = schema.properties === undefined ? {} : asSchema(schema.properties, at)
  const required = schema.required ?? []
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) {
    throw new UnsupportedSchemaError(at, '`required` is not a list of names')
  }
  const members = Object.entries(properties).map(([name, value]) => {
    const property = asSchema(value, `${at}.${name}`)
    const key = identifier.test(name) ? name : JSON.stringify(name)
    const optional = required.includes(name) ? '' : '?'
    const type = schemaToTs(property, `${at}.${name}`, context)
    return `${docComment(property.description)}${key}${optional}: ${type}`
  })
  const extra = schema.additionalProperties
  let rest: string | null = null
  if (extra === true || (isSchema(extra) && Object.keys(extra).length === 0)) rest = 'unknown'
  else if (isSchema(extra)) rest = schemaToTs(extra, `${at}[*]`, context)
  else if (extra !== undefined && extra !== false) {
    throw new UnsupportedSchemaError(at, '`additionalProperties` is neither a schema nor boolean')
  }
  const body = members.length ? `{\n${members.join('\n')}\n}` : null
  if (rest === null) return body ?? 'Record<string, never>'
  // An index signature must admit every named property's type, so the extras go beside it.
  return body ? `${body} & { [key: string]: ${rest} }` : `Record<string, ${rest}>`
}

function typeFor(name: unknown, schema: Schema, at: string, context: EmitContext): string {
  switch (name) {
    case 'string':
    case 'boolean':
    case 'null':
      return name
    case 'integer':
    case 'number':
      return 'number'
    case 'array':
      if (schema.items === undefined) throw new UnsupportedSchemaError(at, 'an array without items')
      return `Array<${schemaToTs(asSchema(schema.items, `${at}[]`), `${at}[]`, context)}>`
    case 'object':
      return objectType(schema, at, context)
    default:
      throw new UnsupportedSchemaError(at, `type ${JSON.stringify(name)}`)
  }
}

function union(parts: string[]): string {
  const unique = [...new Set(parts)]
  return unique.length === 1 ? (unique[0] as string) : unique.map((p) => `(${p})`).join(' | ')
}

/** The TypeScript type of `schema`; `at` names its place for error messages. */
export function schemaToTs(schema: Schema, at: string, context: EmitContext): string {
  for (const keyword of Object.keys(schema)) {
    if (!annotations.has(keyword) && !structural.has(keyword)) {
      throw new UnsupportedSchemaError(at, `the keyword "${keyword}"`)
    }
  }
  if (schema.$ref !== undefined) {
    const match = typeof schema.$ref === 'string' ? componentRef.exec(schema.$ref) : null
    if (!match) throw new UnsupportedSchemaError(at, `the reference ${String(schema.$ref)}`)
    return context.reference(match[1] as string, at)
  }
  if (schema.const !== undefined) return literal(schema.const, at)
  if (schema.enum !== undefined) {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0) {
      throw new UnsupportedSchemaError(at, 'an empty or malformed enum')
    }
    return union(schema.enum.map((value) => literal(value, at)))
  }
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const parts = schema[keyword]
    if (parts === undefined) continue
    if (!Array.isArray(parts)) throw new UnsupportedSchemaError(at, `${keyword} is not a list`)
    return union(
      parts.map((p, i) => schemaToTs(asSchema(p, at), `${at}.${keyword}[${i}]`, context)),
    )
  }
  if (schema.allOf !== undefined) {
    if (!Array.isArray(schema.allOf)) throw new UnsupportedSchemaError(at, 'allOf is not a list')
    const parts = schema.allOf.map((p, i) =>
      schemaToTs(asSchema(p, at), `${at}.allOf[${i}]`, context),
    )
    return parts.map((p) => `(${p})`).join(' & ')
  }
  if (Array.isArray(schema.type)) {
    return union(schema.type.map((name) => typeFor(name, schema, at, context)))
  }
  if (schema.type !== undefined) return typeFor(schema.type, schema, at, context)
  // No type and no composition: any JSON value, honestly `unknown`.
  if (schema.properties !== undefined || schema.items !== undefined) {
    throw new UnsupportedSchemaError(at, 'properties or items without a type')
  }
  return 'unknown'
}
