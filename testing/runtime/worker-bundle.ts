/**
 * Bundles the Worker exactly as a deploy would (`wrangler deploy --dry-run`, wrangler.toml as
 * is), into a temporary directory, with the static assets it reads (Miniflare options for the
 * config's [assets]). Used by the workerd tests and by `npm run bench`.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
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
  /**
   * Miniflare's `assets` option as Cloudflare applies the config's [assets] table (directory,
   * binding, run_worker_first); undefined when it has none. The Worker reads its phone metadata
   * through this binding and answers 503 without it.
   */
  assets?: WorkerAssets
}

export interface WorkerAssets {
  directory: string
  binding: string
  routerConfig: {
    has_user_worker: true
    invoke_user_worker_ahead_of_assets: false
    static_routing: { user_worker: string[]; asset_worker: string[] }
  }
  assetConfig: { has_static_routing: true }
}

/** What wrangler makes of `run_worker_first = [...]`: `!` patterns go to the asset server. */
function assetsOf(toml: string, configDir: string): WorkerAssets | undefined {
  const table = /^\[assets\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1]
  if (table === undefined) return undefined
  const value = (key: string) => new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(table)?.[1]
  const directory = value('directory')
  const binding = value('binding')
  if (!directory || !binding) throw new Error('[assets] needs a directory and a binding')
  const list = /^run_worker_first\s*=\s*\[([^\]]*)\]/m.exec(table)?.[1] ?? ''
  const rules = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string)
  return {
    directory: resolve(configDir, directory),
    binding,
    routerConfig: {
      has_user_worker: true,
      invoke_user_worker_ahead_of_assets: false,
      static_routing: {
        user_worker: rules.filter((rule) => !rule.startsWith('!')),
        asset_worker: rules.filter((rule) => rule.startsWith('!')).map((rule) => rule.slice(1)),
      },
    },
    assetConfig: { has_static_routing: true },
  }
}

/** Builds the console and copies the phone metadata into dist/console when they are stale. */
async function ensureAssets(): Promise<void> {
  await promisify(execFile)(process.execPath, [join(repoRoot, 'admin-ui', 'ensure-built.mjs')], {
    cwd: repoRoot,
  })
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
  await ensureAssets()
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
  const assets = assetsOf(toml, dirname(config))
  return {
    dir,
    scriptPath: join(dir, scripts[0] as string),
    compatibilityDate: date,
    compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string),
    ...(assets ? { assets } : {}),
  }
}
