import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Miniflare } from 'miniflare'
import { tempDir } from '../../testing/runtime/databases.ts'
import { bundleWorker, repoRoot } from '../../testing/runtime/worker-bundle.ts'
import type { BenchEntry } from '../lib.ts'

const SAMPLES = 20
const hashModule = join(repoRoot, 'src', 'modules', 'passwords', 'hash.ts')

interface HashModule {
  hashPassword?: (password: string) => Promise<string>
  PASSWORD_HASH_PARAMS?: { iterations?: number }
}

/**
 * Cost of one `hashPassword` (src/modules/passwords/hash.ts) inside workerd, the runtime that
 * enforces CPU limits in production, next to the same call on Node. Inside a Worker the clocks
 * stand still while code runs (a Spectre mitigation), so the time is taken from outside: the
 * mean of sequential requests that hash once, minus the mean of requests that do nothing.
 */
export const workerdPasswordHash: BenchEntry = {
  title: 'Password hashing (hashPassword), one hash per request',
  async run() {
    // No "skipped" when the file is missing: a move of hash.ts must fail this entry, not hide it.
    const mod = (await import(pathToFileURL(hashModule).href)) as HashModule
    const hashPassword = mod.hashPassword
    if (typeof hashPassword !== 'function') return { skipped: 'hash.ts exports no hashPassword' }
    const iterations = mod.PASSWORD_HASH_PARAMS?.iterations
    const note = iterations ? `PBKDF2-SHA256, ${iterations} iterations` : undefined

    await hashPassword('warm-up')
    let nodeTotal = 0
    for (let i = 0; i < SAMPLES; i++) {
      const t0 = performance.now()
      await hashPassword(`bench password ${i}`)
      nodeTotal += performance.now() - t0
    }

    const dir = await tempDir('propusk-bench-hash-')
    let miniflare: Miniflare | undefined
    try {
      miniflare = await startHashWorker(dir.path)
      const base = await miniflare.ready
      const mean = async (path: string) => {
        await (await fetch(new URL(path, base))).arrayBuffer() // warm-up
        let total = 0
        for (let i = 0; i < SAMPLES; i++) {
          const t0 = performance.now()
          const response = await fetch(new URL(path, base))
          if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
          await response.arrayBuffer()
          total += performance.now() - t0
        }
        return total / SAMPLES
      }
      const perHash = (await mean('/hash')) - (await mean('/noop'))
      return {
        rows: [
          { name: 'workerd', value: perHash, unit: 'ms/hash', ...(note ? { note } : {}) },
          { name: 'Node', value: nodeTotal / SAMPLES, unit: 'ms/hash', ...(note ? { note } : {}) },
        ],
      }
    } finally {
      await miniflare?.dispose()
      await dir.remove()
    }
  },
}

async function startHashWorker(dir: string): Promise<Miniflare> {
  const entry = join(dir, 'hash-worker.ts')
  await writeFile(
    entry,
    `import { hashPassword } from ${JSON.stringify(pathToFileURL(hashModule).pathname)}
export default {
  async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname !== '/hash') return new Response('noop')
    return new Response(await hashPassword('correct horse battery staple'))
  },
}
`,
  )
  const repoToml = await readFile(join(repoRoot, 'wrangler.toml'), 'utf8')
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(repoToml)?.[1] ?? '2026-04-01'
  const config = join(dir, 'wrangler.toml')
  await writeFile(
    config,
    `name = "propusk-bench-hash"\nmain = ${JSON.stringify(entry)}\ncompatibility_date = "${date}"\n`,
  )
  const bundle = await bundleWorker({ outDir: join(dir, 'out'), config })
  return new Miniflare({
    modules: true,
    scriptPath: bundle.scriptPath,
    modulesRoot: bundle.dir,
    compatibilityDate: bundle.compatibilityDate,
  })
}
