/**
 * The console's API types are generated from the server's own /openapi.json
 * (admin-ui/src/api/generated.ts, by admin-ui/scripts/api-types.ts with the client package's
 * emitter): this fails when the committed file and the document disagree, so a changed answer
 * shows up as a type error in the console instead of a surprise in the browser.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  consoleOperations,
  consoleTypesFile,
  consoleTypesSource,
} from '../admin-ui/scripts/api-types.ts'

describe('the console API types', () => {
  it('admin-ui/src/api/generated.ts is what the current /openapi.json generates', async () => {
    const committed = await readFile(consoleTypesFile, 'utf8')
    const fresh = await consoleTypesSource()
    expect(committed, 'run `npx tsx admin-ui/scripts/api-types.ts` and commit the file').toBe(fresh)
  }, 60_000)

  it('covers every admin API path the console calls', async () => {
    const endpoints = await readFile(
      new URL('../admin-ui/src/api/endpoints.ts', import.meta.url),
      'utf8',
    )
    const generated = await readFile(consoleTypesFile, 'utf8')
    const typed = new Set([...generated.matchAll(/\bpath: '([^']+)'/g)].map((m) => m[1]))
    // `/v1/admin/users/${enc(id)}/block` → `/v1/admin/users/{id}/block`
    const called = [...endpoints.matchAll(/[`'](\/v1\/[^`']+)[`']/g)]
      .map((m) => (m[1] as string).replace(/\$\{enc\((\w+)\)\}/g, '{$1}'))
      .filter((path) => !path.endsWith('/export'))
    expect(called.length).toBeGreaterThan(20)
    expect(called.filter((path) => !typed.has(path))).toEqual([])
    expect(consoleOperations.length).toBe(new Set(consoleOperations).size)
  })
})
