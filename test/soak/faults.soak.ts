/**
 * Faults under load: the Node server with the Redis TCP adapter and a REMOTE libSQL database
 * (the hrana bridge over a real file, in its own process) under steady mixed traffic, while
 * Redis is stopped and restarted on the same port, frozen (SIGSTOP/SIGCONT) and restarted, and
 * the database is stopped and frozen. Every answer must be right or a 503
 * `dependency_unavailable`, within the deadline (STATE_TIMEOUT_MS / SQL_TIMEOUT_MS) plus a
 * margin; after the last fault everything must be right again; and the file must hold nothing
 * half-written (support/consistency.ts). A spent code is replayed after every code sign-in.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { migratedDatabase, tempDir, type TempDir } from '../runtime/support/databases.ts'
import { freePort, type ServerProcess } from '../runtime/support/processes.ts'
import { startBridgeOn, startRedisOn, type Controlled } from './support/children.ts'
import { createClient, type Client } from './support/client.ts'
import { checkConsistency } from './support/consistency.ts'
import { createJudge, report, runLoad, type Phase } from './support/load-loop.ts'
import { seedPeople, type Cast } from './support/people.ts'
import { adminToken, keepAdminSignedIn, startNodeServer, unhandledErrors } from './support/stack.ts'

const stateTimeoutMs = 500
const sqlTimeoutMs = 1000
/** Scheduling slack on a shared 2-core machine, on top of the deadline. */
const marginMs = Number(process.env.SOAK_MARGIN_MS ?? 1500)
const outageMs = 5000

let dir: TempDir
let dbPath = ''
let redisPort = 0
let bridgePort = 0
let redis: Controlled
let bridge: Controlled
let server: ServerProcess
let client: Client
let cast: Cast

beforeAll(async () => {
  dir = await tempDir('propusk-faults-')
  dbPath = await migratedDatabase(dir.path)
  cast = await seedPeople(dbPath, { phones: 80, passwords: 8 })
  redisPort = await freePort()
  redis = await startRedisOn(redisPort)
  bridgePort = await freePort()
  bridge = await startBridgeOn(dbPath, bridgePort)
  const port = await freePort()
  server = await startNodeServer({
    port,
    dataDir: dir.path,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    env: {
      TURSO_DATABASE_URL: `http://127.0.0.1:${bridgePort}`,
      STATE_TIMEOUT_MS: String(stateTimeoutMs),
      SQL_TIMEOUT_MS: String(sqlTimeoutMs),
    },
  })
  client = createClient(port, { timeoutMs: 15_000 })
})

afterAll(async () => {
  client?.close()
  await server?.stop()
  await bridge?.stop()
  await redis?.stop()
  await dir?.remove()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

it('answers right or 503 dependency_unavailable within the deadline through Redis and SQL faults, and leaves nothing half-written', async () => {
  let phase: Phase = { name: '1 warm-up', outage: false, stateLost: false }
  const { tally, record } = createJudge({
    maxMs: Math.max(stateTimeoutMs, sqlTimeoutMs) + marginMs,
    phase: () => phase,
  })
  const state = {
    client,
    cast,
    adminToken: await adminToken(client, cast.admin),
    pool: [],
    busyPhones: new Set<string>(),
    phoneUsedAt: new Map<string, number>(),
    record,
  }
  let done = false
  const stopSigningIn = keepAdminSignedIn(state, cast.admin)
  const load = runLoad(state, {
    rate: 15,
    durationMs: 10 * 60_000,
    maxOps: 20_000,
    concurrency: 8,
    stop: () => done,
  })

  const phaseStarts: string[] = []
  const during = async (next: Phase, fault: () => Promise<void>) => {
    phase = next
    phaseStarts.push(`${new Date().toISOString()} ${next.name}`)
    await fault()
    // Answers to requests sent during the fault may still arrive: keep allowing 503s a moment.
    await sleep(3000)
  }
  await sleep(10_000)
  await during({ name: '2 redis stopped', outage: true, stateLost: true }, async () => {
    await redis.stop()
    await sleep(outageMs)
    redis = await startRedisOn(redisPort)
  })
  await during({ name: '3 redis frozen', outage: true, stateLost: true }, async () => {
    redis.pause()
    await sleep(outageMs)
    redis.resume()
  })
  await during({ name: '4 redis restarted', outage: true, stateLost: true }, async () => {
    await redis.stop()
    redis = await startRedisOn(redisPort)
  })
  await during({ name: '5 sql stopped', outage: true, stateLost: false }, async () => {
    await bridge.stop()
    await sleep(outageMs)
    bridge = await startBridgeOn(dbPath, bridgePort)
  })
  await during({ name: '6 sql frozen', outage: true, stateLost: false }, async () => {
    bridge.pause()
    await sleep(outageMs)
    bridge.resume()
  })
  phase = { name: '7 recovered', outage: false, stateLost: false }
  phaseStarts.push(`${new Date().toISOString()} ${phase.name}`)
  await sleep(10_000)
  done = true
  const launched = await load
  stopSigningIn()

  const consistency = await checkConsistency(dbPath)
  const slowest = [...tally.slowest].map(([name, ms]) => `${name}: ${Math.round(ms)} ms`).join(', ')
  console.log(
    `faults: ${launched} operations, ${tally.answers} answers; slowest per phase: ${slowest}\n` +
      `phases: ${phaseStarts.join(', ')}\n` +
      `consistency: ${JSON.stringify({ ...consistency, withoutAudit: consistency.withoutAudit.length, withoutRefreshToken: consistency.withoutRefreshToken.length, twoLiveRefreshTokens: consistency.twoLiveRefreshTokens.length })}\n${report(tally)}`,
  )
  const crashes = unhandledErrors(server)
  if (crashes.length > 0) console.log(`server: unhandled errors, first:\n${crashes.join('\n')}`)
  expect.soft(tally.unexpected, `${tally.unexpectedCount} unexpected`).toEqual([])
  expect([...tally.counts.keys()].some((k) => k.startsWith('7 recovered') && / 200$/.test(k))).toBe(
    true,
  )
  expect.soft(consistency.withoutAudit, 'sessions without their sign-in audit row').toEqual([])
  expect.soft(consistency.withoutRefreshToken, 'sessions without a refresh token').toEqual([])
  expect.soft(consistency.twoLiveRefreshTokens, 'sessions with two live refresh tokens').toEqual([])
})
