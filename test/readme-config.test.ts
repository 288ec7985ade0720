/**
 * The README's configuration table is the operator's contract: it must name exactly the
 * settings `src/kernel/config.ts` reads, with the same defaults and the same accepted URL forms,
 * and say what Workers refuse (as `src/runtime/workers/boot.ts` does).
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { loadSettings, settingsSchema } from '../src/kernel/config.ts'
import { workerProblems } from '../src/runtime/workers/boot.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const readme = readFileSync(resolve(root, 'README.md'), 'utf8')

/** `| \`NAME\` | default | meaning |` rows of the configuration table. */
function configurationTable(): Map<string, { defaults: string; meaning: string }> {
  const section = readme.slice(readme.indexOf('## Configuration'))
  const rows = new Map<string, { defaults: string; meaning: string }>()
  for (const line of section.slice(0, section.indexOf('\n## ')).split('\n')) {
    const cells = /^\|\s*`([A-Z_]+)`\s*\|(.*)\|(.*)\|\s*$/.exec(line)
    if (cells)
      rows.set(cells[1] as string, { defaults: cells[2]!.trim(), meaning: cells[3]!.trim() })
  }
  return rows
}

const table = configurationTable()
const fields = settingsSchema.shape as Record<string, z.ZodType>

describe('README configuration table', () => {
  it('names exactly the settings config.ts reads', () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(fields).sort())
  })

  it('gives the schema default of every setting that has one', () => {
    for (const [name, field] of Object.entries(fields)) {
      const value: unknown = field.safeParse(undefined).data
      const cell = table.get(name)?.defaults ?? ''
      if (typeof value === 'string' || typeof value === 'number') {
        expect(cell, name).toContain(`\`${value}\``)
      } else if (Array.isArray(value)) {
        expect(value, name).toEqual([])
        expect(cell, name).toBe('none')
      } else if (value && typeof value === 'object') {
        expect(cell, name).toContain(`\`${JSON.stringify(value)}\``)
      } else {
        // No schema default: the row says none, or which runtime fills one in.
        expect(cell, name).toMatch(/^—$|none|development|derived|chosen/)
      }
    }
  })

  it('lists every URL form the schema accepts, and what Workers refuse', () => {
    const turso = table.get('TURSO_DATABASE_URL')?.meaning ?? ''
    const accepted = ['file:', ':memory:', 'libsql://', 'https://', 'http://', 'wss://', 'ws://']
    for (const form of accepted) {
      const url = form.endsWith(':') ? `${form}/tmp/x.db` : `${form}db.example.com`
      expect(() => loadSettings({ TURSO_DATABASE_URL: url }), form).not.toThrow()
      expect(turso, form).toContain(`\`${form}\``)
    }
    expect(() => loadSettings({ TURSO_DATABASE_URL: 'postgres://x' })).toThrow()
    const workersSay = turso.slice(turso.indexOf('Workers'))
    for (const form of accepted) {
      const refused = workerProblems(loadSettings({ TURSO_DATABASE_URL: `${form}x` })).length > 0
      expect(workersSay.includes(`\`${form}\``) && /not/.test(workersSay), form).toBe(refused)
    }
    expect(table.get('REDIS_URL')?.meaning).toMatch(/Workers refuse it/)
    const runtimes = readFileSync(resolve(root, 'docs/runtimes.md'), 'utf8')
    expect(runtimes).toContain('not `file:` or `:memory:`')
  })
})
