/**
 * The load loop: starts one operation every 1/rate seconds while fewer than `concurrency` are
 * in flight (a saturated server sheds ticks instead of queueing them), bounded both by time and
 * by count. The judge decides what each answer means for the current phase and keeps counts.
 */
import { operations, pickOperation, type Step, type TrafficState } from './traffic.ts'

export interface Phase {
  name: string
  /** A dependency may be down: 503 `dependency_unavailable` is an acceptable answer. */
  outage: boolean
  /** Redis was restarted empty: codes sent before are gone, so their verify may be refused. */
  stateLost: boolean
}

export interface Tally {
  /** `phase op/step status code` → count */
  counts: Map<string, number>
  unexpected: string[]
  unexpectedCount: number
  /** Slowest answer per phase, ms. */
  slowest: Map<string, number>
  answers: number
}

export function createJudge(options: { maxMs: number; phase: () => Phase }) {
  const tally: Tally = {
    counts: new Map(),
    unexpected: [],
    unexpectedCount: 0,
    slowest: new Map(),
    answers: 0,
  }
  const flag = (phase: Phase, step: Step, why: string) => {
    tally.unexpectedCount += 1
    if (tally.unexpected.length < 40) {
      tally.unexpected.push(
        `[${phase.name}] ${step.op}/${step.step}: ${why} ${JSON.stringify(step.reply.body).slice(0, 200)}`,
      )
    }
  }
  function record(step: Step): boolean {
    const phase = options.phase()
    const { reply } = step
    tally.answers += 1
    const key = `${phase.name} ${step.op}/${step.step} ${reply.status}${reply.code ? ` ${reply.code}` : ''}${reply.failure ? ` (${reply.failure})` : ''}`
    tally.counts.set(key, (tally.counts.get(key) ?? 0) + 1)
    tally.slowest.set(phase.name, Math.max(tally.slowest.get(phase.name) ?? 0, reply.ms))
    if (reply.ms > options.maxMs)
      flag(phase, step, `answered after ${Math.round(reply.ms)} ms (> ${options.maxMs})`)
    if (reply.failure) {
      flag(phase, step, reply.failure)
      return false
    }
    const right =
      step.expected === 'refused'
        ? reply.status >= 400 && reply.status < 500
        : reply.status === step.expected
    if (right) return true
    // Console delivery keeps its outbox in SQL: a SQL outage stops code sends too, and they must
    // answer it as the outage, never as a provider fault (`otp_delivery_unavailable`).
    if (phase.outage && reply.status === 503 && reply.code === 'dependency_unavailable')
      return false
    // A call that timed out against a frozen Redis still runs when it wakes up: the admission of
    // a send answered 503 can land seconds later, and its resend wait refuses the next send to
    // that phone. Accepted, not undone (docs/operations.md, "A call the deadline gave up on may
    // still run"): undoing it would take another call to the Redis that just failed, and 429
    // with Retry-After tells the client when to send again. The wait here is 1 s, so this can
    // only be seen in the moments after Redis wakes.
    if (phase.outage && reply.code === 'resend_too_soon') return false
    if (phase.stateLost && step.step === 'verify' && reply.status >= 400 && reply.status < 500)
      return false
    flag(phase, step, `${reply.status} ${reply.code ?? ''} (expected ${step.expected})`)
    return false
  }
  return { tally, record }
}

export async function runLoad(
  state: TrafficState,
  options: {
    rate: number
    durationMs: number
    maxOps: number
    concurrency: number
    stop?: () => boolean
  },
): Promise<number> {
  const started = Date.now()
  const inFlight = new Set<Promise<void>>()
  let launched = 0
  while (
    Date.now() - started < options.durationMs &&
    launched < options.maxOps &&
    !options.stop?.()
  ) {
    if (inFlight.size < options.concurrency) {
      const name = pickOperation()
      const run = (operations[name] as (s: TrafficState) => Promise<void>)(state).catch(
        (error: unknown) => {
          state.record({
            op: name,
            step: 'crash',
            expected: 200,
            reply: { status: 0, body: {}, code: undefined, ms: 0, failure: String(error) },
          })
        },
      )
      inFlight.add(run)
      void run.finally(() => inFlight.delete(run))
      launched += 1
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 / options.rate))
  }
  await Promise.all(inFlight)
  return launched
}

export function report(tally: Tally): string {
  return [...tally.counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${String(n).padStart(6)} ${k}`)
    .join('\n')
}
