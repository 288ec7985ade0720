/** Reads the keys under a prefix straight from the shared redis-server (not through the app). */
import { Redis } from 'ioredis'

export async function redisKeys(redisUrl: string, prefix: string): Promise<string[]> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    const keys: string[] = []
    let cursor = '0'
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
      keys.push(...batch)
      cursor = next
    } while (cursor !== '0')
    return keys
  } finally {
    redis.disconnect()
  }
}

/** A key prefix no other test (or earlier run) uses, so counters start from zero. */
export function uniquePrefix(runtime: string): string {
  return `smoke-${runtime}-${crypto.randomUUID().slice(0, 8)}:`
}
