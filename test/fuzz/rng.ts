/**
 * A small seeded PRNG (mulberry32) for the fuzz suites: the same seed replays the same requests,
 * so a failure found once can be reproduced with `FUZZ_SEED=<seed>`.
 */
export interface Rng {
  readonly seed: number
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    seed,
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[int(0, items.length - 1)] as T
    },
  }
}

/** `FUZZ_SEED` from the environment, else a fresh one (printed by the suite so it can be replayed). */
export function seedFromEnv(env: Record<string, string | undefined>): number {
  const given = env.FUZZ_SEED
  if (given !== undefined && given !== '') {
    const seed = Number(given)
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`FUZZ_SEED must be an integer ≥ 0`)
    return seed
  }
  return Math.floor(Math.random() * 2 ** 31)
}
