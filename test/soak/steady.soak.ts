/**
 * Soak: the Node server as `npm start` runs it (the prebuilt bundle) under steady mixed traffic
 * for SOAK_SECONDS (default 300) at SOAK_RATE operations per second (default 15). Asserts no
 * unexpected answer at all, an idle resident memory of at most 100 MiB before the load, and a
 * resident memory at the end within +20 % of that idle figure (issue "Edge-fast": flat memory).
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { migratedDatabase, tempDir, type TempDir } from '../runtime/support/databases.ts'
import { freePort, type ServerProcess } from '../runtime/support/processes.ts'
import { rssKiB, startRedisOn, type Controlled } from './support/children.ts'
import { createClient, type Client } from './support/client.ts'
import { createJudge, report, runLoad } from './support/load-loop.ts'
import { seedPeople, type Cast } from './support/people.ts'
import { adminToken, keepAdminSignedIn, startNodeServer, unhandledErrors } from './support/stack.ts'

const seconds = Number(process.env.SOAK_SECONDS ?? 300)
const rate = Number(process.env.SOAK_RATE ?? 15)

let dir: TempDir
let redis: Controlled
let server: ServerProcess
let client: Client
let cast: Cast

beforeAll(async () => {
  dir = await tempDir('propusk-soak-')
  cast = await seedPeople(await migratedDatabase(dir.path))
  const redisPort = await freePort()
  redis = await startRedisOn(redisPort)
  const port = await freePort()
  server = await startNodeServer({
    port,
    dataDir: dir.path,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    bundle: true,
  })
  client = createClient(port, { timeoutMs: 10_000 })
})

afterAll(async () => {
  client?.close()
  await server?.stop()
  await redis?.stop()
  await dir?.remove()
})

it(`serves ${seconds} s of mixed traffic with no unexpected answer and flat memory`, async () => {
  const { tally, record } = createJudge({
    maxMs: 5000,
    phase: () => ({ name: 'steady', outage: false, stateLost: false }),
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
  // Idle: started, migrated, one admin signed in, nothing else yet.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const idleKib = rssKiB(server.pid)
  const samples: Array<{ at: number; kib: number }> = []
  const started = Date.now()
  const sampler = setInterval(
    () => samples.push({ at: (Date.now() - started) / 1000, kib: rssKiB(server.pid) }),
    5000,
  )
  const stopSigningIn = keepAdminSignedIn(state, cast.admin)
  const launched = await runLoad(state, {
    rate,
    durationMs: seconds * 1000,
    maxOps: Math.ceil(rate * seconds * 1.1),
    concurrency: 8,
  })
  clearInterval(sampler)
  stopSigningIn()
  samples.push({ at: (Date.now() - started) / 1000, kib: rssKiB(server.pid) })

  const baselineAt = Math.min(60, seconds / 5)
  const baseline = samples.find((s) => s.at >= baselineAt) ?? samples[0]
  const last = samples.at(-1)
  const growth = baseline && last ? last.kib / baseline.kib - 1 : 0
  const growthFromIdle = last ? last.kib / idleKib - 1 : 0
  console.log(
    `soak: ${launched} operations, ${tally.answers} answers in ${seconds} s at ${rate}/s; ` +
      `slowest ${Math.round(tally.slowest.get('steady') ?? 0)} ms; RSS idle ${idleKib} KiB, ` +
      `${(growthFromIdle * 100).toFixed(1)} % at the end; ${baseline?.kib} KiB at ${baseline?.at.toFixed(0)} s → ` +
      `${last?.kib} KiB at ${last?.at.toFixed(0)} s (${(growth * 100).toFixed(1)} %)\n` +
      `RSS samples (s:MiB): ${samples.map((s) => `${s.at.toFixed(0)}:${(s.kib / 1024).toFixed(0)}`).join(' ')}\n${report(tally)}`,
  )
  const crashes = unhandledErrors(server)
  if (crashes.length > 0) console.log(`server: unhandled errors, first:\n${crashes.join('\n')}`)
  expect(tally.unexpected, `${tally.unexpectedCount} unexpected`).toEqual([])
  expect(baseline?.kib).toBeGreaterThan(0)
  expect(idleKib / 1024).toBeLessThanOrEqual(100)
  expect(growthFromIdle).toBeLessThanOrEqual(0.2)
  expect(growth).toBeLessThanOrEqual(0.2)
})
