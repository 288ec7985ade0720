// Builds the admin console (vite) when dist/console is missing or older than admin-ui/.
// Runs before `npm start`, `npm test` and `npm run dev:worker`; takes about a second.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
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
