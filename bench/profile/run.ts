/**
 * Profiles the bench's Propusk server one flow at a time: starts bench/flows/propusk-server.ts
 * under `node --cpu-prof`, drives one flow with the flows bench's closed loop (seeding and the
 * flow's setup are in the profile too, so the load runs long enough to dominate), stops the
 * server with SIGTERM so that the profile is written, and prints the self-time summary.
 *
 * `tsx bench/profile/run.ts <flow label: refresh|me|send|password|jwks|start> [out dir]`
 * BENCH_SECONDS (default 10), BENCH_CONCURRENCY (default 32). Profiles go to the out dir
 * (default /tmp/propusk-profiles/<flow>).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../testing/runtime/databases.ts'
import { Client, closedLoop } from '../flows/driver.ts'
import { propuskFlows } from '../flows/scenarios.ts'
import { pinSelf, startBenchServer } from '../flows/spawn.ts'
import { format, summarise } from './summarise.ts'

const [label, outArg] = process.argv.slice(2)
const flow = propuskFlows.find((f) => f.label === label)
if (!flow) throw new Error(`usage: run.ts <${propuskFlows.map((f) => f.label).join('|')}> [out]`)
const out = outArg ?? join('/tmp/propusk-profiles', flow.label)
mkdirSync(out, { recursive: true })
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32)

pinSelf()
const dir = await tempDir('propusk-profile-')
try {
  // Without the round-trip counting, as the flows bench measures CPU (BENCH_COUNT=1 profiles it).
  const env = { BENCH_COUNT: process.env.BENCH_COUNT ?? '0' }
  const server = await startBenchServer(
    join('bench', 'flows', 'propusk-server.ts'),
    dir.path,
    env,
    ['--cpu-prof', `--cpu-prof-dir=${out}`],
  )
  const before = new Set(readdirSync(out))
  try {
    const client = new Client(server.baseUrl, concurrency)
    try {
      const result = await closedLoop({
        client,
        pid: server.pid,
        concurrency,
        seconds,
        label: flow.label,
        setup: (vu) => flow.setup(client, vu),
        step: (state) => flow.step(client, state),
      })
      console.log(
        `${flow.name}: ${result.perSecond.toFixed(0)} ${flow.unit}, ${result.cpuMsPerIteration.toFixed(2)} CPU ms, p50 ${result.p50Ms.toFixed(1)} ms (under the profiler)`,
      )
    } finally {
      client.close()
    }
  } finally {
    await server.stop('SIGTERM')
  }
  const written = readdirSync(out).filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
  for (const file of written) {
    console.log(join(out, file))
    console.log(format(summarise(JSON.parse(readFileSync(join(out, file), 'utf8'))), 30))
  }
} finally {
  await dir.remove()
}
