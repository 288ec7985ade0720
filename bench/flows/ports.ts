/**
 * Wrappers for the two storage ports used by the flow bench: each call is one network round trip
 * by the ports' contracts (a SQL batch is one), so counting calls measures round trips, and adding
 * a fixed delay per call simulates the edge, where Turso and Upstash are a network hop away from
 * the Worker. Generic over every method, so a port method added later is counted too. Calls are
 * counted per request (the caller says which), so concurrent load still gives exact averages.
 */
import type { SqlDatabase } from '../../src/storage/sql/port.ts'
import type { StateStore } from '../../src/storage/state/port.ts'

export interface RoundTrips {
  requests: number
  sql: number
  sqlBatches: number
  state: number
}

const untimed = new Set<PropertyKey>(['close', 'kind', 'then'])

function wrap<T extends object>(
  inner: T,
  onCall: (method: string) => void,
  delayMs: () => number,
): T {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown
      if (typeof value !== 'function' || untimed.has(property)) return value
      return async (...args: unknown[]) => {
        onCall(String(property))
        const delay = delayMs()
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
}

export function measuredPorts(
  sql: SqlDatabase,
  state: StateStore,
  options: { delayMs: () => number; request: () => string },
) {
  const counts = new Map<string, RoundTrips>()
  const entry = (key: string) => {
    let found = counts.get(key)
    if (!found) counts.set(key, (found = { requests: 0, sql: 0, sqlBatches: 0, state: 0 }))
    return found
  }
  return {
    counts,
    countRequest: (key: string) => void entry(key).requests++,
    sql: wrap(
      sql,
      (method) => {
        const e = entry(options.request())
        e.sql++
        if (method === 'batch') e.sqlBatches++
      },
      options.delayMs,
    ),
    state: wrap(state, () => void entry(options.request()).state++, options.delayMs),
  }
}
