/**
 * The layering rules, checked on the import specifiers of every source file:
 * - the core and the plugins are web-standard: no `node:` import, tests included (Node-only test
 *   helpers live in test/support);
 * - a plugin imports the SDK by package name (`propusk/plugin`, src/plugin-sdk) and its own
 *   files only, never another plugin or a path into src/;
 * - the core never imports a runtime entry or a plugin (tests assemble apps through
 *   src/plugins.ts or test/support);
 * - storage depends on nothing above it but the dependency-free core/crypto.ts;
 * - the Workers bundle reaches no Node-only module, and there is one migrate step.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const rel = (file: string) => relative(root, file).split('\\').join('/')

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

/** Static imports and re-exports (prettier puts them at the start of a line) and import(). */
function importSpecifiers(text: string): Array<{ specifier: string; typeOnly: boolean }> {
  const found: Array<{ specifier: string; typeOnly: boolean }> = []
  const patterns = [
    /^(?:import|export)\b([^;'"]*?)\bfrom\s*['"]([^'"]+)['"]/gm,
    /^import()\s*['"]([^'"]+)['"]/gm,
    /\bimport\(()\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      found.push({ specifier: match[2] as string, typeOnly: /^\s*type\b/.test(match[1] ?? '') })
    }
  }
  return found
}

interface Import {
  file: string
  specifier: string
  /** `import type`: erased, never bundled. */
  typeOnly: boolean
  /** Repository-relative target of a relative specifier. */
  target?: string
}

/** The package's own entries (package.json `exports`), which resolve into this repository. */
const selfReferences: Record<string, string> = {
  'propusk/plugin': 'src/plugin-sdk/index.ts',
  'propusk/testing': 'testing/index.ts',
}

function importsOf(file: string): Import[] {
  return importSpecifiers(readFileSync(file, 'utf8')).map(({ specifier, typeOnly }) =>
    specifier.startsWith('.')
      ? { file: rel(file), specifier, typeOnly, target: rel(resolve(dirname(file), specifier)) }
      : { file: rel(file), specifier, typeOnly, ...selfTarget(specifier) },
  )
}

function selfTarget(specifier: string): { target?: string } {
  const target = selfReferences[specifier]
  return target ? { target } : {}
}

/** Tests and test-only helpers beside them (`*.contract.ts`, `test-fixtures.ts`, ...). */
const isTest = (file: string) =>
  /\.(test|contract)\.tsx?$/.test(file) || /(^|\/)test-[\w-]+\.ts$/.test(file)
const describeImport = (i: Import) => `${i.file} imports ${i.specifier}`

const coreFiles = sourceFiles(join(root, 'src/core'))
const pluginFiles = sourceFiles(join(root, 'plugins'))
const storageFiles = sourceFiles(join(root, 'src/storage'))

function violations(files: string[], broken: (i: Import) => boolean): string[] {
  return files.flatMap(importsOf).filter(broken).map(describeImport)
}

describe('architecture', () => {
  it('the core and the plugins import no node: module, tests included', () => {
    const nodeBuiltin = (i: Import) => i.specifier.startsWith('node:')
    expect(violations([...coreFiles, ...pluginFiles], nodeBuiltin)).toEqual([])
  })

  it('a plugin imports only propusk/plugin and its own files', () => {
    const broken = (i: Import) => {
      if (!i.target) return false
      if (i.specifier === 'propusk/plugin') return false
      const own = i.file.split('/').slice(0, 2).join('/') + '/'
      if (i.target.startsWith(own) && i.specifier.startsWith('.')) return false
      // Tests assemble whole apps: the plugin list, the test kit, test helpers, storage
      // adapters, and core test hooks (e.g. waiting for background tasks).
      if (isTest(i.file)) {
        return !(
          i.target === 'src/plugins.ts' ||
          i.target === 'src/core/index.ts' ||
          i.specifier === 'propusk/testing' ||
          i.target.startsWith('test/support/') ||
          i.target.startsWith('src/storage/')
        )
      }
      return true
    }
    expect(violations(pluginFiles, broken)).toEqual([])
    // The rule bites: a plugin reaching into the core by path is reported.
    const planted: Import = {
      file: 'plugins/example/index.ts',
      specifier: '../../src/core/errors.ts',
      typeOnly: false,
      target: 'src/core/errors.ts',
    }
    expect(broken(planted)).toBe(true)
  })

  it('the bench shares the test kit, never the tests', () => {
    const broken = (i: Import) => i.target?.startsWith('test/') ?? false
    expect(violations(sourceFiles(join(root, 'bench')), broken)).toEqual([])
    const planted: Import = {
      file: 'bench/otp.ts',
      specifier: '../test/support/propusk.ts',
      typeOnly: false,
      target: 'test/support/propusk.ts',
    }
    expect(broken(planted)).toBe(true)
  })

  it('the core never imports a runtime entry or a plugin', () => {
    const broken = (i: Import) => {
      if (!i.target) return false
      if (i.target.startsWith('src/runtime/') || i.target.startsWith('plugins/')) return true
      if (isTest(i.file)) return false // may use src/plugins.ts and test/support
      return i.target === 'src/plugins.ts' || i.target.startsWith('test/')
    }
    expect(violations(coreFiles, broken)).toEqual([])
  })

  it('storage depends on nothing above it but core/crypto.ts', () => {
    const broken = (i: Import) =>
      !isTest(i.file) &&
      i.target !== undefined &&
      ((i.target.startsWith('src/core/') && i.target !== 'src/core/crypto.ts') ||
        i.target.startsWith('src/runtime/') ||
        i.target.startsWith('plugins/'))
    expect(violations(storageFiles, broken)).toEqual([])
  })

  it('the Workers entry reaches no Node-only module', () => {
    const seen = new Set<string>()
    const external = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const i of importsOf(join(root, file))) {
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
    const runtime = sourceFiles(join(root, 'src/runtime')).filter((f) => !isTest(f))
    const callers = runtime
      .filter((f) =>
        /\b(applyMigrations|loadCoreMigrations|loadMigrationsFromDir)\(/.test(
          readFileSync(f, 'utf8'),
        ),
      )
      .map(rel)
    expect(callers).toEqual(['src/runtime/node/migrations-from-disk.ts'])
    for (const entry of ['src/runtime/server/bootstrap.ts', 'src/runtime/node/migrate-cli.ts']) {
      expect(readFileSync(join(root, entry), 'utf8')).toMatch(/\bmigrateDatabase\(/)
    }
  })

  it('SHA-256 is computed in one place', () => {
    const digests = [...coreFiles, ...storageFiles, ...pluginFiles]
      .filter((f) => !isTest(f) && readFileSync(f, 'utf8').includes("digest('SHA-256'"))
      .map(rel)
    expect(digests).toEqual(['src/core/crypto.ts'])
  })
})
