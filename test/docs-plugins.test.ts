/**
 * docs/plugins.md is the plugin author's reference: it must name every export of the SDK
 * (`propusk/plugin`) and of the test kit (`propusk/testing`), and its code blocks must import
 * only what a plugin may import, only names those entries export, and type-check against them
 * as they are today; the worked examples' own tests must pass.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const doc = read('docs/plugins.md')

/** The names an entry file exports (`a as b` counts as `b`; `export * as ns` as `ns`). */
function exportedNames(source: string): string[] {
  const names: string[] = []
  for (const [, list] of source.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of (list ?? '').split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
      if (name) names.push(name)
    }
  }
  for (const [, name] of source.matchAll(/^export\s+\*\s+as\s+(\w+)/gm)) names.push(name ?? '')
  return names
}

/** The `ts` code blocks of a markdown text. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([^]*?)^```/gm)].map(([, code]) => code ?? '')
}

/** Each import of a code block: its specifier and the names it imports by name. */
function importsOf(code: string): Array<{ from: string; names: string[] }> {
  return [...code.matchAll(/^import\s+(?:type\s+)?([^;]*?)\s+from\s+'([^']+)'/gm)].map(
    ([, clause = '', from = '']) => ({
      from,
      names:
        /\{([^}]*)\}/
          .exec(clause)?.[1]
          ?.split(',')
          .map((part) =>
            part
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0]
              ?.trim(),
          )
          .filter((name): name is string => !!name) ?? [],
    }),
  )
}

/** The section of the doc under a `## ` heading, up to the next one. */
function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}`)
  expect(start, `docs/plugins.md has a "## ${heading}" section`).toBeGreaterThan(0)
  const end = doc.indexOf('\n## ', start + 1)
  return doc.slice(start, end < 0 ? undefined : end)
}

const entries = {
  'propusk/plugin': exportedNames(read('src/plugin-sdk/index.ts')),
  'propusk/testing': exportedNames(read('testing/index.ts')),
}

/**
 * What is wrong with a code block's imports: a specifier a plugin may not import (only the two
 * entries, zod, vitest, its own files, and in the registration snippet `../plugins/…`), or a
 * name the entry does not export.
 */
function importProblems(code: string): string[] {
  return importsOf(code).flatMap(({ from, names }) => {
    if (from.startsWith('./') || from.startsWith('../plugins/')) return []
    if (from === 'zod' || from === 'vitest') return []
    if (!(from in entries)) return [`imports ${from}`]
    const exported: string[] = entries[from as keyof typeof entries]
    return names.filter((name) => !exported.includes(name)).map((name) => `${from}: ${name}`)
  })
}

describe('docs/plugins.md', () => {
  it('lists every name of propusk/plugin in its SDK reference', () => {
    const reference = section('The SDK: `propusk/plugin`')
    expect(entries['propusk/plugin'].length).toBeGreaterThan(20)
    expect(entries['propusk/plugin'].filter((name) => !reference.includes(`\`${name}\``))).toEqual(
      [],
    )
  })

  it('names every export of propusk/testing in its kit reference', () => {
    const kit = section('The test kit: `propusk/testing`')
    expect(entries['propusk/testing'].length).toBeGreaterThan(10)
    const missing = entries['propusk/testing'].filter(
      (name) => !new RegExp(`\`${name}\\b`).test(kit),
    )
    expect(missing).toEqual([])
  })

  it('has code blocks that import only what a plugin may, and only names that exist', () => {
    const blocks = codeBlocks(doc)
    expect(blocks.length).toBeGreaterThan(5)
    expect(blocks.flatMap(importProblems)).toEqual([])
  })

  it('catches a name the SDK does not export and an import a plugin may not make', () => {
    const planted = [
      "import { defineSignInMethod, noSuchHelper } from 'propusk/plugin'",
      "import { sha256Hex } from '../../src/kernel/crypto.ts'",
      "import { createHash } from 'node:crypto'",
    ].join('\n')
    expect(importProblems(planted)).toEqual([
      'propusk/plugin: noSuchHelper',
      'imports ../../src/kernel/crypto.ts',
      'imports node:crypto',
    ])
    expect(importProblems("import { type PluginContext, otp } from 'propusk/plugin'")).toEqual([])
    expect(
      exportedNames("export { a as b, type C } from './x.ts'\nexport * as ns from './y.ts'"),
    ).toEqual(['b', 'C', 'ns'])
  })
})

