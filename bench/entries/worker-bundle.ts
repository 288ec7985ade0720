import { readFile, rm } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { bundleWorker } from '../../test/runtime/support/worker-bundle.ts'
import type { BenchEntry } from '../lib.ts'

/** The deployable Worker as `wrangler deploy` uploads it (Cloudflare limits apply to gzip). */
export const workerBundle: BenchEntry = {
  title: 'Worker bundle (wrangler deploy --dry-run)',
  async run() {
    const bundle = await bundleWorker()
    try {
      const code = await readFile(bundle.scriptPath)
      return {
        rows: [
          { name: 'raw', value: Math.round(code.byteLength / 102.4) / 10, unit: 'KiB' },
          {
            name: 'gzip',
            value: Math.round(gzipSync(code, { level: 9 }).byteLength / 102.4) / 10,
            unit: 'KiB',
          },
        ],
      }
    } finally {
      await rm(bundle.dir, { recursive: true, force: true })
    }
  },
}
