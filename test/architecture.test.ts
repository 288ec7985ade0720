/**
 * The layering of docs/architecture.md, enforced: every rule passes on the tree as it is, and
 * fails once one violating file is planted beside the real ones (so no rule is vacuous).
 * Plus two whole-program checks: the Workers entry reaches no Node-only module, and one
 * migrate step.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { importsOf, isTest, rules, type Tree } from './architecture/rules.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function readTree(): Map<string, string> {
  const tree = new Map<string, string>()
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
      const path = dir ? `${dir}/${name}` : name
      if (statSync(join(root, path)).isDirectory()) walk(path)
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
        tree.set(path, readFileSync(join(root, path), 'utf8'))
    }
  }
  for (const dir of ['src', 'plugins', 'testing', 'bench']) walk(dir)
  return tree
}

const tree = readTree()
const rule = (name: string) => {
  const found = rules.find((r) => r.name === name)
  if (!found) throw new Error(`no rule ${name}`)
  return found
}
const planted = (files: Record<string, string>): Tree =>
  new Map([...tree, ...Object.entries(files)])

/** One planted violation per rule: the file(s) added to the real tree. */
const plants: Record<string, Record<string, string>> = {
  'the kernel imports nothing else in src': {
    'src/kernel/planted.ts': "import { x } from '../modules/identity/index.ts'\n",
  },
  'the folder graph of src has no cycles': {
    'src/kernel/planted-a/a.ts': "import { b } from '../planted-b/b.ts'\n",
    'src/kernel/planted-b/b.ts': "import { a } from '../planted-a/a.ts'\n",
  },
  'a module imports the kernel, and other modules only through their index': {
    'src/modules/otp/planted.ts': "import { x } from '../identity/normalize.ts'\n",
  },
  'a module takes no Hono Context': {
    'src/modules/otp/planted.ts': "import type { Context } from 'hono'\n",
  },
  'an API folder imports the kernel, modules (through their index) and src/api files only': {
    'src/api/admin/planted.ts': "import { x } from '../console/index.ts'\n",
  },
  'storage adapters import only the kernel ports': {
    'src/storage/sql/planted.ts': "import { x } from '../../kernel/config.ts'\n",
  },
  'a plugin imports only propusk/plugin (its tests also propusk/testing) and its own files': {
    'plugins/sign-in/password/planted.ts': "import { x } from '../../../src/kernel/errors.ts'\n",
  },
  'no test code under src except *.test.ts': {
    'src/modules/otp/planted-fixtures.ts': "import { it } from 'vitest'\n",
  },
  'bench imports testing/, not test/': {
    'bench/planted.ts': "import { x } from '../test/support/app.ts'\n",
  },
  'SQL text only in store files': {
    'src/api/admin/planted.ts': "const q = 'SELECT id FROM users WHERE id = ?'\n",
  },
  'src and plugins import no node: module outside the Node runtime and Node-only adapters': {
    'src/modules/otp/planted.ts': "import { readFileSync } from 'node:fs'\n",
  },
}

describe('architecture', () => {
  for (const r of rules) {
    it(r.name, () => {
      expect(r.check(tree)).toEqual([])
    })
    it(`${r.name}: a planted violation is caught`, () => {
      const plant = plants[r.name]
      expect(plant, `no planted violation for "${r.name}"`).toBeDefined()
      const before = new Set(rule(r.name).check(tree))
      const added = rule(r.name)
        .check(planted(plant ?? {}))
        .filter((v) => !before.has(v))
      expect(added.length).toBeGreaterThan(0)
    })
  }

  it('the Workers entry reaches no Node-only module', () => {
    const seen = new Set<string>()
    const external = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file) || !tree.has(file)) return
      seen.add(file)
      for (const i of importsOf(file, tree.get(file) ?? '')) {
        if (i.typeOnly) continue
        if (i.target) visit(i.target)
        else external.add(i.specifier)
      }
    }
    visit('src/runtime/workers/index.ts')
    const nodeOnly = [...external].filter(
      (s) => s.startsWith('node:') || s === 'ioredis' || s === '@libsql/client',
    )
    expect(nodeOnly).toEqual([])
    expect(seen).toContain('src/storage/state/open.ts')
  })

  it('npm start and npm run migrate run one migrate step', () => {
    const callers = [...tree.entries()]
      .filter(([f, text]) => f.startsWith('src/runtime/') && !isTest(f))
      .filter(([, text]) =>
        /\b(applyMigrations|loadCoreMigrations|loadMigrationsFromDir)\(/.test(text),
      )
      .map(([f]) => f)
    expect(callers).toEqual(['src/runtime/server/migrations-from-disk.ts'])
    for (const entry of ['src/runtime/server/bootstrap.ts', 'src/runtime/node/migrate-cli.ts']) {
      expect(tree.get(entry)).toMatch(/\bmigrateDatabase\(/)
    }
  })

  it('client authentication is decided by one rule', () => {
    // mustProveSecret in clients/client-auth.ts; apps.ts asks the same question for another
    // purpose: which apps may be issued a secret at all.
    const deciders = [...tree.entries()]
      .filter(([f, text]) => !isTest(f) && /clientKind\s*===\s*'confidential'/.test(text))
      .map(([f]) => f)
      .sort()
    expect(deciders).toEqual([
      'src/modules/clients/client-auth.ts',
      'src/modules/identity/store/apps.ts',
    ])
  })

  it('SHA-256 is computed in one place', () => {
    const digests = [...tree.entries()]
      .filter(([f, text]) => !isTest(f) && !f.startsWith('bench/') && !f.startsWith('testing/'))
      .filter(([, text]) => text.includes("digest('SHA-256'"))
      .map(([f]) => f)
    expect(digests).toEqual(['src/kernel/crypto.ts'])
  })

  it('errors are built from their code tables, not with new ApiError', () => {
    // errorsFrom builds every coded error; the error handler wraps Hono's own exceptions and
    // localize copies an already built error into another language.
    const builders = [...tree.entries()]
      .filter(([f, text]) => !isTest(f) && /\bnew ApiError\(/.test(text))
      .map(([f]) => f)
      .sort()
    expect(builders).toEqual([
      'src/kernel/errors.ts',
      'src/kernel/http/error-handler.ts',
      'src/kernel/i18n/localize.ts',
    ])
  })

  it('names the rules it enforces in docs/architecture.md', () => {
    // Prettier may wrap a name across lines and escape `*`: compare words only.
    const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8')
      .replace(/\\/g, '')
      .replace(/\s+/g, ' ')
    for (const r of rules) expect(doc, r.name).toContain(r.name)
  })
})