/**
 * Type-checks the code blocks that import the SDK or the kit, each at the path its first line
 * names (`// plugins/…`), else as a snippet of its own, plus one planted block with a type error
 * that must be the only error reported. The folder sits under node_modules/, so zod and vitest
 * resolve as they do for the repository's own files.
 */
function typeCheck(blocks: string[], planted: string): string[] {
  const cache = join(root, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  const dir = mkdtempSync(join(cache, 'docs-plugins-'))
  try {
    const files = [...blocks, planted].map((code, i) => {
      const named = /^\/\/ (plugins\/\S+\.ts)\n/.exec(code)?.[1]
      const file = named ?? (code === planted ? 'planted.ts' : `snippets/block-${i}.ts`)
      mkdirSync(join(dir, dirname(file)), { recursive: true })
      writeFileSync(join(dir, file), code)
      return file
    })
    const tsconfig = {
      extends: join(root, 'tsconfig.json'),
      compilerOptions: {
        paths: {
          'propusk/plugin': [join(root, 'src/plugin-sdk/index.ts')],
          'propusk/testing': [join(root, 'testing/index.ts')],
        },
      },
      files,
    }
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig))
    const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', dir], {
      encoding: 'utf8',
    })
    // Only the doc's own files: errors elsewhere in the repository are the type-check's to report.
    const ours = new RegExp(`${basename(dir)}/(.*error TS\\d+.*)`)
    return `${tsc.stdout}${tsc.stderr}`.split('\n').flatMap((line) => ours.exec(line)?.[1] ?? [])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('docs/plugins.md code', () => {
  it('type-checks against propusk/plugin and propusk/testing', { timeout: 120_000 }, () => {
    const blocks = codeBlocks(doc).filter((code) => /from 'propusk\/(plugin|testing)'/.test(code))
    expect(blocks.length).toBeGreaterThan(4)
    const planted = "import { signInFailed } from 'propusk/plugin'\nsignInFailed('wrong_code')\n"
    const errors = typeCheck(blocks, planted)
    expect(errors, errors.join('\n')).toHaveLength(1)
    expect(errors[0]).toMatch(/^planted\.ts\(2,14\): error TS2345/)
  })
})

/** The worked examples: the code blocks whose first line names their file (`// plugins/…`). */
function exampleFiles(markdown: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const code of codeBlocks(markdown)) {
    const path = /^\/\/ (plugins\/\S+\.ts)\n/.exec(code)?.[1]
    if (path) files.set(path, code)
  }
  return files
}

/**
 * Runs the worked examples' tests as a plugin author would, in a folder of their own outside
 * the repository (its node_modules linked in), with the two entries resolved by name. Returns
 * vitest's JSON report.
 */
function runExamples(files: Map<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'propusk-docs-plugins-'))
  try {
    for (const [path, code] of files) {
      mkdirSync(join(dir, dirname(path)), { recursive: true })
      writeFileSync(join(dir, path), code)
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}')
    const alias = {
      'propusk/plugin': join(root, 'src/plugin-sdk/index.ts'),
      'propusk/testing': join(root, 'testing/index.ts'),
    }
    writeFileSync(
      join(dir, 'vitest.config.js'),
      `export default ${JSON.stringify({
        resolve: { alias },
        test: { include: ['plugins/**/*.test.ts'], testTimeout: 30_000, pool: 'forks' },
      })}`,
    )
    // The child is a run of its own, not a worker of this one.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
    )
    const report = join(dir, 'report.json')
    spawnSync(
      join(root, 'node_modules/.bin/vitest'),
      ['run', '--reporter=json', `--outputFile=${report}`],
      { cwd: dir, env, encoding: 'utf8' },
    )
    return JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number
      numFailedTests: number
      testResults: Array<{
        message: string
        assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }>
      }>
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('docs/plugins.md worked examples', () => {
  it('pass their own tests', { timeout: 180_000 }, () => {
    const files = exampleFiles(doc)
    const tests = [...files].filter(([path]) => path.endsWith('.test.ts'))
    expect(tests.length).toBeGreaterThan(1)
    const declared = tests.reduce((n, [, code]) => n + (code.match(/^it\(/gm)?.length ?? 0), 0)
    const report = runExamples(files)
    const failures = report.testResults.flatMap((file) => [
      ...(file.message ? [file.message] : []),
      ...file.assertionResults
        .filter((test) => test.status !== 'passed')
        .map((test) => `${test.fullName}: ${test.failureMessages.join('\n').slice(0, 500)}`),
    ])
    expect(failures).toEqual([])
    expect(report).toMatchObject({ numFailedTests: 0, numPassedTests: declared })
  })
})
