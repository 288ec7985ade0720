// Builds the admin console (vite) when dist/console is missing or older than admin-ui/, and
// puts the phone metadata beside it, where the Worker's assets binding serves it
// (src/runtime/workers/phone-metadata.ts). Runs before `npm start`, `npm test`,
// `npm run dev:worker` and `npm run deploy`, and when a test or bench bundles the Worker
// (testing/runtime/worker-bundle.ts); takes about a second.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const built = join(root, 'dist/console/admin/index.html')

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

const sources = [
  'admin-ui/src',
  'admin-ui/public',
  'admin-ui/index.html',
  'admin-ui/vite.config.ts',
]
  .map((p) => join(root, p))
  .filter((p) => existsSync(p))

/**
 * The copy is compared by content, not age, on every run: a stale copy would make the deployed
 * Worker validate phones with other rules than Node and Deno. vite empties only dist/console/admin.
 */
function syncPhoneMetadata() {
  const source = join(root, 'src/modules/identity/model/phone-metadata.json')
  const target = join(root, 'dist/console/_propusk/phone-metadata.json')
  const text = readFileSync(source)
  if (existsSync(target) && readFileSync(target).equals(text)) return
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, text)
}

syncPhoneMetadata()
if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newest))) {
  process.exit(0)
}
console.log('Building the admin console (dist/console)…')
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    join(root, 'admin-ui/vite.config.ts'),
    '--logLevel',
    'warn',
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
)
