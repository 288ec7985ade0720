/**
 * The attempt limiter and admissions (see port.ts), the parts every adapter shares: argument
 * validation (so bad arguments fail alike, with a RangeError, on memory, Redis and Upstash), the
 * lock growth, and the wire format of the Lua scripts in ./lua-guards.ts. Web-standard only.
 */
import type {
  Admission,
  AdmissionDecision,
  AttemptDecision,
  AttemptPolicy,
} from '../../kernel/ports/state.ts'
import { assertChallenge, assertTtl, normaliseRule, toInteger, toNullableString } from './shared.ts'

export type NormalisedAttemptPolicy = Required<AttemptPolicy>

/** Larger factors overflow nothing (the lock is capped) but only make sense as a typo. */
const MAX_GROWTH_FACTOR = 1000

export function normaliseAttemptPolicy(policy: AttemptPolicy): NormalisedAttemptPolicy {
  if (!Number.isSafeInteger(policy.maxFailures) || policy.maxFailures < 1) {
    throw new RangeError(`maxFailures must be a positive integer, got ${policy.maxFailures}`)
  }
  assertTtl(policy.lockMs, 'lockMs')
  assertTtl(policy.maxLockMs, 'maxLockMs')
  assertTtl(policy.windowMs, 'windowMs')
  const growthFactor = policy.growthFactor ?? 2
  if (!Number.isFinite(growthFactor) || growthFactor < 1 || growthFactor > MAX_GROWTH_FACTOR) {
    throw new RangeError(`growthFactor must be between 1 and 1000, got ${growthFactor}`)
  }
  return { ...policy, growthFactor }
}

/**
 * The lock the `attempts`-th attempt starts: lockMs · growth^(attempts − maxFailures), capped at
 * maxLockMs, whole milliseconds; 0 below maxFailures. The Lua script computes the same (the
 * exponent is capped so the power stays a finite double).
 */
export function attemptLockMs(attempts: number, policy: NormalisedAttemptPolicy): number {
  if (attempts < policy.maxFailures) return 0
  const grown = policy.lockMs * policy.growthFactor ** Math.min(attempts - policy.maxFailures, 64)
  return Math.floor(Math.min(grown, policy.maxLockMs))
}

export function attemptArgs(policy: NormalisedAttemptPolicy): string[] {
  const { maxFailures, lockMs, growthFactor, maxLockMs, windowMs } = policy
  return [maxFailures, lockMs, growthFactor, maxLockMs, windowMs].map(String)
}

/** Parses the `reserveAttempt` reply `{allowed, attempts, lockedForMs | retryAfterMs}`. */
export function parseAttempt(reply: unknown): AttemptDecision {
  const [allowed, attempts, ms] = toList(reply, 'reserveAttempt', 3)
  if (toInteger(allowed, 'reserveAttempt') === 1) {
    return {
      allowed: true,
      attempts: toInteger(attempts, 'reserveAttempt'),
      lockedForMs: toInteger(ms, 'reserveAttempt'),
    }
  }
  return { allowed: false, retryAfterMs: toInteger(ms, 'reserveAttempt') }
}

export function assertAdmission(admission: Admission): void {
  if (admission.claim) assertTtl(admission.claim.ttlMs, 'claim ttlMs')
  for (const limit of admission.limits) normaliseRule(limit)
  const stored = admission.challenge
  if (!stored) return
  assertChallenge(stored.challenge)
  assertTtl(stored.ttlMs, 'challenge ttlMs')
  if (stored.lockStep !== undefined) {
    if (!Number.isSafeInteger(stored.lockStep) || stored.lockStep < 1) {
      throw new RangeError(`lockStep must be a positive integer, got ${stored.lockStep}`)
    }
    if (admission.read === undefined) throw new RangeError('lockStep needs a read count')
  }
}

/** Gate names in the order the script checks them; a refusal reply points into this list. */
export function admissionGates(admission: Admission): string[] {
  return [
    ...admission.blocks.map((gate) => gate.name),
    ...(admission.claim ? [admission.claim.name] : []),
    ...admission.limits.map((gate) => gate.name),
  ]
}

/** KEYS and ARGV of the `admit` script (its comment documents the layout). */
export function admissionWire(
  admission: Admission,
  key: (name: string) => string,
  ticket: string,
): { keys: string[]; args: string[] } {
  const refusing = [...admission.blocks, ...(admission.claim ? [admission.claim] : [])]
  const stored = admission.challenge
  return {
    keys: [
      ...refusing.map((gate) => key(gate.key)),
      ...(admission.read === undefined ? [] : [key(admission.read)]),
      ...(stored ? [key(stored.key)] : []),
      ...admission.limits.map((gate) => key(gate.key)),
    ],
    args: [
      String(refusing.length),
      String(admission.claim?.ttlMs ?? 0),
      admission.read === undefined ? '0' : '1',
      ticket,
      stored ? '1' : '0',
      ...admission.limits.flatMap((gate) => [String(gate.limit), String(gate.windowMs)]),
      ...(stored
        ? [
            stored.challenge.secret,
            stored.challenge.payload,
            String(stored.challenge.maxAttempts),
            String(stored.ttlMs),
            stored.challenge.id ?? '',
            String(stored.lockStep ?? 0),
          ]
        : []),
    ],
  }
}

/** Parses the `admit` reply: `{1, hasValue, value}` or `{0, gate (1-based), retryAfterMs}`. */
export function parseAdmission(
  reply: unknown,
  admission: Admission,
  ticket: string,
): AdmissionDecision {
  const [admitted, detail, extra] = toList(reply, 'admit', 3)
  if (toInteger(admitted, 'admit') === 1) {
    const value = toInteger(detail, 'admit') === 1 ? toNullableString(extra, 'admit') : null
    return { admitted: true, ticket, value }
  }
  const gate = admissionGates(admission)[toInteger(detail, 'admit') - 1]
  if (gate === undefined) throw new TypeError(`unexpected admit gate from the state backend`)
  return { admitted: false, gate, retryAfterMs: toInteger(extra, 'admit') }
}

function toList(reply: unknown, what: string, length: number): unknown[] {
  if (!Array.isArray(reply) || reply.length !== length) {
    throw new TypeError(`unexpected ${what} reply from the state backend: ${String(reply)}`)
  }
  return reply
}
