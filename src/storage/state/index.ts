/**
 * Web-standard entry to the state port: safe to bundle into Cloudflare Workers. The Redis TCP
 * adapter (`./redis-tcp`) is Node/Deno only and is imported directly by those entries.
 */
export type {
  ChallengeOutcome,
  RateLimitDecision,
  StateStore,
  StoredChallenge,
} from '../../kernel/ports/state.ts'
export { createMemoryStateStore, type MemoryStateStoreOptions } from './memory.ts'
export { createUpstashStateStore, type UpstashStateStoreOptions } from './upstash.ts'
export { DEFAULT_STATE_PREFIX } from './shared.ts'
export { openWebStateStore, type StateStoreChoice } from './open.ts'
export { DependencyError } from '../../kernel/ports/state.ts'
