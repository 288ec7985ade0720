/**
 * The one clock of a test Propusk: the app's `services.now()` (sessions, codes, JWT checks,
 * audit times) and the in-memory state store's TTLs (code challenges, lockouts, rate limits)
 * both read it, so `advance` expires everything together, as real time would.
 */
export interface TestClock {
  /** The current time, for the app (`services.now`). */
  now(): Date
  /** The current time in epoch milliseconds, for the state store. */
  epochMs(): number
  /** Moves time forward (or back, with a negative number) by `seconds`. */
  advance(seconds: number): void
  /** Stops time at `at` (or at the current time): it then moves only by `advance`. */
  freeze(at?: Date): void
}

/**
 * Without `at` the clock follows real time (shifted by every `advance`), so tests that never
 * touch it behave as under a real clock; with a date it is frozen there; with a function it
 * follows that source (shifted by every `advance`).
 */
export function createClock(at?: Date | (() => Date)): TestClock {
  const source = typeof at === 'function' ? () => at().getTime() : Date.now
  let frozen: number | null = at instanceof Date ? at.getTime() : null
  let offsetMs = 0
  const epochMs = () => (frozen ?? source()) + offsetMs
  return {
    now: () => new Date(epochMs()),
    epochMs,
    advance(seconds) {
      if (!Number.isFinite(seconds)) throw new Error(`clock.advance: ${seconds} is not a number`)
      offsetMs += seconds * 1000
    },
    freeze(next) {
      frozen = next ? next.getTime() : epochMs()
      offsetMs = 0
    },
  }
}
