/**
 * Development stand-in for src/runtime/node/main.ts while the runtimes do not mount the console
 * yet: the same boot, plus the console API and its static files. Used only when
 * PROPUSK_BROWSER_ENTRY points here.
 */
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { serve, type HttpBindings } from '@hono/node-server'
import { plugins } from '../../../src/plugins.ts'
import { bootServer, repoRoot } from '../../../src/runtime/server/bootstrap.ts'
import { mountConsoleAssets } from '../../../src/api/console/index.ts'

const dir = resolve(repoRoot, 'dist/console/admin')
const boot = await bootServer(process.env, plugins, {
  clientIp: (c) => (c.env as HttpBindings | undefined)?.incoming?.socket?.remoteAddress,
  extend: (app) => {
    mountConsoleAssets(app, {
      read: (path) =>
        readFile(join(dir, path)).then(
          (b) => new Uint8Array(b),
          () => null,
        ),
    })
  },
})
const { PORT, HOST } = boot.settings
serve({ fetch: boot.propusk.fetch, port: PORT, hostname: HOST }, () => {
  console.log(`Propusk is listening on http://${HOST}:${PORT}`)
})
