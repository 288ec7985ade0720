/**
 * src/generated.ts is what `npm run client:generate` writes from the server's own document, so
 * the client's paths, bodies, answers and error codes cannot drift from the API: this fails when
 * they disagree (regenerate and commit). The emitter is also held to failing loudly on a schema
 * it does not understand, never widening it to `any`.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { emitTypes, type OpenApiDocument } from '../scripts/emit-types.ts'
import { generatedFile, generatedSource } from '../scripts/generate.ts'
import { openApiDocument } from '../scripts/openapi-document.ts'
import { schemaToTs, UnsupportedSchemaError, type Schema } from '../scripts/schema-to-ts.ts'

const names = { reference: (name: string) => name }
const ts = (schema: Schema) => schemaToTs(schema, 'X', names)

describe('the generated client types', () => {
  it('src/generated.ts is what the current /openapi.json generates', async () => {
    const committed = await readFile(generatedFile, 'utf8')
    const fresh = await generatedSource()
    expect(committed, 'run `npm run client:generate` and commit src/generated.ts').toBe(fresh)
    const code = committed.replace(/\/\*\*[\s\S]*?\*\/|\/\/.*$/gm, '') // "any" in prose is fine
    expect(code).not.toMatch(/\bany\b/)
  }, 60_000)

  it('can type every JSON operation of the API, e.g. the admin API for the console', async () => {
    const doc = await openApiDocument()
    const all = Object.values(doc.paths).flatMap((item) => Object.values(item))
    // Pages (/invite, …) and the CSV exports answer no JSON: refused, loudly.
    const notJson = (op: Schema) =>
      Object.entries(op.responses as Record<string, { content?: object }>).some(
        ([status, answer]) =>
          status.startsWith('2') &&
          answer.content !== undefined &&
          !Object.keys(answer.content).some((type) => type.endsWith('json')),
      )
    const ids = all.filter((op) => !notJson(op)).map((op) => String(op.operationId))
    expect(ids.length).toBeGreaterThan(70)
    const text = emitTypes(doc, ids)
    expect(text).toContain('adminGetUser: {\nmethod: "GET"\npath: "/v1/admin/users/{id}"')
    expect(text).toMatch(/consoleSignIn: \{[^}]*\nheaders: \{\n[^}]*"x-propusk-console": "1"/)
    for (const op of all.filter(notJson)) {
      expect(() => emitTypes(doc, [String(op.operationId)])).toThrow(/no JSON or form body/)
    }
  }, 60_000)

  it('maps the JSON Schema the server emits', () => {
    expect(ts({ type: ['string', 'null'], maxLength: 3 })).toBe('(string) | (null)')
    expect(ts({ type: 'integer', minimum: 0 })).toBe('number')
    expect(ts({ enum: ['a', 'b'] })).toBe('("a") | ("b")')
    expect(ts({ type: 'array', items: { $ref: '#/components/schemas/Role' } })).toBe('Array<Role>')
    expect(ts({ anyOf: [{ type: 'string' }, { const: 1 }] })).toBe('(string) | (1)')
    expect(
      ts({
        type: 'object',
        properties: { a: { type: 'string', description: 'The A' }, 'b-c': { type: 'boolean' } },
        required: ['a'],
        additionalProperties: {},
      }),
    ).toBe('{\n/** The A */\na: string\n"b-c"?: boolean\n} & { [key: string]: unknown }')
    expect(ts({})).toBe('unknown')
  })

  it.each([
    ['an unknown keyword', { type: 'string', not: { const: 'x' } }],
    ['an external reference', { $ref: 'https://example.com/schema.json' }],
    ['an unknown type', { type: 'decimal' }],
    ['an array without items', { type: 'array' }],
    ['properties without a type', { properties: { a: { type: 'string' } } }],
    ['patternProperties', { type: 'object', patternProperties: { '^x': {} } }],
  ])('refuses %s instead of guessing', (_, schema) => {
    expect(() => ts(schema)).toThrow(UnsupportedSchemaError)
  })

  it('refuses an operation the document lacks, or one without a success answer', () => {
    const doc: OpenApiDocument = {
      paths: { '/a': { get: { operationId: 'getA', responses: { '404': {} } } } },
      'x-error-codes': [{ code: 'not_found', status: 404, message: 'No.' }],
      components: { schemas: { Error: { type: 'object' } } },
    }
    expect(() => emitTypes(doc, ['getB'])).toThrow('the document has no operation "getB"')
    expect(() => emitTypes(doc, ['getA'])).toThrow('no 2xx response')
  })
})
