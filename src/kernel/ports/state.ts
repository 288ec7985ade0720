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
  /**
   * A guarded challenge check in one atomic step (one round trip for a whole code check): counts
   * a hit in `limit` (refusing past it, as {@link StateStore.hit}), refuses while `block` exists,
   * then consumes the challenge as {@link StateStore.consumeChallenge} does and counts a wrong
   * secret in `failures`, starting the lock there and then. See {@link ChallengeCheck}.
   */
  checkChallenge(check: ChallengeCheck): Promise<ChallengeCheckOutcome>
  /**
   * Attempt limiter (failures only, growing lockout) on one key: refuses while the key is locked;
   * otherwise counts one attempt *before* the caller evaluates it and, when the count reaches
   * `maxFailures`, starts the lock at once. Of any number of racing callers at most
   * `maxFailures` are admitted (then one per expired lock), whatever their timing.
   */
  reserveAttempt(key: string, policy: AttemptPolicy): Promise<AttemptDecision>
  /**
   * Gives one reserved attempt back because it was no failure (e.g. the right password): the
   * count drops by one and a running lock is lifted. `delete(key)` forgets every attempt.
   */
  releaseAttempt(key: string): Promise<void>
  /**
   * Several attempt limiters behind one sliding-window limit, in one atomic step: the limit's
   * hit is counted first (a refusal there changes nothing else); then, while any key is locked,
   * the reservation is refused and no attempt counted; otherwise each key counts one attempt as
   * {@link StateStore.reserveAttempt} does.
   */
  reserveAttempts(reservation: AttemptReservation): Promise<AttemptsDecision>
  /** Gives attempts back in one step: `releaseAttempt` each key, or `forget` (delete) it. */
  releaseAttempts(releases: Array<{ key: string; forget?: boolean }>): Promise<void>
  /** Checks every gate of an {@link Admission}; admits by counting it everywhere, or changes nothing. */
  admit(admission: Admission): Promise<AdmissionDecision>
  /** Undoes an admitted step's claim and its hits on the given limit logs (e.g. nothing was sent). */
  refundAdmission(refund: AdmissionRefund): Promise<void>
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
  /** Names this challenge: a check presenting another id finds it `missing` (it was replaced). */
  id?: string
}

/**
 * What {@link StateStore.checkChallenge} checks, in this order: the `limit` (every check counts),
 * the `block` (e.g. a lockout), the challenge under `key` with this `id`.
 */
export interface ChallengeCheck {
  key: string
  id: string
  secret: string
  limit?: AdmissionGate & { limit: number; windowMs: number }
  block?: AdmissionGate
  /** Requires `block`: a failure that starts a lock sets the block's key. */
  failures?: FailurePolicy
}

/** Failure accounting of wrong secrets, across challenges (e.g. per login). */
export interface FailurePolicy {
  key: string
  /** The count is forgotten this long after the latest failure. */
  memoryMs: number
  /** Every `every`-th failure sets the block for `lockMs[k − 1]`, k its ordinal (the last repeats). */
  every: number
  lockMs: number[]
}

/** `failures` is the count after this one; `lockedForMs` > 0 when this failure started a lock. */
export type ChallengeCheckOutcome =
  | { status: 'refused'; gate: string; retryAfterMs: number }
  | { status: 'ok'; payload: string }
  | { status: 'missing' }
  | { status: 'mismatch'; attemptsLeft: number; failures: number; lockedForMs: number }
  | { status: 'exhausted'; failures: number; lockedForMs: number }

export interface AttemptReservation {
  limit?: AdmissionGate & { limit: number; windowMs: number }
  attempts: Array<AdmissionGate & { policy: AttemptPolicy }>
}

export type AttemptsDecision =
  /** Per key, in order: attempts counted and the lock that one started (0 = none). */
  | { allowed: true; attempts: Array<{ attempts: number; lockedForMs: number }> }
  | { allowed: false; gate: string; retryAfterMs: number }

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

export interface AttemptPolicy {
  /** Attempts admitted before the first lock (the one that reaches it starts the lock). */
  maxFailures: number
  /** The first lock; each later attempt multiplies it by `growthFactor`… */
  lockMs: number
  /** …default 2… */
  growthFactor?: number
  /** …up to this. */
  maxLockMs: number
  /** Attempts are forgotten this long after the first one (a lock running past it is kept). */
  windowMs: number
}

export type AttemptDecision =
  /** `attempts` counts this one; `lockedForMs` > 0 when it started a lock (0 = none). */
  | { allowed: true; attempts: number; lockedForMs: number }
  | { allowed: false; retryAfterMs: number }

/** A named key of an admission: a refusal says which gate refused. */
export interface AdmissionGate {
  name: string
  key: string
}

/**
 * One guarded step (e.g. sending a code) checked and counted in one atomic operation: the
 * blocks (keys that refuse while they exist, e.g. a lockout), then the claim (refuses while it
 * exists; set for `ttlMs` on admission, e.g. a resend cooldown), then every sliding-window limit
 * (as {@link StateStore.hit}). Only when all pass is one hit recorded in each limit and the claim
 * set; a refusal changes nothing, so refused racers never use up anyone's quota.
 */
export interface Admission {
  blocks: AdmissionGate[]
  claim?: AdmissionGate & { ttlMs: number }
  limits: Array<AdmissionGate & { limit: number; windowMs: number }>
  /** A string key read on admission and handed back, to save the caller a round trip. */
  read?: string
  /** Stored on admission, in the same step (replacing what the key held). */
  challenge?: AdmissionChallenge
}

export interface AdmissionChallenge {
  key: string
  challenge: StoredChallenge
  ttlMs: number
  /**
   * Caps `maxAttempts` at the failures left before the next lock of the count under `read`:
   * lockStep − (count mod lockStep), at least 1. So racing guesses on one code cannot run past
   * a lockout whatever failed since the caller last looked.
   */
  lockStep?: number
}

export type AdmissionDecision =
  /** `ticket` identifies this admission's hits and claim, for {@link StateStore.refundAdmission}. */
  | { admitted: true; ticket: string; value: string | null }
  /** `retryAfterMs` is -1 when the refusing key has no expiry (the caller picks a wait). */
  | { admitted: false; gate: string; retryAfterMs: number }

/** The claim is deleted only while it still holds the ticket (not once a later step claimed it). */
export interface AdmissionRefund {
  ticket: string
  claim?: string
  /** Deleted only while it still has this id (not once a later admission replaced it). */
  challenge?: { key: string; id: string }
  limits: string[]
}

export { DependencyError } from './dependency-error.ts'

/** Which state store adapter to open, from validated settings (src/storage/state/open.ts). */
export interface StateStoreChoice {
  kind: 'memory' | 'redis' | 'upstash'
  /** Prepended to every key. */
  prefix: string
  upstash?: { url: string; token: string }
  /** `redis://` or `rediss://`; TCP, so Node and Deno only. */
  redisUrl?: string
  /**
   * The clients' own timeout per command (`STATE_TIMEOUT_MS`), so a call the port deadline gave
   * up on also releases its request or socket slot. Unset: the clients' defaults.
   */
  timeoutMs?: number
}
