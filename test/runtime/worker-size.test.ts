/**
 * Keeps the Worker small: the deployable bundle (`wrangler deploy --dry-run`, every shipped
 * plugin) stays under its gzip ceiling, and no source file imports zod in the one form that
 * esbuild cannot tree-shake. What each dependency weighs: docs/performance.md, `npm run bench`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { bundleWorker, repoRoot } from './support/worker-bundle.ts'

// The target of issue 10 (docs/performance.md, "Bundle and memory"). The phone metadata is not in
// the script but in its static assets (src/runtime/workers/phone-metadata.ts), which is what
// brought it under; growing the bundle past this is a decision made here, not an accident.
const budgetBytes = 200 * 1024

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name.startsWith('.')) return []
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

/** Named value imports of `z` (`import { z }`, `import { createRoute, z }`), not `type z`. */
function namedZImports(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s*from\s*'([^']+)'/gm)) {
    if (match[1]) continue
    const names = (match[2] as string).split(',').map((name) => name.trim())
    if (names.includes('z')) found.push(match[3] as string)
  }
  return found
}

describe('Worker bundle size', () => {
  it('imports zod as a namespace everywhere (`import * as z from "zod"`)', () => {
    // `import { z } from 'zod' | '@hono/zod-openapi'` hands esbuild a namespace object as a
    // value, which keeps all of zod (~65 KB gzip more); the Worker's zod stand-in
    // (src/runtime/stand-ins/zod.ts) has no schema builders on that binding at all.
    const offenders = ['src', 'plugins', 'test', 'bench']
      .flatMap((dir) => sourceFiles(join(repoRoot, dir)))
      .flatMap((file) =>
        namedZImports(readFileSync(file, 'utf8')).map(
          (from) => `${relative(repoRoot, file)}: import { z } from '${from}'`,
        ),
      )
    expect(offenders).toEqual([])
  })

  it('finds the named form it forbids', () => {
    expect(namedZImports("import { createRoute, z } from '@hono/zod-openapi'\n")).toEqual([
      '@hono/zod-openapi',
    ])
    expect(namedZImports("import { createRoute, type z } from '@hono/zod-openapi'\n")).toEqual([])
    expect(namedZImports("import type { z } from 'zod'\nimport * as z from 'zod'\n")).toEqual([])
  })

  it(`is at most ${budgetBytes / 1024} KiB gzipped, as wrangler deploys it`, async () => {
    const bundle = await bundleWorker()
    try {
      const gzipped = gzipSync(await readFile(bundle.scriptPath), { level: 9 }).byteLength
      expect(gzipped).toBeLessThanOrEqual(budgetBytes)
    } finally {
      await rm(bundle.dir, { recursive: true, force: true })
    }
  }, 120_000)
})
