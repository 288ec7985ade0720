/**
 * Bundles the Worker exactly as a deploy would (`wrangler deploy --dry-run`, wrangler.toml as
 * is), into a temporary directory. Used by the workerd smoke test and by `npm run bench`.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export const repoRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)))

export interface WorkerBundle {
  dir: string
  /** The bundled ES module. */
  scriptPath: string
  /** `compatibility_date` from wrangler.toml, so Miniflare runs what Cloudflare would. */
  compatibilityDate: string
  /** `compatibility_flags` from wrangler.toml (none today: no nodejs_compat). */
  compatibilityFlags: string[]
}

export interface BundleOptions {
  /** Where to write the bundle; a fresh temp dir by default. */
  outDir?: string
  /** Another wrangler config (e.g. a bench Worker); the repo's wrangler.toml by default. */
  config?: string
}

export async function bundleWorker(options: BundleOptions = {}): Promise<WorkerBundle> {
  const dir = options.outDir ?? (await mkdtemp(join(tmpdir(), 'propusk-worker-')))
  const config = options.config ?? join(repoRoot, 'wrangler.toml')
  const wrangler = join(repoRoot, 'node_modules', '.bin', 'wrangler')
  try {
    const args = ['deploy', '--dry-run', '--config', config, '--outdir', dir]
    await promisify(execFile)(wrangler, args, {
      cwd: repoRoot,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    })
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
    throw new Error(`wrangler deploy --dry-run failed:\n${stdout}\n${stderr}`)
  }
  const toml = await readFile(config, 'utf8')
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1]
  if (!date) throw new Error('wrangler.toml has no compatibility_date')
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? ''
  // Named after the entry (`index.js` for src/runtime/workers/index.ts).
  const scripts = (await readdir(dir)).filter((name) => name.endsWith('.js'))
  if (scripts.length !== 1)
    throw new Error(`expected one .js file in ${dir}, found ${scripts.join(', ')}`)
  return {
    dir,
    scriptPath: join(dir, scripts[0] as string),
    compatibilityDate: date,
    compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string),
  }
}
