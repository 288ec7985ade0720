import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Miniflare } from 'miniflare'
import { migratedDatabase, tempDir } from '../../testing/runtime/databases.ts'
import { bundleWorker, repoRoot, type WorkerBundle } from '../../testing/runtime/worker-bundle.ts'
import { startHranaBridge } from '../../testing/hrana-bridge.ts'
import { generateSigningKeysJson } from '../../src/runtime/server/signing-keys.ts'
import type { BenchEntry } from '../lib.ts'

const RUNS = 5

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const value = await work()
  return [value, performance.now() - t0]
}

/**
 * A cold start as a Worker meets it. First the CPU its global scope takes when workerd loads
 * the script (module-level zod schemas and route definitions), from `wrangler check startup`.
 * Then, in a fresh workerd (Miniflare) per run, the first request, which builds the app
 * (settings check, plugin settings read from SQL, routes) and answers, and warm ones after it.
 * Miniflare's own start-up (it parses the script in Node first) is not counted. SQL goes over
 * HTTP to a local Hrana bridge, state is in memory (development mode).
 */
export const workerFirstRequest: BenchEntry = {
  title: `First request in a fresh workerd isolate (median of ${RUNS} cold starts)`,
  async run() {
    const dir = await tempDir('propusk-bench-cold-')
    const bundle = await bundleWorker({ outDir: `${dir.path}/worker` })
    const token = `hrana-${crypto.randomUUID()}`
    const hrana = await startHranaBridge({ dbPath: await migratedDatabase(dir.path), token })
    const bindings = {
      PROPUSK_MODE: 'development',
      LOG_LEVEL: 'error',
      TURSO_DATABASE_URL: hrana.url,
      TURSO_AUTH_TOKEN: token,
      SIGNING_KEYS: await generateSigningKeysJson('bench-cold'),
    }
    const samples: Record<'first' | 'second' | 'jwks', number[]> = {
      first: [],
      second: [],
      jwks: [],
    }
    let startupMs: number
    try {
      startupMs = await startupCpuMs(dir.path)
      for (let run = 0; run < RUNS; run++) {
        const cold = await coldStart(
          new Miniflare({ ...workerOptions(bundle), bindings }),
          async (base) => {
            const [first, firstMs] = await timed(() => fetch(new URL('/healthz', base)))
            await first.arrayBuffer()
            if (first.status !== 200) throw new Error(`first /healthz answered ${first.status}`)
            const [second, secondMs] = await timed(() => fetch(new URL('/healthz', base)))
            await second.arrayBuffer()
            const [jwks, jwksMs] = await timed(() => fetch(new URL('/.well-known/jwks.json', base)))
            await jwks.arrayBuffer()
            return { firstMs, secondMs, jwksMs }
          },
        )
        samples.first.push(cold.firstMs)
        samples.second.push(cold.secondMs)
        samples.jwks.push(cold.jwksMs)
      }
    } finally {
      await hrana.close()
      await dir.remove()
    }
    const row = (name: string, key: keyof typeof samples, note: string) => ({
      name,
      value: median(samples[key]),
      unit: 'ms',
      note,
    })
    return {
      rows: [
        {
          name: 'script startup (global scope), CPU',
          value: Math.round(startupMs),
          unit: 'ms',
          note: 'wrangler check startup; Cloudflare allows 1 s',
        },
        row('first GET /healthz', 'first', 'builds the app, 1 SQL + 1 state call'),
        row('second GET /healthz', 'second', 'warm'),
        row('then GET /.well-known/jwks.json', 'jwks', 'warm, no storage'),
      ],
    }
  },
}

function workerOptions(bundle: WorkerBundle) {
  return {
    modules: true,
    scriptPath: bundle.scriptPath,
    modulesRoot: bundle.dir,
    compatibilityDate: bundle.compatibilityDate,
    compatibilityFlags: bundle.compatibilityFlags,
    // The Worker reads its phone metadata from its static assets on the first request.
    assets: bundle.assets,
  }
}

/**
 * CPU time of the script's global scope in workerd, from the CPU profile that
 * `wrangler check startup` records (the samples that are neither idle nor the probe request).
 */
async function startupCpuMs(dir: string): Promise<number> {
  const outfile = join(dir, 'startup.cpuprofile')
  const wrangler = join(repoRoot, 'node_modules', '.bin', 'wrangler')
  await promisify(execFile)(wrangler, ['check', 'startup', '--outfile', outfile], {
    cwd: repoRoot,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
  })
  const profile = JSON.parse(await readFile(outfile, 'utf8')) as CpuProfile
  const names = new Map(profile.nodes.map((node) => [node.id, node.callFrame.functionName]))
  let micros = 0
  profile.samples.forEach((id, index) => {
    const name = names.get(id) ?? ''
    if (!['(idle)', '(root)', '(program)', 'fetch', 'Response'].includes(name)) {
      micros += profile.timeDeltas[index] ?? 0
    }
  })
  return micros / 1000
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string } }>
  samples: number[]
  timeDeltas: number[]
}

async function coldStart<T>(miniflare: Miniflare, requests: (base: URL) => Promise<T>): Promise<T> {
  try {
    return await requests(await miniflare.ready)
  } finally {
    await miniflare.dispose()
  }
}
