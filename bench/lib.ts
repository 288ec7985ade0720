/**
 * The bench harness: each entry measures one thing and returns rows; `run.ts` prints them. To
 * add a measurement, write `entries/<name>.ts` exporting a `BenchEntry` and list it in run.ts.
 */

export interface BenchRow {
  /** What was measured, e.g. `GET /healthz`. */
  name: string
  value: number
  unit: string
  /** Context that makes the number comparable (request count, concurrency, parameters). */
  note?: string
}

/** Rows of single numbers, a pre-formatted table (side-by-side comparisons), or why it did not run. */
export type BenchOutcome = { rows: BenchRow[] } | { table: string } | { skipped: string }

export interface BenchEntry {
  /** Section title. */
  title: string
  run(): Promise<BenchOutcome>
}

export interface LoadResult {
  requests: number
  seconds: number
  perSecond: number
  p50Ms: number
  p99Ms: number
  /** Count per HTTP status, e.g. `{ 200: 2000 }`. */
  statuses: Record<number, number>
}

/**
 * Sends `total` requests with `concurrency` in flight (keep-alive, loopback) and measures
 * throughput and latency. Bounded by count, not time, so a run always finishes.
 */
export async function load(options: {
  url: string
  init?: RequestInit
  total: number
  concurrency: number
}): Promise<LoadResult> {
  const latencies: number[] = []
  const statuses: Record<number, number> = {}
  let started = 0
  const worker = async () => {
    while (started < options.total) {
      started++
      const t0 = performance.now()
      const response = await fetch(options.url, options.init)
      await response.arrayBuffer()
      latencies.push(performance.now() - t0)
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    statuses,
  }
}

export function formatRows(rows: BenchRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length))
  return rows
    .map((r) => {
      const value = Number.isInteger(r.value)
        ? String(r.value)
        : r.value.toFixed(r.value < 10 ? 2 : 1)
      return `  ${r.name.padEnd(width)}  ${value.padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ''}`
    })
    .join('\n')
}
