/**
 * `npm run bench`: prints the Worker bundle size and a few timings. Each entry is independent:
 * one that fails is reported and the others still run (the exit code is then 1); one whose
 * subject does not exist yet reports "skipped". Add entries in `entries/` and list them here.
 */
import { formatRows, type BenchEntry } from './lib.ts'
import { nodeHttp } from './entries/node-http.ts'
import { workerBundle } from './entries/worker-bundle.ts'
import { workerFirstRequest } from './entries/worker-first-request.ts'
import { workerdPasswordHash } from './entries/workerd-password-hash.ts'
import { otpBench } from './otp.ts'
import { flowsBench } from './entries/flows.ts'

const entries: BenchEntry[] = [
  workerBundle,
  workerFirstRequest,
  flowsBench,
  nodeHttp,
  workerdPasswordHash,
  otpBench,
]

let failed = 0
const started = performance.now()
console.log(`Propusk bench — Node ${process.version}, ${new Date().toISOString()}\n`)
for (const entry of entries) {
  console.log(entry.title)
  try {
    const outcome = await entry.run()
    if ('skipped' in outcome) console.log(`  skipped: ${outcome.skipped}`)
    else console.log('table' in outcome ? outcome.table : formatRows(outcome.rows))
  } catch (error) {
    failed++
    console.log(`  FAILED: ${error instanceof Error ? error.message : String(error)}`)
  }
  console.log()
}
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
process.exitCode = failed ? 1 : 0
