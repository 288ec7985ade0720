/**
 * Prints what each dependency and each folder of ours weighs in a built Worker, gzipped:
 *
 *   npx wrangler deploy --dry-run --outdir /tmp/wr && npx tsx bench/bundle-report.ts /tmp/wr
 *
 * Reads the script and the source map wrangler writes; the split is bundle-breakdown.ts's (each
 * share gzipped on its own, so the shares rank rather than add up exactly). `npm run bench`
 * prints the same shares for a fresh bundle.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { bundleShares } from './bundle-breakdown.ts'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: npx tsx bench/bundle-report.ts <wrangler --outdir>')
  process.exit(2)
}
const script = readdirSync(dir).find((name) => name.endsWith('.js'))
if (!script) throw new Error(`no .js file in ${dir}`)
const code = readFileSync(join(dir, script), 'utf8')
const map = JSON.parse(readFileSync(join(dir, `${script}.map`), 'utf8')) as {
  sources: string[]
  mappings: string
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6)
const ours = (name: string) => /^(src|plugins)\//.test(name) || name === '(glue)'
const shares = bundleShares(code, map)
console.log(`${kib(gzipSync(code, { level: 9 }).byteLength)} KiB gzip (${kib(code.length)} raw)`)
for (const [title, group] of [
  ['dependencies', shares.filter((share) => !ours(share.name))],
  ['our code, by folder', shares.filter((share) => ours(share.name))],
] as const) {
  const sum = group.reduce((total, share) => total + share.gzipBytes, 0)
  console.log(`\n${title}: ${kib(sum).trim()} KiB gzip in all (shares gzipped one by one)`)
  for (const share of group) {
    if (share.gzipBytes < 512) continue
    console.log(`${kib(share.gzipBytes)}  ${share.name}  (${kib(share.rawBytes).trim()} raw)`)
  }
}
