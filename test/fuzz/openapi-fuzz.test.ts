/**
 * Malformed input at scale, in-process: ≥ 10,000 generated requests spread over EVERY operation
 * of the app's own `/openapi.json`, each built from the schemas and then broken (see
 * requests.ts and body-mutations.ts). The contract: no answer ≥ 500, and every 4xx is a JSON
 * error with a string `code`. Deterministic: the seed is printed; `FUZZ_SEED=<n>` replays a run
 * and `FUZZ_REQUESTS=<n>` changes its size.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { createRedisStateStore } from '../../src/storage/state/redis-tcp.ts'
import { createAdmin, quietDelivery } from '../support/admin.ts'
import { createTestPropusk, type TestPropusk } from '../support/propusk.ts'
import { contractViolation, summarize, type Failure } from './check.ts'
import { listOperations, type OpenApiDocument, type Operation } from './openapi-model.ts'
import { fuzzRequest, type FuzzRequest } from './requests.ts'
import { createRng, seedFromEnv } from './rng.ts'
import { reproduction } from './reproduction.ts'
import { seedPools } from './seed-data.ts'
import type { Pools } from './values.ts'

const seed = seedFromEnv(process.env)
const total = Number(process.env.FUZZ_REQUESTS ?? 10_000)
/**
 * Requests in flight at once. One: the app's work here is CPU and SQLite on this thread, and
 * concurrent writers only wait on each other's locks (4 at once measured 2–3× slower).
 */
const concurrency = 1

let propusk: TestPropusk
let operations: Operation[]
let pools: Pools
let adminToken = ''

beforeAll(async () => {
  propusk = await createTestPropusk({
    env: quietDelivery,
    ipHeader: true,
    state: createRedisStateStore({
      url: inject('redisUrl'),
      prefix: `fuzz:${crypto.randomUUID()}:`,
    }),
  })
  const doc = (await (await propusk.app.request('/openapi.json')).json()) as OpenApiDocument
  operations = listOperations(doc)
  adminToken = (await createAdmin(propusk)).token
  pools = await seedPools(propusk, adminToken)
})

afterAll(async () => {
  await propusk?.close()
})

/**
 * Some requests end the admin's session (logout, revoking sessions, a password change): after
 * any batch where the admin's token changed something, check it and sign a new one in.
 */
async function keepAdminSignedIn(): Promise<number> {
  const check = await propusk.app.request('/v1/admin/roles', {
    headers: { authorization: `Bearer ${adminToken}` },
  })
  if (check.status === 200) return 0
  adminToken = (await createAdmin(propusk)).token
  return 1
}

async function send(request: FuzzRequest) {
  const response = await propusk.app.request(`http://localhost:8787${request.url}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  })
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  }
}

it(`answers ${total} malformed requests over every documented route without a 5xx, errors as JSON with a code`, async () => {
  const rng = createRng(seed)
  const failures: Failure[] = []
  const statuses = new Map<number, number>()
  const perRoute = new Map<string, number>()
  let remints = 0
  const started = performance.now()

  for (let done = 0; done < total; done += concurrency) {
    // Round-robin over operations so every route gets its share; the rng breaks each request.
    const batch = Array.from({ length: Math.min(concurrency, total - done) }, (_, i) => {
      const operation = operations[(done + i) % operations.length] as Operation
      return fuzzRequest(operation, rng, pools, { adminToken })
    })
    const answers = await Promise.all(batch.map(send))
    const changedSomething = batch.some(
      (r, i) => r.method !== 'GET' && (answers[i]?.status ?? 500) < 300,
    )
    if (changedSomething) remints += await keepAdminSignedIn()
    answers.forEach((answer, i) => {
      const request = batch[i] as FuzzRequest
      const route = `${request.operation.method} ${request.operation.path}`
      perRoute.set(route, (perRoute.get(route) ?? 0) + 1)
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
      const reason = contractViolation(request.method, answer, request.operation.errorMediaTypes)
      if (reason) {
        failures.push({
          reason,
          route,
          labels: request.labels,
          reproduction: reproduction(request, answer),
        })
      }
    })
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`)
  console.log(
    `fuzz: seed ${seed} (FUZZ_SEED=${seed} replays), ${total} requests over ${perRoute.size} ` +
      `routes in ${seconds} s, ${remints} admin re-sign-ins; statuses ${histogram.join(' ')}`,
  )
  expect(perRoute.size).toBe(operations.length)
  expect(failures.length, `seed ${seed}:\n${summarize(failures)}`).toBe(0)
  // ~20 s on 2 idle cores; the limit leaves room for a machine busy with other suites.
}, 300_000)
