import type { AdmissionGate, StateStore } from './ports/state.ts'
import { coreError, type ApiError } from './errors.ts'

/** A sliding-window limit: at most `limit` hits per `windowMs` for one subject. */
export interface RateLimitRule {
  limit: number
  windowMs: number
  /** Human description for docs and the console. */
  description?: string
}

export interface RateLimiter {
  /** Counts one hit of `subject` against `owner:rule`; throws `rate_limited` (429) past the limit. */
  consume(owner: string, rule: string, subject: string, cost?: number): Promise<void>
  /**
   * The key and rule `consume` would count, for a caller that counts it inside a larger atomic
   * state step (e.g. `StateStore.reserveAttempts`); refuse with {@link rateLimited}.
   */
  gate(owner: string, rule: string, subject: string): AdmissionGate & RateLimitWindow
  /**
   * Registers rules (the core and plugins, at startup). Registering the same `owner:rule` again
   * replaces it: a plugin that lets its own settings tune a rule registers the tuned version.
   */
  register(owner: string, rules: Record<string, RateLimitRule>): void
  rules(): Array<{ owner: string; rule: string } & RateLimitRule>
}

interface RateLimitWindow {
  limit: number
  windowMs: number
}

/** The answer past a limit: 429 `rate_limited` with the wait. */
export function rateLimited(retryAfterMs: number): ApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  return coreError('rate_limited', undefined, { retryAfterSeconds })
}

export function createRateLimiter(state: StateStore): RateLimiter {
  const rules = new Map<string, { owner: string; rule: string } & RateLimitRule>()
  const gate: RateLimiter['gate'] = (owner, rule, subject) => {
    const definition = rules.get(`${owner}:${rule}`)
    if (!definition) throw new Error(`Unknown rate-limit rule ${owner}:${rule}`)
    const { limit, windowMs } = definition
    return { name: rule, key: `rl:${owner}:${rule}:${subject}`, limit, windowMs }
  }
  return {
    register(owner, declared) {
      for (const [rule, definition] of Object.entries(declared)) {
        rules.set(`${owner}:${rule}`, { owner, rule, ...definition })
      }
    },
    rules: () => [...rules.values()],
    gate,
    async consume(owner, rule, subject, cost = 1) {
      const { key, limit, windowMs } = gate(owner, rule, subject)
      const decision = await state.hit(key, { limit, windowMs, cost })
      if (!decision.allowed) throw rateLimited(decision.retryAfterMs)
    },
  }
}
