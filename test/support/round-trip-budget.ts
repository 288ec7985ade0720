/**
 * The assertion of the round-trip budget tests: a flow may make fewer calls than its budget (a
 * cache or a merge elsewhere lands), never one more. The message lists every call in order,
 * which is what to fix.
 */
import { expect } from 'vitest'
import type { RoundTrips } from '../../testing/round-trips.ts'

/** Re-exported so plugin tests, which may import test/support only, can count too. */
export { countRoundTrips } from '../../testing/round-trips.ts'

export interface Budget {
  sql: number
  state: number
  sqlBatches?: number
}

export function expectWithinBudget(trips: RoundTrips, budget: Budget, flow: string): void {
  // Nothing counted means the ports were not wrapped: that must fail, not pass for free.
  expect(trips.calls.length, `${flow}: no call was counted`).toBeGreaterThan(0)
  const seen = { sql: trips.sql, state: trips.state, sqlBatches: trips.sqlBatches }
  const over = (['sql', 'state', 'sqlBatches'] as const).filter(
    (kind) => budget[kind] !== undefined && seen[kind] > (budget[kind] as number),
  )
  expect(
    over,
    `${flow}: ${JSON.stringify(seen)} over ${JSON.stringify(budget)}: ${trips.calls.join(', ')}`,
  ).toEqual([])
}
