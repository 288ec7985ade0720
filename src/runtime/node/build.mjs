// Bundles the Node server (src/runtime/node/main.ts) into one plain JavaScript file that
// `npm start` runs with node itself: no TypeScript loader at run time, no zod locales, one
// module instead of ~900. Measured idle RSS: 171 MiB under tsx (plus 50 MiB for tsx's own
// parent process) against ~93 MiB for the bundle (docs/performance.md).
// `node src/runtime/node/build.mjs` builds; `--if-stale` builds only when a source, plugin or
// package is newer than the bundle (what `npm start` runs first; ~1 s when it builds).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('../../../', import.meta.url))
// Three folders deep like src/runtime/node/, because modules find the repository (migrations,
// the data folder) three levels above their own file.
export const nodeBundle = join(root, 'dist/node/runtime/main.mjs')

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

function stale() {
  if (!existsSync(nodeBundle)) return true
  const inputs = ['src', 'plugins', 'package.json', 'package-lock.json']
    .map((path) => join(root, path))
    .filter((path) => existsSync(path))
  return statSync(nodeBundle).mtimeMs < Math.max(...inputs.map(newest))
}

export async function buildNodeServer() {
  const standIn = (name) => join(root, 'src/runtime/stand-ins', `${name}.ts`)
  await build({
    entryPoints: [join(root, 'src/runtime/node/main.ts')],
    outfile: nodeBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native or Node-only at heart: loaded from node_modules as usual.
    external: ['libsql', 'ioredis'],
    // The same stand-ins as the Worker (wrangler.toml [alias]); see each file for why.
    alias: {
      zod: standIn('zod'),
      'postal-mime': standIn('postal-mime'),
      standardwebhooks: standIn('standardwebhooks'),
    },
    // Some bundled CommonJS packages call require() for Node built-ins.
    banner: {
      js: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  })
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes('--if-stale') || stale()) {
    console.log('Building the Node server (dist/node/runtime/main.mjs)…')
    await buildNodeServer()
  }
}
