/**
 * What users feel, side by side in one run: the floor server (bench/flows/floor-server.ts) and
 * Propusk on Node under the same closed-loop load generator, each server pinned to its own CPU.
 * For each flow: req/s, server CPU ms per request, p50/p99, storage round trips per request
 * (counted on the edge server) and the ratios to its floor, by rate and by CPU, with the target
 * (refresh and the code flow also beside the floor's durable rotation, the least a write
 * transaction costs). Then a simulated edge: 20 ms added to every SQL and state call (one user at
 * a time), each flow's p50, codes sent through an HTTP provider as in production and, for
 * context, through console delivery. And the server's RSS idle and after load.
 *
 * BENCH_SECONDS (default 5) per flow and run, BENCH_RUNS (default 1; the median is reported),
 * BENCH_CONCURRENCY (default 32), BENCH_EDGE_ITERATIONS (default 25).
 */
import { join } from 'node:path'
import { tempDir } from '../../testing/runtime/databases.ts'
import type { BenchEntry } from '../lib.ts'
import { Client, closedLoop, rssMiB, type RunResult } from '../flows/driver.ts'
import { floorFlows, propuskFlows, restartCodeUsers, type Flow } from '../flows/scenarios.ts'
import { pinSelf, startBenchServer, type BenchServer } from '../flows/spawn.ts'
import type { RoundTrips as Counted } from '../../testing/round-trips.ts'

type RoundTrips = Omit<Counted, 'calls'> & { requests: number }

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const runs = Number(process.env.BENCH_RUNS ?? 1)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32)
const edgeIterations = Number(process.env.BENCH_EDGE_ITERATIONS ?? 25)
const edgeDelayMs = 20

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

async function measure(server: BenchServer, flow: Flow, users = concurrency): Promise<RunResult> {
  const results: RunResult[] = []
  for (let run = 0; run < runs; run++) {
    const client = new Client(server.baseUrl, users)
    try {
      results.push(
        await closedLoop({
          client,
          pid: server.pid,
          concurrency: users,
          seconds,
          label: flow.label,
          setup: (vu) => flow.setup(client, vu),
          step: (state) => flow.step(client, state),
        }),
      )
    } finally {
      client.close()
    }
  }
  const pick = (key: keyof RunResult) => median(results.map((r) => r[key]))
  return {
    perSecond: pick('perSecond'),
    iterations: pick('iterations'),
    cpuMsPerIteration: pick('cpuMsPerIteration'),
    p50Ms: pick('p50Ms'),
    p99Ms: pick('p99Ms'),
  }
}

async function roundTrips(server: BenchServer): Promise<Record<string, RoundTrips>> {
  const response = await fetch(`${server.baseUrl}/__bench/round-trips`)
  return (await response.json()) as Record<string, RoundTrips>
}

