/**
 * Helpers shared by every state adapter. Arguments are validated here, before any backend sees
 * them, so a bad TTL or rule fails the same way (RangeError) on memory, Redis and Upstash instead
 * of as three different backend error messages. Web-standard only: Workers import this.
 */
import type {
  ChallengeOutcome,
  RateLimitDecision,
  StoredChallenge,
} from '../../kernel/ports/state.ts'

export const DEFAULT_STATE_PREFIX = 'propusk:'

/** What Redis says for type clashes; the memory adapter reuses it so callers see one message. */
export const WRONGTYPE_MESSAGE = 'WRONGTYPE Operation against a key holding the wrong kind of value'

export function assertTtl(ttlMs: number, name = 'ttlMs'): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`${name} must be a positive integer number of milliseconds, got ${ttlMs}`)
  }
}

export function assertOptionalTtl(ttlMs: number | undefined): void {
  if (ttlMs !== undefined) assertTtl(ttlMs)
}

export function normaliseIncrement(by: number | undefined): number {
  const step = by ?? 1
  if (!Number.isSafeInteger(step)) {
    throw new RangeError(`increment step must be a safe integer, got ${step}`)
  }
  return step
}

export interface NormalisedRule {
  limit: number
  windowMs: number
  cost: number
}

export function normaliseRule(rule: {
  limit: number
  windowMs: number
  cost?: number
}): NormalisedRule {
  const cost = rule.cost ?? 1
  if (!Number.isSafeInteger(rule.limit) || rule.limit < 0) {
    throw new RangeError(`limit must be a non-negative integer, got ${rule.limit}`)
  }
  assertTtl(rule.windowMs, 'windowMs')
  // A zero cost would let callers probe without counting, which hit() is not meant for.
  if (!Number.isSafeInteger(cost) || cost < 1) {
    throw new RangeError(`cost must be a positive integer, got ${cost}`)
  }
  return { limit: rule.limit, windowMs: rule.windowMs, cost }
}

export function assertChallenge(challenge: StoredChallenge): void {
  if (!Number.isSafeInteger(challenge.maxAttempts) || challenge.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a positive integer, got ${challenge.maxAttempts}`)
  }
}

/** Backends hand numbers back as numbers (RESP integers) or, defensively, as digit strings. */
export function toInteger(reply: unknown, what: string): number {
  const value = typeof reply === 'string' ? Number(reply) : reply
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`unexpected ${what} reply from the state backend: ${String(reply)}`)
  }
  return value
}

export function toNullableString(reply: unknown, what: string): string | null {
  if (reply === null || typeof reply === 'string') return reply
  throw new TypeError(`unexpected ${what} reply from the state backend: ${String(reply)}`)
}

function toArray(reply: unknown, what: string): unknown[] {
  if (!Array.isArray(reply)) {
    throw new TypeError(`unexpected ${what} reply from the state backend: ${String(reply)}`)
  }
  return reply
}

/** Parses the `hit` script reply `{allowed, remaining, retryAfterMs}`. */
export function parseDecision(reply: unknown): RateLimitDecision {
  const [allowed, remaining, retryAfterMs] = toArray(reply, 'hit')
  return {
    allowed: toInteger(allowed, 'hit') === 1,
    remaining: toInteger(remaining, 'hit'),
    retryAfterMs: toInteger(retryAfterMs, 'hit'),
  }
}

/** Parses the `consumeChallenge` script reply. */
export function parseOutcome(reply: unknown): ChallengeOutcome {
  const [status, detail] = toArray(reply, 'consumeChallenge')
  switch (status) {
    case 'ok':
      return { status: 'ok', payload: toNullableString(detail, 'consumeChallenge') ?? '' }
    case 'mismatch':
      return { status: 'mismatch', attemptsLeft: toInteger(detail, 'consumeChallenge') }
    case 'exhausted':
      return { status: 'exhausted' }
    case 'missing':
      return { status: 'missing' }
    default:
      throw new TypeError(`unexpected consumeChallenge status from the state backend: ${status}`)
  }
}
