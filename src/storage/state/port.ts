/**
 * The state port: short-lived, hot state (one-time-code challenges, counters, rate limits,
 * nonces). Implemented over Upstash REST, Redis over TCP and in memory; each operation is one
 * round trip and atomic (Lua on Redis), so racing callers see exactly-once outcomes.
 * Keys are plain strings; adapters add the configured prefix. TTLs are in milliseconds.
 * When the server cannot be reached, operations reject with `DependencyError('state')`.
 */
export interface StateStore {
  readonly kind: 'memory' | 'redis' | 'upstash'
  get(key: string): Promise<string | null>
  /** Stores a value; with `ifAbsent`, only when the key does not exist. Returns whether it was written. */
  set(
    key: string,
    value: string,
    options?: { ttlMs?: number; ifAbsent?: boolean },
  ): Promise<boolean>
  delete(key: string): Promise<boolean>
  /** Reads and removes a value in one step: of many racing callers exactly one gets it. */
  getAndDelete(key: string): Promise<string | null>
  /**
   * Replaces the value only if it currently equals `expected` (`null` = key absent).
   * `next: null` deletes the key. Returns whether the swap happened.
   */
  compareAndSwap(
    key: string,
    expected: string | null,
    next: string | null,
    options?: { ttlMs?: number },
  ): Promise<boolean>
  /** Adds `by` (default 1); the TTL is set when the key is created and kept afterwards. */
  increment(key: string, options: { by?: number; ttlMs: number }): Promise<number>
  /** Sliding-window log limit: admits a hit only when fewer than `limit` hits fell in the last `windowMs`. */
  hit(
    key: string,
    rule: { limit: number; windowMs: number; cost?: number },
  ): Promise<RateLimitDecision>
  /** One-time secret check; see {@link ChallengeOutcome}. */
  putChallenge(
    key: string,
    challenge: StoredChallenge,
    options: { ttlMs: number; ifAbsent?: boolean },
  ): Promise<boolean>
  consumeChallenge(key: string, secret: string): Promise<ChallengeOutcome>
  /** Milliseconds until the key expires: -1 = no TTL, -2 = no key. */
  ttl(key: string): Promise<number>
  ping(): Promise<void>
  close(): Promise<void>
}

export interface RateLimitDecision {
  allowed: boolean
  /** Hits still admitted in the current window after this one. */
  remaining: number
  /** When denied: milliseconds until a hit would be admitted again. 0 when allowed. */
  retryAfterMs: number
}

export interface StoredChallenge {
  /** The value a caller must present (callers store a hash, never the raw code). */
  secret: string
  /** Opaque data handed back on success. */
  payload: string
  maxAttempts: number
}

/**
 * `ok`: the secret matched; the challenge is gone and its payload returned (exactly one winner).
 * `mismatch`: wrong secret; one attempt counted, `attemptsLeft` remain.
 * `exhausted`: the wrong secret used the last attempt (or none were left); the challenge is gone.
 * `missing`: no such challenge (expired, consumed or never created).
 */
export type ChallengeOutcome =
  | { status: 'ok'; payload: string }
  | { status: 'mismatch'; attemptsLeft: number }
  | { status: 'exhausted' }
  | { status: 'missing' }

export { DependencyError } from '../dependency-error.ts'
