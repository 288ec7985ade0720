/**
 * Every `pattern` in /openapi.json must be a plain ECMA-262 regular expression: client
 * generators and JSON Schema validators use them as they are, so a JavaScript flag (which zod
 * appends as `/i`) would make them reject every value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestPropusk, type TestPropusk } from './support/propusk.ts'

let propusk: TestPropusk
beforeAll(async () => {
  propusk = await createTestPropusk()
})
afterAll(async () => propusk.close())

function patterns(node: unknown, path = '$'): Array<{ path: string; pattern: string }> {
  if (!node || typeof node !== 'object') return []
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'pattern' && typeof value === 'string'
      ? [{ path, pattern: value }]
      : patterns(value, `${path}.${key}`),
  )
}

describe('OpenAPI patterns', () => {
  it('are plain expressions without JavaScript flags', async () => {
    const doc = await (await propusk.app.request('/openapi.json')).json()
    const found = patterns(doc)
    expect(found.length).toBeGreaterThan(5)
    for (const { path, pattern } of found) {
      expect(() => new RegExp(pattern, 'u'), path).not.toThrow()
      expect(pattern, path).not.toMatch(/\$\/[a-z]+$/)
    }
  })
})
