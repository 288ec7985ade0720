import type { StateStore } from '../storage/state/port.ts'
import { ApiError } from './errors.ts'

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
   * Registers rules (the core and plugins, at startup). Registering the same `owner:rule` again
   * replaces it: a plugin that lets its own settings tune a rule registers the tuned version.
   */
  register(owner: string, rules: Record<string, RateLimitRule>): void
  rules(): Array<{ owner: string; rule: string } & RateLimitRule>
}

export function createRateLimiter(state: StateStore): RateLimiter {
  const rules = new Map<string, { owner: string; rule: string } & RateLimitRule>()
  return {
    register(owner, declared) {
      for (const [rule, definition] of Object.entries(declared)) {
        rules.set(`${owner}:${rule}`, { owner, rule, ...definition })
      }
    },
    rules: () => [...rules.values()],
    async consume(owner, rule, subject, cost = 1) {
      const definition = rules.get(`${owner}:${rule}`)
      if (!definition) throw new Error(`Unknown rate-limit rule ${owner}:${rule}`)
      const decision = await state.hit(`rl:${owner}:${rule}:${subject}`, {
        limit: definition.limit,
        windowMs: definition.windowMs,
        cost,
      })
      if (!decision.allowed) {
        const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
        throw new ApiError('rate_limited', 429, 'Too many requests; try again later.', {
          retryAfterSeconds,
        })
      }
    },
  }
}
