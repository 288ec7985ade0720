import { readFile, rm } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { bundleWorker } from '../../testing/runtime/worker-bundle.ts'
import { bundleShares } from '../bundle-breakdown.ts'
import type { BenchEntry, BenchRow } from '../lib.ts'

const kib = (bytes: number) => Math.round(bytes / 102.4) / 10

/**
 * The deployable Worker as `wrangler deploy` uploads it (Cloudflare's limits and our 200 KiB
 * budget apply to gzip), then what each package or top folder of ours weighs in it.
 */
export const workerBundle: BenchEntry = {
  title: 'Worker bundle (wrangler deploy --dry-run), then per dependency (gzip of its share)',
  async run() {
    const bundle = await bundleWorker()
    try {
      const code = await readFile(bundle.scriptPath, 'utf8')
      const map = JSON.parse(await readFile(`${bundle.scriptPath}.map`, 'utf8')) as {
        sources: string[]
        mappings: string
      }
      const rows: BenchRow[] = [
        { name: 'raw', value: kib(Buffer.byteLength(code)), unit: 'KiB' },
        { name: 'gzip', value: kib(gzipSync(code, { level: 9 }).byteLength), unit: 'KiB' },
      ]
      for (const share of bundleShares(code, map).filter((s) => s.gzipBytes >= 1024)) {
        rows.push({
          name: `  ${share.name}`,
          value: kib(share.gzipBytes),
          unit: 'KiB',
          note: `${kib(share.rawBytes)} KiB raw`,
        })
      }
      return { rows }
    } finally {
      await rm(bundle.dir, { recursive: true, force: true })
    }
  },
}
