/**
 * The clients' own timeouts, without the port deadline in front: a call to a server that never
 * answers fails by itself as `DependencyError` (so the raced call is also released, not left
 * holding a socket or a fetch), and closing a store whose server is frozen does not hang.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DependencyError } from '../src/kernel/ports/dependency-error.ts'
import { openLibsql as openNode } from '../src/storage/sql/libsql-node.ts'
import { openLibsql as openWeb } from '../src/storage/sql/libsql-web.ts'
import { createRedisStateStore } from '../src/storage/state/redis-tcp.ts'
import { createUpstashStateStore } from '../src/storage/state/upstash.ts'
import { startRedisServer } from './support/redis-server.ts'
import { freezer, redisPid, thawAll, startSilentServer, timed } from './support/stall.ts'
import { startUpstashBridge } from './support/upstash-bridge.ts'

const TIMEOUT_MS = 300
const MARGIN_MS = 1000

let cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  thawAll()
  for (const step of cleanup.reverse()) await step()
  cleanup = []
})

async function frozenRedis() {
  const redis = await startRedisServer()
  cleanup.push(() => redis.stop())
  const process = freezer(await redisPid(redis.url))
  return { redis, process }
}

async function rejectsInTime(call: () => Promise<unknown>, dependency: 'state' | 'sql') {
  const { value: error, ms } = await timed(() =>
    call().then(
      () => undefined,
      (e: unknown) => e,
    ),
  )
  expect(error).toBeInstanceOf(DependencyError)
  expect((error as DependencyError).dependency).toBe(dependency)
  expect(ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS)
}

describe('client timeouts', () => {
  it('Redis TCP: a frozen server fails each command and close() drops the socket', async () => {
    const { redis, process } = await frozenRedis()
    const store = createRedisStateStore({ url: redis.url, timeoutMs: TIMEOUT_MS, onError() {} })
    await store.ping()
    process.freeze()
    await rejectsInTime(() => store.get('k'), 'state')
    await rejectsInTime(() => store.hit('k', { limit: 1, windowMs: 1000 }), 'state')
    const closing = await timed(() => store.close())
    expect(closing.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS)
  }, 20_000)

  it('Upstash REST: each request is aborted after the timeout', async () => {
    const { redis, process } = await frozenRedis()
    const bridge = await startUpstashBridge({ redisUrl: redis.url })
    cleanup.push(() => bridge.stop())
    const store = createUpstashStateStore({ ...bridge, timeoutMs: TIMEOUT_MS })
    await store.ping()
    process.freeze()
    await rejectsInTime(() => store.get('k'), 'state')
    await rejectsInTime(() => store.consumeChallenge('k', 'secret'), 'state')
  }, 20_000)

  describe.each([
    ['node', openNode],
    ['web', openWeb],
  ] as const)('remote libSQL (%s client)', (_name, open) => {
    it('aborts the HTTP request', async () => {
      const silent = await startSilentServer()
      cleanup.push(() => silent.close())
      const db = await open(silent.url, undefined, { timeoutMs: TIMEOUT_MS })
      cleanup.push(() => db.close())
      await rejectsInTime(() => db.execute('SELECT 1'), 'sql')
      await rejectsInTime(() => db.batch([{ sql: 'SELECT 1' }]), 'sql')
    }, 20_000)
  })
})
