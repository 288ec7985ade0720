import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import preact from '@preact/preset-vite'

/**
 * The console is built with base `/admin/` into dist/console/admin/, so the Workers static
 * assets directory (dist/console) maps URLs 1:1 (`/admin/assets/x.js` → admin/assets/x.js).
 * Node and Deno serve the same folder through src/api/console/assets.ts.
 */
const consoleRoot = fileURLToPath(new URL('../dist/console/', import.meta.url))

/** Cache rules for the assets Workers serve without running the Worker (see docs/console.md). */
function workersHeaders(): Plugin {
  return {
    name: 'propusk-workers-headers',
    apply: 'build',
    closeBundle() {
      writeFileSync(
        `${consoleRoot}_headers`,
        [
          '/admin/assets/*',
          '  Cache-Control: public, max-age=31536000, immutable',
          '  X-Content-Type-Options: nosniff',
          '',
        ].join('\n'),
      )
    },
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [preact(), workersHeaders()],
  build: {
    outDir: `${consoleRoot}admin`,
    emptyOutDir: true,
    target: 'es2022',
    // No inline script: the page's CSP is script-src 'self'.
    modulePreload: { polyfill: false },
  },
  server: {
    // `npm run dev:console`-style hot reload against a running `npm start` on :8787.
    proxy: { '/v1': 'http://127.0.0.1:8787' },
  },
})
