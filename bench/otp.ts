/**
 * One-time codes under load, in process (app.fetch, no sockets): requests per second and
 * state-store round trips per request for `sms-otp` send and verify. The state store is a real
 * redis-server over TCP (memory if none can be started), wrapped in a counting proxy: each
 * StateStore call is one round trip by the port's contract, so the count is a measurement.
 * Every verify is a right code, so it includes opening a session (libSQL writes, JWT signing).
 */
import type { StateStore } from '../src/kernel/ports/state.ts'
import { createMemoryStateStore } from '../src/storage/state/memory.ts'
import { createRedisStateStore } from '../src/storage/state/redis-tcp.ts'
import { createTestPropusk } from '../testing/index.ts'
import { startRedisServer } from '../testing/redis-server.ts'
import type { BenchEntry } from './lib.ts'

const COUNT = 400
const CONCURRENCY = 20

function countingStore(inner: StateStore): { store: StateStore; calls: () => number } {
  let calls = 0
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown
      if (typeof value !== 'function' || property === 'close') return value
      return (...args: unknown[]) => {
        calls++
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { store, calls: () => calls }
}

async function pool<T>(items: T[], run: (item: T) => Promise<void>): Promise<number> {
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await run(items[next++] as T)
    }),
  )
  return (performance.now() - started) / 1000
}

/** `{ sendPerSecond, sendRoundTrips, verifyPerSecond, verifyRoundTrips, ... }`. */
export async function benchOtp(): Promise<Record<string, number>> {
  const redis = await startRedisServer().catch(() => null)
  const inner = redis
    ? createRedisStateStore({ url: redis.url, prefix: `bench:${crypto.randomUUID()}:` })
    : createMemoryStateStore()
  const { store, calls } = countingStore(inner)
  const unlimited = {
    sendsPerIpPerHour: 100_000,
    verifiesPerIpPer10Minutes: 100_000,
    sendsPerPrefixPerHour: 100_000,
    // The engine's own cost: without this every send waits the anti-timing floor (150 ms).
    decoyMinDelayMs: 0,
  }
  const propusk = await createTestPropusk({
    settings: { 'sms-otp': unlimited },
    env: { LOG_LEVEL: 'warn' },
    state: store,
  })
  try {
    await propusk.createApp({ id: 'engineer-app', type: 'engineer-mobile', methods: ['sms-otp'] })
    const phones = Array.from(
      { length: COUNT },
      (_, i) => `+7916${String(1_000_000 + i).padStart(7, '0')}`,
    )
    for (const phone of phones) await propusk.insertUser({ phone })
    const request = (path: string, body: unknown) =>
      propusk.app.request(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      })

    const challenges = new Map<string, string>()
    let failures = 0
    const before = calls()
    const sendSeconds = await pool(phones, async (login) => {
      const response = await request('/v1/auth/sms-otp/send', { login, clientId: 'engineer-app' })
      const body = (await response.json()) as { challengeId?: string }
      if (response.status === 200 && body.challengeId) challenges.set(login, body.challengeId)
      else failures++
    })
    const sendCalls = calls() - before

    const codes = new Map<string, string>()
    for (const phone of challenges.keys()) {
      codes.set(phone, (await propusk.deliveries.last(phone)).code ?? '')
    }
    const middle = calls()
    const verifySeconds = await pool([...challenges.keys()], async (login) => {
      const response = await request('/v1/auth/sms-otp/verify', {
        challengeId: challenges.get(login),
        code: codes.get(login),
        clientId: 'engineer-app',
      })
      await response.arrayBuffer()
      if (response.status !== 200) failures++
    })
    const verifyCalls = calls() - middle
    if (failures > 0) throw new Error(`${failures} of ${COUNT * 2} requests failed`)
    return {
      sendPerSecond: COUNT / sendSeconds,
      sendRoundTrips: sendCalls / COUNT,
      verifyPerSecond: COUNT / verifySeconds,
      verifyRoundTrips: verifyCalls / COUNT,
      redis: redis ? 1 : 0,
    }
  } finally {
    await propusk.close()
    if (redis) await redis.stop()
  }
}

export const otpBench: BenchEntry = {
  title: `One-time codes (sms-otp), ${COUNT} sends + ${COUNT} verifies, concurrency ${CONCURRENCY}, in process`,
  async run() {
    const r = await benchOtp()
    const store = r.redis ? 'redis-server over TCP' : 'in-memory state'
    return {
      rows: [
        { name: 'send', value: Math.round(r.sendPerSecond ?? 0), unit: 'req/s', note: store },
        { name: 'send state round trips', value: r.sendRoundTrips ?? 0, unit: 'per request' },
        {
          name: 'verify (opens a session)',
          value: Math.round(r.verifyPerSecond ?? 0),
          unit: 'req/s',
        },
        { name: 'verify state round trips', value: r.verifyRoundTrips ?? 0, unit: 'per request' },
      ],
    }
  },
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchOtp())
}
