/**
 * The code check and attempt reservations (see port.ts), the parts every adapter shares:
 * argument validation (a RangeError alike on memory, Redis and Upstash) and the wire format of
 * the Lua scripts in ./lua-checks.ts. Web-standard only.
 */
import type {
  AttemptReservation,
  AttemptsDecision,
  ChallengeCheck,
  ChallengeCheckOutcome,
} from '../../kernel/ports/state.ts'
import { attemptArgs, normaliseAttemptPolicy } from './guards.ts'
import { assertTtl, normaliseRule, toInteger, toNullableString } from './shared.ts'

export function assertCheck(check: ChallengeCheck): void {
  if (check.limit) normaliseRule(check.limit)
  const { failures } = check
  if (!failures) return
  if (!check.block) throw new RangeError('failures need a block to lock')
  assertTtl(failures.memoryMs, 'memoryMs')
  if (!Number.isSafeInteger(failures.every) || failures.every < 1) {
    throw new RangeError(`every must be a positive integer, got ${failures.every}`)
  }
  if (failures.lockMs.length === 0) throw new RangeError('lockMs must list at least one lock')
  for (const lock of failures.lockMs) assertTtl(lock, 'lockMs')
}

/** KEYS and ARGV of the `checkChallenge` script (its comment documents the layout). */
export function checkWire(
  check: ChallengeCheck,
  key: (name: string) => string,
): { keys: string[]; args: string[] } {
  const own = key(check.key)
  const { limit, block, failures } = check
  return {
    keys: [
      own,
      limit ? key(limit.key) : own,
      block ? key(block.key) : own,
      failures ? key(failures.key) : own,
    ],
    args: [
      check.secret,
      check.id,
      limit ? '1' : '0',
      String(limit?.limit ?? 0),
      String(limit?.windowMs ?? 0),
      block ? '1' : '0',
      failures ? '1' : '0',
      String(failures?.memoryMs ?? 0),
      String(failures?.every ?? 1),
      ...(failures?.lockMs ?? []).map(String),
    ],
  }
}

export function parseCheck(reply: unknown, check: ChallengeCheck): ChallengeCheckOutcome {
  const [status, a, b, c] = toList(reply, 'checkChallenge')
  switch (status) {
    case 'missing':
      return { status: 'missing' }
    case 'ok':
      return { status: 'ok', payload: toNullableString(a, 'checkChallenge') ?? '' }
    case 'refused': {
      const gate = toInteger(a, 'checkChallenge') === 1 ? check.limit : check.block
      if (!gate) throw new TypeError('unexpected checkChallenge gate from the state backend')
      return { status: 'refused', gate: gate.name, retryAfterMs: toInteger(b, 'checkChallenge') }
    }
    case 'mismatch':
    case 'exhausted': {
      const counts = {
        failures: toInteger(b, 'checkChallenge'),
        lockedForMs: toInteger(c, 'checkChallenge'),
      }
      return status === 'exhausted'
        ? { status, ...counts }
        : { status, attemptsLeft: toInteger(a, 'checkChallenge'), ...counts }
    }
    default:
      throw new TypeError(`unexpected checkChallenge status from the state backend: ${status}`)
  }
}

export function assertReservation(reservation: AttemptReservation): void {
  if (reservation.limit) normaliseRule(reservation.limit)
  if (reservation.attempts.length === 0) throw new RangeError('attempts must list a key')
  for (const gate of reservation.attempts) normaliseAttemptPolicy(gate.policy)
}

/** KEYS and ARGV of the `reserveAttempts` script (its comment documents the layout). */
export function reservationWire(
  reservation: AttemptReservation,
  key: (name: string) => string,
): { keys: string[]; args: string[] } {
  const { limit, attempts } = reservation
  const first = attempts[0] as (typeof attempts)[number]
  return {
    keys: [key(limit?.key ?? first.key), ...attempts.map((gate) => key(gate.key))],
    args: [
      limit ? '1' : '0',
      String(limit?.limit ?? 0),
      String(limit?.windowMs ?? 0),
      ...attempts.flatMap((gate) => attemptArgs(normaliseAttemptPolicy(gate.policy))),
    ],
  }
}

export function parseReservation(
  reply: unknown,
  reservation: AttemptReservation,
): AttemptsDecision {
  const list = toList(reply, 'reserveAttempts')
  if (toInteger(list[0], 'reserveAttempts') === 1) {
    return {
      allowed: true,
      attempts: reservation.attempts.map((_, i) => ({
        attempts: toInteger(list[1 + i * 2], 'reserveAttempts'),
        lockedForMs: toInteger(list[2 + i * 2], 'reserveAttempts'),
      })),
    }
  }
  const index = toInteger(list[1], 'reserveAttempts')
  const gate = index === 1 ? reservation.limit : reservation.attempts[index - 2]
  if (!gate) throw new TypeError('unexpected reserveAttempts gate from the state backend')
  return { allowed: false, gate: gate.name, retryAfterMs: toInteger(list[2], 'reserveAttempts') }
}

function toList(reply: unknown, what: string): unknown[] {
  if (!Array.isArray(reply) || reply.length === 0) {
    throw new TypeError(`unexpected ${what} reply from the state backend: ${String(reply)}`)
  }
  return reply
}
