/**
 * The assertion of the round-trip budget tests: a flow may make fewer calls than its budget (a
 * cache or a merge elsewhere lands), never one more. The message lists every call in order,
 * which is what to fix.
 */
import { expect } from 'vitest'
import { countRoundTrips as countAll, type RoundTrips } from './round-trips.ts'

export type { RoundTrips } from './round-trips.ts'

/**
 * The counting wrapper as the budget tests use it: wrap the ports with `createTestPropusk({
 * wrapPorts })`, `reset()` before the flow, then `expectWithinBudget(counter.total, …)`.
 *
 * Each isolate re-reads `plugin_settings` at most every 5 s (src/kernel/live-settings.ts), started
 * by whichever request comes first: a cost shared by all requests, not part of any flow, so it is
 * listed as amortized instead of counted — otherwise a slow test run would fail a budget at random.
 */
export function countRoundTrips(...[sql, state, options]: Parameters<typeof countAll>) {
  return countAll(sql, state, {
    ...options,
    amortized: (call, args) => call === 'sql.execute' && readsPluginSettings(args[0]),
  })
}

function readsPluginSettings(statement: unknown): boolean {
  const text =
    typeof statement === 'string'
      ? statement
      : typeof statement === 'object' && statement !== null && 'sql' in statement
        ? String((statement as { sql: unknown }).sql)
        : ''
  return /^\s*SELECT plugin_id, settings FROM plugin_settings\s*$/.test(text)
}

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