const perRequest = (t: RoundTrips | undefined) =>
  t && t.requests
    ? `${fmt(t.sql / t.requests)} SQL (${fmt(t.sqlBatches / t.requests)} batch) + ${fmt(t.state / t.requests)} state`
    : 'none' // the counts list only requests that made a storage call
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))
const pad = (s: string, n: number) => s.padEnd(n)
const num = (n: number, digits = 0) => n.toFixed(digits).padStart(8)
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)} %`

/** Which request paths a flow's round trips are read from. */
const flowPaths: Record<string, string[]> = {
  refresh: ['POST /v1/token'],
  me: ['GET /v1/me'],
  send: ['POST /v1/auth/sms-otp/send', 'POST /v1/auth/sms-otp/verify'],
  password: ['POST /v1/auth/password/sign-in'],
  jwks: ['GET /.well-known/jwks.json'],
  start: ['POST /v1/sign-in/start'],
}

export const flowsBench: BenchEntry = {
  title: `Flows side by side: floor vs Propusk (Node, in-memory state, ${concurrency} keep-alive connections, closed loop, ${seconds} s × ${runs})`,
  async run() {
    const pinned = pinSelf()
    const dir = await tempDir('propusk-bench-flows-')
    const lines: string[] = []
    try {
      const floor = await startBenchServer(join('bench', 'flows', 'floor-server.ts'), dir.path)
      const floorResults = new Map<string, RunResult>()
      try {
        for (const flow of floorFlows) floorResults.set(flow.name, await measure(floor, flow))
      } finally {
        await floor.stop()
      }

      // CPU is measured on a server without the round-trip counting (BENCH_COUNT=0): attributing
      // each storage call to its request takes an AsyncLocalStorage, whose promise hooks cost
      // ~40 µs of a `/v1/me` on Node 20 that production does not pay. The edge server below,
      // one user at a time, counts them.
      restartCodeUsers()
      const propusk = await startBenchServer(
        join('bench', 'flows', 'propusk-server.ts'),
        dir.path,
        {
          BENCH_COUNT: '0',
        },
      )
      const results = new Map<string, RunResult>()
      let rssIdle = 0
      let rssLoaded = 0
      try {
        await new Promise((resolve) => setTimeout(resolve, 1000))
        rssIdle = rssMiB(propusk.pid)
        for (const flow of propuskFlows) results.set(flow.label, await measure(propusk, flow))
        rssLoaded = rssMiB(propusk.pid)
      } finally {
        await propusk.stop()
      }

      // The edge server sends codes through an HTTP provider, as production does; console
      // delivery's outbox write (one more SQL call per send) is measured after, for context.
      const edgeLines: string[] = []
      const trips = new Map<string, Record<string, RoundTrips>>()
      let consoleTrips: Record<string, RoundTrips> = {}
      for (const delivery of ['webhook', 'console'] as const) {
        restartCodeUsers()
        const edge = await startBenchServer(
          join('bench', 'flows', 'propusk-server.ts'),
          join(dir.path, `edge-${delivery}`),
          { BENCH_DELAY_MS: String(edgeDelayMs), BENCH_DELIVERY: delivery },
        )
        try {
          for (const flow of propuskFlows) {
            if (delivery === 'console' && flow.label !== 'send') continue
            const client = new Client(edge.baseUrl, 1)
            try {
              const state = await flow.setup(client, 0)
              await roundTrips(edge) // reset: the setup's calls are not the flow's
              client.latencies.clear()
              for (let i = 0; i < edgeIterations; i++) await flow.step(client, state)
              if (delivery === 'console') consoleTrips = await roundTrips(edge)
              else trips.set(flow.label, await roundTrips(edge))
              // JWKS makes no storage call: its edge latency is the machine's, not a budget's.
              if (flow.label === 'jwks') continue
              for (const [label, values] of client.latencies) {
                const sorted = [...values].sort((a, b) => a - b)
                const name = delivery === 'console' ? `${label}, console delivery` : label
                edgeLines.push(
                  `  ${pad(name, 26)}${num(sorted[Math.floor(sorted.length / 2)] ?? 0, 1)} ms`,
                )
              }
            } finally {
              client.close()
            }
          }
        } finally {
          await edge.stop()
        }
      }

      lines.push(
        `  ${pad('flow', 28)}${'rate'.padStart(8)}${''.padEnd(9)}${'CPU ms'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}  ${pad('beside the floor: rate, CPU (target)', 78)}storage round trips per request`,
      )
      for (const [name, r] of floorResults) {
        lines.push(
          `  ${pad(name, 28)}${num(r.perSecond)} req/s  ${num(r.cpuMsPerIteration, 2)}${num(r.p50Ms, 1)}${num(r.p99Ms, 1)}`,
        )
      }
      for (const flow of propuskFlows) {
        const result = results.get(flow.label) as RunResult
        const counted = trips.get(flow.label) ?? {}
        const floorResult = flow.floor ? floorResults.get(flow.floor.flow) : undefined
        // Two ratios: by rate (what the closed loop got; bound by the load generator's core when
        // both servers answer faster than it asks, as JWKS and the floor's static route do) and
        // by server CPU per request (floor ÷ Propusk: the capacity of one core).
        const also = flow.alsoBeside ? floorResults.get(flow.alsoBeside) : undefined
        const beside = floorResult
          ? `${pct(result.perSecond / floorResult.perSecond)}, ${pct(floorResult.cpuMsPerIteration / result.cpuMsPerIteration)} of ${flow.floor?.flow} (${(flow.floor?.target ?? 0) * 100} %)` +
            (also
              ? `; ${pct(result.perSecond / also.perSecond)}, ${pct(also.cpuMsPerIteration / result.cpuMsPerIteration)} of ${flow.alsoBeside}`
              : '')
          : '—'
        lines.push(
          [
            '  ',
            pad(flow.name, 28),
            num(result.perSecond),
            ` ${flow.unit.padEnd(7)}`,
            num(result.cpuMsPerIteration, 2),
            num(result.p50Ms, 1),
            num(result.p99Ms, 1),
            '  ',
            pad(beside, 78),
            (flowPaths[flow.label] ?? [])
              .map((p) => `${p.split(' ')[1]}: ${perRequest(counted[p])}`)
              .join('; '),
          ].join(''),
        )
      }
      lines.push(
        '',
        `  Propusk RSS: ${rssIdle.toFixed(0)} MiB idle after start, ${rssLoaded.toFixed(0)} MiB after the load above` +
          ` (${pinned ? 'server on CPU 1, load generator on CPU 0' : 'not pinned: no taskset'})`,
        '',
        `  Simulated edge: +${edgeDelayMs} ms per SQL and per state call, one user, p50 of ${edgeIterations};` +
          ` codes through an HTTP provider (webhook-delivery to a receiver that answers at once)`,
        ...edgeLines,
        `  console delivery's send: ${perRequest(consoleTrips['POST /v1/auth/sms-otp/send'])}`,
      )
      return { table: lines.join('\n') }
    } finally {
      await dir.remove()
    }
  },
}
