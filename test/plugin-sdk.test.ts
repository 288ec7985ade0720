/**
 * The SDK entry (src/plugin-sdk/index.ts) stays small and documented: at most 45 names (types
 * included), each with its own JSDoc line, and what the file declares is what
 * `import('propusk/plugin')` returns. Here rather than beside the entry because it reads the
 * entry's source text (node:fs), which src allows only in the Node runtime.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const MAX_NAMES = 45
const source = readFileSync(new URL('../src/plugin-sdk/index.ts', import.meta.url), 'utf8')

interface Declared {
  names: Array<{ name: string; typeOnly: boolean }>
  /** Export statements without a `/** … *\/` comment right above them. */
  undocumented: string[]
  /** `export * from`: names nobody counted. */
  unbounded: string[]
}

/** The names an entry file exports; every export must be a statement of its own kind. */
function declaredExports(text: string): Declared {
  const declared: Declared = { names: [], undocumented: [], unbounded: [] }
  const statement = /(\/\*\*[^]*?\*\/\s*)?^export\s+(type\s+)?(\*(?:\s+as\s+(\w+))?|\{([^}]*)\})/gm
  for (const match of text.matchAll(statement)) {
    const [, doc, typeKeyword, , namespace, list] = match
    const names = namespace
      ? [{ name: namespace, typeOnly: false }]
      : list
        ? list
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
            .map((part) => {
              const typeOnly = !!typeKeyword || part.startsWith('type ')
              const name = part
                .replace(/^type\s+/, '')
                .split(/\s+as\s+/)
                .pop() as string
              return { name, typeOnly }
            })
        : []
    if (!namespace && !list) declared.unbounded.push(match[0])
    // One JSDoc per name: a statement exporting several names documents none of them singly.
    if (!doc || names.length > 1)
      declared.undocumented.push(match[0].replace(/^[^]*?export/, 'export'))
    declared.names.push(...names)
  }
  return declared
}

describe('propusk/plugin', () => {
  const declared = declaredExports(source)

  it(`exports at most ${MAX_NAMES} names, each documented`, () => {
    expect(declared.unbounded).toEqual([])
    expect(declared.undocumented).toEqual([])
    const names = declared.names.map((n) => n.name)
    expect(new Set(names).size).toBe(names.length)
    expect(names.length).toBeLessThanOrEqual(MAX_NAMES)
  })

  it('the count fails above the limit, and on `export *` and undocumented names', () => {
    const many = Array.from(
      { length: MAX_NAMES + 1 },
      (_, i) => `/** n${i} */\nexport { n${i} } from './x.ts'`,
    )
    expect(declaredExports(many.join('\n')).names.length).toBeGreaterThan(MAX_NAMES)
    expect(declaredExports("export * from './x.ts'").unbounded).toHaveLength(1)
    expect(declaredExports("/** two */\nexport { a, b } from './x.ts'").undocumented).toHaveLength(
      1,
    )
    expect(declaredExports("export type { A } from './x.ts'").undocumented).toHaveLength(1)
  })

  it('resolves by package name, with exactly the declared values', async () => {
    const entry: Record<string, unknown> = await import('propusk/plugin')
    const values = declared.names.filter((n) => !n.typeOnly).map((n) => n.name)
    expect(Object.keys(entry).sort()).toEqual([...values].sort())
  })
})
