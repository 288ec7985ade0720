/**
 * The generated module of the client: for each operation the client calls, its method, path,
 * parameters, request body and success response, keyed by operationId; every component schema those reach;
 * the shared error body; and the error-code union from `x-error-codes`. Pure (document in, text
 * out) so the up-to-date test can run it in memory.
 */
import { docComment, schemaToTs, UnsupportedSchemaError } from './schema-to-ts.ts'
import type { EmitContext, Schema } from './schema-to-ts.ts'

export interface OpenApiDocument {
  paths: Record<string, Record<string, Schema>>
  components?: { schemas?: Record<string, Schema> }
  'x-error-codes'?: Array<{ code: string; status: number; message: string }>
}

/** What the client calls. Adding one here and regenerating is all a new call needs. */
export const clientOperations = [
  'signInStart',
  'smsOtpSend',
  'smsOtpVerify',
  'flashCallSend',
  'flashCallVerify',
  'emailOtpSend',
  'emailOtpVerify',
  'passwordSignIn',
  'signInCompleteRegistration',
  'tokenRefresh',
  'tokenRevoke',
  'getMe',
  'logout',
] as const

/** Schema names that would shadow a JavaScript global in the generated module. */
const renamed: Record<string, string> = { Error: 'ErrorBody' }
const typeName = (schema: string) => renamed[schema] ?? schema

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'patch'])
/** Request media types in order of preference. */
const bodyTypes = ['application/json', 'application/x-www-form-urlencoded']

interface Found {
  id: string
  method: string
  path: string
  operation: Schema
}

function findOperations(doc: OpenApiDocument, ids: readonly string[]): Found[] {
  const byId = new Map<string, Found>()
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!httpMethods.has(method) || typeof operation.operationId !== 'string') continue
      byId.set(operation.operationId, { id: operation.operationId, method, path, operation })
    }
  }
  return ids.map((id) => {
    const found = byId.get(id)
    if (!found) throw new Error(`the document has no operation "${id}"`)
    return found
  })
}

function mediaSchema(content: unknown, at: string): { type: string; schema: Schema } | null {
  if (content === undefined) return null
  const media = content as Record<string, { schema?: Schema }>
  const type = bodyTypes.find((t) => media[t]) ?? Object.keys(media).find((t) => t.endsWith('json'))
  const schema = type ? media[type]?.schema : undefined
  if (!type || !schema) throw new UnsupportedSchemaError(at, 'no JSON or form body schema')
  return { type, schema }
}

/**
 * Parameters of the given locations as one object type, `null` without any: path and query
 * together (a path's `{name}` says which is which), headers apart. Cookie parameters are
 * refused: a client does not set cookies by hand.
 */
function paramsType(
  parameters: unknown,
  locations: string[],
  at: string,
  context: EmitContext,
): string {
  if (parameters === undefined) return 'null'
  if (!Array.isArray(parameters)) throw new UnsupportedSchemaError(at, 'parameters not a list')
  const seen = new Set<string>()
  const members = parameters.flatMap((value: Schema) => {
    const { name, in: where, required, schema } = value
    if (typeof name !== 'string' || seen.has(`${where}:${name}`)) {
      throw new UnsupportedSchemaError(at, `the parameter name ${String(name)}`)
    }
    if (!['path', 'query', 'header'].includes(String(where))) {
      throw new UnsupportedSchemaError(at, `the ${String(where)} parameter ${name}`)
    }
    seen.add(`${where}:${name}`)
    if (!locations.includes(String(where))) return []
    const key = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name)
    const type = schemaToTs(schema as Schema, `${at} ${String(where)} ${name}`, context)
    return [`${docComment(value.description)}${key}${required === true ? '' : '?'}: ${type}`]
  })
  return members.length ? `{\n${members.join('\n')}\n}` : 'null'
}

export function emitTypes(doc: OpenApiDocument, ids: readonly string[] = clientOperations) {
  const schemas = doc.components?.schemas ?? {}
  const named = new Map<string, string>()
  const pending: string[] = []
  const context = {
    reference(name: string, at: string) {
      if (!schemas[name]) throw new UnsupportedSchemaError(at, `a missing schema ${name}`)
      if (!named.has(name)) {
        named.set(name, '')
        pending.push(name)
      }
      return typeName(name)
    },
  }

  const routes: string[] = []
  const operations = findOperations(doc, ids).map(({ id, method, path, operation }) => {
    const at = `${method.toUpperCase()} ${path}`
    const body = mediaSchema((operation.requestBody as Schema | undefined)?.content, at)
    const responses = (operation.responses ?? {}) as Record<string, Schema>
    const success = Object.keys(responses)
      .filter((status) => /^2\d\d$/.test(status))
      .sort()[0]
    if (!success) throw new UnsupportedSchemaError(at, 'no 2xx response')
    const answer = mediaSchema(responses[success]?.content, `${at} ${success}`)
    // The same literals serve as the interface's types and the runtime table's values.
    const route = [
      `method: ${JSON.stringify(method.toUpperCase())}`,
      `path: ${JSON.stringify(path)}`,
      `bodyType: ${body ? JSON.stringify(body.type) : 'null'}`,
    ]
    routes.push(`${id}: { ${route.join(', ')} },`)
    return [
      docComment(operation.summary),
      `${id}: {\n`,
      `${route.join('\n')}\n`,
      `params: ${paramsType(operation.parameters, ['path', 'query'], at, context)}\n`,
      `headers: ${paramsType(operation.parameters, ['header'], at, context)}\n`,
      `request: ${body ? schemaToTs(body.schema, `${at} body`, context) : 'null'}\n`,
      `response: ${answer ? schemaToTs(answer.schema, `${at} ${success}`, context) : 'null'}\n`,
      '}\n',
    ].join('')
  })

  context.reference('Error', 'the error body')
  // Emitting a schema may reach further ones; drain until none is left.
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    const schema = schemas[name] as Schema
    named.set(
      name,
      `${docComment(schema.description)}export type ${typeName(name)} = ${schemaToTs(schema, name, context)}\n`,
    )
  }

  const codes = doc['x-error-codes'] ?? []
  if (codes.length === 0) throw new Error('the document lists no x-error-codes')
  return [
    '// Generated from /openapi.json by `npm run client:generate`: do not edit by hand.\n',
    '// test/generated.test.ts fails when this file and the document disagree.\n\n',
    '/** Every stable error code the server may answer (`x-error-codes`). */\n',
    `export type ErrorCode =\n${codes.map((c) => `| ${JSON.stringify(c.code)}`).join('\n')}\n\n`,
    [...named.keys()]
      .sort()
      .map((name) => named.get(name))
      .join('\n'),
    '\n/** The operations the client calls, by operationId. */\n',
    `export interface Operations {\n${operations.join('')}}\n\n`,
    `export const operations = {\n${routes.join('\n')}\n} as const satisfies {\n`,
    '[K in keyof Operations]: Pick<Operations[K], "method" | "path" | "bodyType">\n}\n',
  ].join('')
}
