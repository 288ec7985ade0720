/**
 * The part of the app's own `/openapi.json` the fuzzer walks: every path and method, with its
 * parameters and request body media types, `$ref`s resolved. Reading the served document (not a
 * hand-written route list) means a new route is fuzzed the day it is documented.
 */
export interface Schema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  pattern?: string
  format?: string
  example?: unknown
  default?: unknown
}

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Schema
}

export interface Operation {
  method: string
  /** The OpenAPI path template, e.g. `/v1/admin/users/{id}`. */
  path: string
  parameters: Parameter[]
  /** Request body media types and their schemas (empty when the operation takes no body). */
  bodies: Array<{ mediaType: string; schema: Schema }>
  secured: boolean
  /** Media types the operation documents for its 4xx answers (HTML pages document text/html). */
  errorMediaTypes: Set<string>
}

interface RawOperation {
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
  security?: unknown[]
  responses?: Record<string, { content?: Record<string, unknown> }>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>
  components?: { schemas?: Record<string, Schema> }
}

const methods = ['get', 'post', 'put', 'patch', 'delete']

export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!methods.includes(method)) continue
      const errorMediaTypes = new Set<string>()
      for (const [status, response] of Object.entries(raw.responses ?? {})) {
        if (!status.startsWith('4')) continue
        for (const type of Object.keys(response.content ?? {})) errorMediaTypes.add(type)
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (raw.parameters ?? []).map((p) => ({
          ...p,
          ...(p.schema ? { schema: resolve(doc, p.schema) } : {}),
        })),
        bodies: Object.entries(raw.requestBody?.content ?? {}).map(([mediaType, content]) => ({
          mediaType,
          schema: resolve(doc, content.schema ?? {}),
        })),
        secured: (raw.security ?? []).length > 0,
        errorMediaTypes,
      })
    }
  }
  return operations
}

/** Resolves `$ref`s deeply (the document has no recursive schemas). */
export function resolve(doc: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 20) return {}
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '')
    const target = doc.components?.schemas?.[name]
    return target ? resolve(doc, target, depth + 1) : {}
  }
  const out: Schema = { ...schema }
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(doc, v, depth + 1)]),
    )
  }
  if (schema.items) out.items = resolve(doc, schema.items, depth + 1)
  if (typeof schema.additionalProperties === 'object') {
    out.additionalProperties = resolve(doc, schema.additionalProperties, depth + 1)
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key]
    if (list) out[key] = list.map((s) => resolve(doc, s, depth + 1))
  }
  return out
}
