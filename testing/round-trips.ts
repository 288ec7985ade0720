/**
 * Round-trip counting for the storage ports, shared by the budget tests and the bench. Each
 * StateStore call and each SqlDatabase call is one network round trip by the ports' contracts (a
 * SQL batch is one), so counting calls measures what a flow costs at the edge, where Turso and
 * Upstash are a hop away. The wrappers are generic over every method, so a port method added
 * later is counted too; an optional delay per call simulates that hop.
 */
import type { SqlDatabase } from '../src/kernel/ports/sql.ts'
import type { StateStore } from '../src/kernel/ports/state.ts'

export interface RoundTrips {
  /** SQL round trips: statements plus batches (a batch is one). */
  sql: number
  /** Of those, batches. */
  sqlBatches: number
  state: number
  /** Every call in order, e.g. `sql.execute`, `state.admit`: what a failing budget prints. */
  calls: string[]
  /** Calls left out of the counts by `amortized` (listed, not counted). */
  amortized: string[]
}

const passThrough = new Set<PropertyKey>(['close', 'kind', 'then'])

/**
 * Waits `ms` milliseconds, to within ~0.1 ms: the simulated network hop. A bare `setTimeout`
 * fires on libuv's millisecond clock, late by 0.1–1 ms (20.2 ms at p50 and up to 21 for 20 on an
 * idle Node 20 here), a cost per hop that no network adds. So it sleeps to 2 ms short, then
 * yields to the event loop (other requests still run) until the time is up.
 */
export async function simulatedHop(ms: number): Promise<void> {
  const until = performance.now() + ms
  if (ms > 2) await new Promise((resolve) => setTimeout(resolve, ms - 2))
  while (performance.now() < until) await new Promise((resolve) => setImmediate(resolve))
}

function wrap<T extends object>(
  inner: T,
  name: string,
  onCall: (call: string, args: unknown[]) => void,
  delayMs: () => number,
): T {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown
      if (typeof value !== 'function' || passThrough.has(property)) return value
      return async (...args: unknown[]) => {
        onCall(`${name}.${String(property)}`, args)
        const delay = delayMs()
        if (delay > 0) await simulatedHop(delay)
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
}

/**
 * Wraps both ports. `bucket()` names the bucket a call is counted in (e.g. the request it
 * serves); the default puts every call in one bucket, `''`.
 */
export function countRoundTrips(
  sql: SqlDatabase,
  state: StateStore,
  options: {
    delayMs?: () => number
    bucket?: () => string
    /**
     * Calls whose cost is shared by every request of an isolate rather than caused by the one
     * that happens to trigger them (e.g. the periodic plugin-settings re-read): listed in
     * `amortized`, not counted. Still delayed, because the request that triggers one waits.
     */
    amortized?: (call: string, args: unknown[]) => boolean
  } = {},
) {
  const counts = new Map<string, RoundTrips>()
  const delayMs = options.delayMs ?? (() => 0)
  const bucket = options.bucket ?? (() => '')
  const entry = (key: string) => {
    let found = counts.get(key)
    if (!found) {
      counts.set(key, (found = { sql: 0, sqlBatches: 0, state: 0, calls: [], amortized: [] }))
    }
    return found
  }
  return {
    /** Counts per bucket since the last `reset()`. */
    counts,
    /** The default bucket's counts (zeros when nothing was called). */
    get total(): RoundTrips {
      return entry('')
    },
    reset: () => counts.clear(),
    sql: wrap(
      sql,
      'sql',
      (call, args) => {
        const e = entry(bucket())
        if (options.amortized?.(call, args)) {
          e.amortized.push(call)
          return
        }
        e.sql++
        if (call === 'sql.batch') e.sqlBatches++
        e.calls.push(call)
      },
      delayMs,
    ),
    state: wrap(
      state,
      'state',
      (call, args) => {
        const e = entry(bucket())
        if (options.amortized?.(call, args)) {
          e.amortized.push(call)
          return
        }
        e.state++
        e.calls.push(call)
      },
      delayMs,
    ),
  }
}
