/**
 * Malformed input over a real socket to the Node server (`src/runtime/node/main.ts`, what
 * `npm start` runs): the smaller share of the fuzz run, for what only raw HTTP can carry —
 * duplicate headers, non-ByteString bytes, lying lengths, huge URLs and headers, odd methods
 * and request lines. The same contract as in-process: no 5xx, and every 4xx a JSON error with a
 * string `code`. The server's own output must hold no "unhandled error" (a stack trace).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { tempDir, type TempDir } from '../runtime/support/databases.ts'
import { freePort, startServer, type ServerProcess } from '../runtime/support/processes.ts'
import { serverEnv } from '../runtime/support/server-env.ts'
import { repoRoot } from '../runtime/support/worker-bundle.ts'
import { contractViolation, summarize, type Failure } from './check.ts'
import { headerCaseNames, headerCases, serialise, type RawRequest } from './header-cases.ts'
import { listOperations, type OpenApiDocument, type Operation } from './openapi-model.ts'
import { sendRaw } from './raw-http.ts'
import { fuzzRequest } from './requests.ts'
import { createRng, seedFromEnv } from './rng.ts'

const seed = seedFromEnv(process.env)
const total = Number(process.env.FUZZ_SOCKET_REQUESTS ?? 600)
const concurrency = 4

let dir: TempDir
let server: ServerProcess
let port = 0

beforeAll(async () => {
  dir = await tempDir('propusk-fuzz-')
  port = await freePort()
  server = await startServer({
    command: process.execPath,
    args: ['--import', 'tsx', join('src', 'runtime', 'node', 'main.ts')],
    cwd: repoRoot,
    port,
    env: serverEnv({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dir.path,
      LOG_LEVEL: 'warn',
      PLUGIN_SETTINGS: JSON.stringify({ 'console-delivery': { printToTerminal: false } }),
    }),
  })
})

afterAll(async () => {
  await server?.stop()
  await dir?.remove()
})

function toRaw(request: ReturnType<typeof fuzzRequest>): RawRequest {
  const headers: Array<[string, string]> = [
    ['Host', `127.0.0.1:${port}`],
    ['Connection', 'close'],
  ]
  for (const [name, value] of Object.entries(request.headers)) {
    if (name !== 'x-test-client-ip') headers.push([name, value])
  }
  return {
    method: request.method,
    target: request.url,
    headers,
    body: Buffer.from(request.body ?? '', 'utf8'),
  }
}

it(`answers ${total} malformed requests over a real socket without a 5xx, errors as JSON with a code`, async () => {
  const doc = (await (await fetch(`${server.baseUrl}/openapi.json`)).json()) as OpenApiDocument
  const operations = listOperations(doc)
  const rng = createRng(seed)
  const failures: Failure[] = []
  const statuses = new Map<number, number>()
  const started = performance.now()

  for (let done = 0; done < total; done += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, total - done) }, (_, i) => {
      const operation = operations[(done + i) % operations.length] as Operation
      const request = fuzzRequest(
        operation,
        rng,
        { clientIds: ['admin-console'], logins: ['+79161234567'], ids: ['admin-console'] },
        {
          adminToken: 'eyJhbGciOiJFUzI1NiJ9.e30.c2ln',
        },
      )
      const raw = toRaw(request)
      const name = rng.pick(headerCaseNames)
      const broken = (headerCases[name] as (typeof headerCases)[string])(raw, rng)
      return {
        operation,
        method: raw.method,
        labels: [...request.labels, broken.label],
        bytes: broken.bytes,
      }
    })
    const answers = await Promise.all(batch.map((b) => sendRaw(port, b.bytes)))
    answers.forEach((answer, i) => {
      const sent = batch[i] as (typeof batch)[number]
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
      const reason =
        answer.status === 0
          ? undefined // the server hung up on bytes that are not HTTP: allowed, nothing to check
          : contractViolation(
              sent.method,
              {
                status: answer.status,
                contentType: answer.headers['content-type'] ?? '',
                text: answer.body,
              },
              sent.operation.errorMediaTypes,
            )
      if (reason) {
        failures.push({
          reason,
          route: `${sent.operation.method} ${sent.operation.path}`,
          labels: sent.labels,
          reproduction: `printf ${JSON.stringify(sent.bytes.subarray(0, 400).toString('latin1'))} | nc 127.0.0.1 8787  # → ${answer.status} ${answer.body.slice(0, 120)}`,
        })
      }
    })
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const histogram = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`)
  console.log(
    `socket fuzz: seed ${seed}, ${total} requests in ${seconds} s; statuses ${histogram.join(' ')}`,
  )
  // Group by the header case, which is what decides these answers.
  const byCase = failures.map((f) => ({ ...f, route: f.labels.at(-1) ?? f.route }))
  expect(failures.length, `seed ${seed}:\n${summarize(byCase)}`).toBe(0)
  expect(server.output()).not.toMatch(/unhandled error/)
}, 300_000)
