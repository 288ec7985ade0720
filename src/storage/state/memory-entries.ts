/**
 * What the in-memory state store keeps per key (the value kinds Redis would hold, each with its
 * expiry) and the sliding-window log arithmetic shared by `hit` (./memory.ts) and admissions
 * (./memory-guards.ts), mirroring the Lua scripts so both adapters answer alike.
 */
import { WRONGTYPE_MESSAGE } from './shared.ts'

/** One hit of a sliding-window log; `id` names an admission's hit so a refund can remove it. */
export interface Hit {
  at: number
  id: string | null
}

export type Entry = (
  | { type: 'string'; value: string }
  /** Hits in ascending time order (the sliding-window log). */
  | { type: 'log'; hits: Hit[] }
  | {
      type: 'challenge'
      secret: string
      payload: string
      max: number
      attempts: number
      /** '' when stored without one (as the Lua scripts store it). */
      id: string
    }
  /** Attempt limiter: attempts counted and the end of the running lock (0 = none). */
  | { type: 'attempts'; count: number; lockedUntil: number }
) & { expiresAt: number | null }

/** The store's map and its expiry-aware reader, as the guards need them. */
export interface MemoryEntries {
  map: Map<string, Entry>
  /** The live entry under the (prefixed) key, or undefined once expired. */
  live(key: string, at: number): Entry | undefined
}

/** Hits still in the window: a hit at s counts while at − s < windowMs (as in the Lua script). */
export function liveHits(entry: Entry | undefined, at: number, windowMs: number): Hit[] {
  if (entry && entry.type !== 'log') throw new Error(WRONGTYPE_MESSAGE)
  return (entry?.hits ?? []).filter((hit) => hit.at > at - windowMs)
}

/** Milliseconds until `cost` more hits fit; the whole window when they never can. */
export function logRetryMs(
  hits: Hit[],
  rule: { limit: number; windowMs: number; cost: number },
  at: number,
): number {
  const { limit, windowMs, cost } = rule
  const oldestToLeave = cost <= limit ? hits[hits.length + cost - limit - 1] : undefined
  return oldestToLeave === undefined
    ? windowMs
    : Math.max(1, Math.ceil(oldestToLeave.at + windowMs - at))
}
