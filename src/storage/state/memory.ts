/**
 * In-memory state store for tests, single-process Node/Deno deployments and local development.
 * Web-standard only. Every operation runs synchronously between awaits, so it is atomic with
 * respect to other callers in the same isolate, exactly like a Lua script on Redis. It mirrors
 * the Redis adapters' semantics (see ./lua.ts), including WRONGTYPE errors on type clashes.
 *
 * Expiry is lazy (checked on access) plus an amortised sweep run from inside operations at most
 * once per `sweepIntervalMs`. No timers: they would keep Node alive and are not allowed in the
 * global scope of a Worker.
 */
import type { ChallengeOutcome, StateStore } from '../../kernel/ports/state.ts'
import { memoryGuards } from './memory-guards.ts'
import { memoryChecks } from './memory-checks.ts'
import { liveHits, logRetryMs, type Entry } from './memory-entries.ts'
import {
  assertChallenge,
  assertOptionalTtl,
  assertTtl,
  DEFAULT_STATE_PREFIX,
  normaliseIncrement,
  normaliseRule,
  WRONGTYPE_MESSAGE,
} from './shared.ts'

export interface MemoryStateStoreOptions {
  prefix?: string
  /** Clock in epoch milliseconds; injectable so tests can move time deterministically. */
  now?: () => number
  /** Minimum time between full sweeps of expired keys; default 30 s. */
  sweepIntervalMs?: number
}

const INTEGER = /^(0|-?[1-9]\d*)$/

export function createMemoryStateStore(options: MemoryStateStoreOptions = {}): StateStore {
  const prefix = options.prefix ?? DEFAULT_STATE_PREFIX
  const now = options.now ?? Date.now
  const sweepIntervalMs = options.sweepIntervalMs ?? 30_000
  const entries = new Map<string, Entry>()
  let lastSweep = now()

  /** Returns the live entry for `key` (prefixed), dropping it if expired; sweeps when due. */
  function live(key: string, at: number): Entry | undefined {
    if (at - lastSweep >= sweepIntervalMs) {
      lastSweep = at
      for (const [k, e] of entries) if (e.expiresAt !== null && e.expiresAt <= at) entries.delete(k)
    }
    const entry = entries.get(key)
    if (entry && entry.expiresAt !== null && entry.expiresAt <= at) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  function stringOf(entry: Entry | undefined): string | null {
    if (!entry) return null
    if (entry.type !== 'string') throw new Error(WRONGTYPE_MESSAGE)
    return entry.value
  }

  return {
    kind: 'memory',

    async get(key) {
      return stringOf(live(prefix + key, now()))
    },

    async set(key, value, opts = {}) {
      assertOptionalTtl(opts.ttlMs)
      const k = prefix + key
      const at = now()
      if (opts.ifAbsent && live(k, at)) return false
      const expiresAt = opts.ttlMs === undefined ? null : at + opts.ttlMs
      entries.set(k, { type: 'string', value, expiresAt })
      return true
    },

    async delete(key) {
      const k = prefix + key
      return live(k, now()) !== undefined && entries.delete(k)
    },

    async getAndDelete(key) {
      const k = prefix + key
      const value = stringOf(live(k, now()))
      entries.delete(k)
      return value
    },

    async compareAndSwap(key, expected, next, opts = {}) {
      assertOptionalTtl(opts.ttlMs)
      const k = prefix + key
      const at = now()
      const entry = live(k, at)
      if (stringOf(entry) !== expected) return false
      if (next === null) {
        entries.delete(k)
      } else {
        // Like KEEPTTL in the Lua script: without a new TTL the remaining lifetime is kept.
        const expiresAt = opts.ttlMs === undefined ? (entry?.expiresAt ?? null) : at + opts.ttlMs
        entries.set(k, { type: 'string', value: next, expiresAt })
      }
      return true
    },

    async increment(key, opts) {
      const by = normaliseIncrement(opts.by)
      assertTtl(opts.ttlMs)
      const k = prefix + key
      const at = now()
      const entry = live(k, at)
      const current = stringOf(entry)
      if (entry === undefined || current === null) {
        entries.set(k, { type: 'string', value: String(by), expiresAt: at + opts.ttlMs })
        return by
      }
      const value = INTEGER.test(current) ? Number(current) + by : NaN
      if (!Number.isSafeInteger(value)) {
        throw new Error('ERR value is not an integer or out of range')
      }
      entries.set(k, { type: 'string', value: String(value), expiresAt: entry.expiresAt })
      return value
    },

    async hit(key, rule) {
      const { limit, windowMs, cost } = normaliseRule(rule)
      const k = prefix + key
      const at = now()
      const entry = live(k, at)
      const hits = liveHits(entry, at, windowMs)
      const count = hits.length
      if (count + cost <= limit) {
        for (let i = 0; i < cost; i++) hits.push({ at, id: null })
        entries.set(k, { type: 'log', hits, expiresAt: at + windowMs })
        return { allowed: true, remaining: limit - count - cost, retryAfterMs: 0 }
      }
      if (entry?.type === 'log') entry.hits = hits
      const retryAfterMs = logRetryMs(hits, { limit, windowMs, cost }, at)
      return { allowed: false, remaining: Math.max(0, limit - count), retryAfterMs }
    },

    async putChallenge(key, challenge, opts) {
      assertChallenge(challenge)
      assertTtl(opts.ttlMs)
      const k = prefix + key
      const at = now()
      if (opts.ifAbsent && live(k, at)) return false
      entries.set(k, {
        type: 'challenge',
        secret: challenge.secret,
        payload: challenge.payload,
        max: challenge.maxAttempts,
        attempts: 0,
        id: challenge.id ?? '',
        expiresAt: at + opts.ttlMs,
      })
      return true
    },

    async consumeChallenge(key, secret): Promise<ChallengeOutcome> {
      const k = prefix + key
      const entry = live(k, now())
      if (!entry) return { status: 'missing' }
      if (entry.type !== 'challenge') throw new Error(WRONGTYPE_MESSAGE)
      if (entry.secret === secret) {
        entries.delete(k)
        return { status: 'ok', payload: entry.payload }
      }
      entry.attempts += 1
      if (entry.attempts >= entry.max) {
        entries.delete(k)
        return { status: 'exhausted' }
      }
      return { status: 'mismatch', attemptsLeft: entry.max - entry.attempts }
    },

    ...memoryGuards({ map: entries, live }, prefix, now),
    ...memoryChecks({ map: entries, live }, prefix, now),

    async ttl(key) {
      const at = now()
      const entry = live(prefix + key, at)
      if (!entry) return -2
      return entry.expiresAt === null ? -1 : Math.ceil(entry.expiresAt - at)
    },

    async ping() {},

    async close() {
      entries.clear()
    },
  }
}
