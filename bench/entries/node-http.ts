import { join } from 'node:path'
import { tempDir } from '../../testing/runtime/databases.ts'
import { freePort, startServer, type ServerProcess } from '../../testing/runtime/processes.ts'
import { serverEnv } from '../../testing/runtime/server-env.ts'
import { repoRoot } from '../../testing/runtime/worker-bundle.ts'
import { load, type BenchEntry, type BenchRow, type LoadResult } from '../lib.ts'

const TOTAL = 2000
const CONCURRENCY = 20

/**
 * `npm start` as users run it (src/runtime/node/main.ts: libSQL file, in-memory state, access
 * log at info level to a pipe), loaded over loopback.
 */
export const nodeHttp: BenchEntry = {
  title: `Node server, ${TOTAL} requests, concurrency ${CONCURRENCY}, loopback`,
  async run() {
    const dir = await tempDir('propusk-bench-')
    const port = await freePort()
    let server: ServerProcess | undefined
    try {
      server = await startServer({
        command: process.execPath,
        args: ['--import', 'tsx', join('src', 'runtime', 'node', 'main.ts')],
        cwd: repoRoot,
        port,
        env: serverEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir.path }),
      })
      const baseUrl = server.baseUrl
      const rows: BenchRow[] = []
      const measure = async (
        name: string,
        path: string,
        init: RequestInit | undefined,
        expected: number,
      ) => {
        const url = `${baseUrl}${path}`
        await load({ url, init, total: 200, concurrency: CONCURRENCY }) // warm-up (JIT, connections)
        const result = await load({ url, init, total: TOTAL, concurrency: CONCURRENCY })
        checkStatuses(name, result, expected)
        rows.push(
          { name, value: Math.round(result.perSecond), unit: 'req/s' },
          { name: `${name} p50`, value: result.p50Ms, unit: 'ms' },
          { name: `${name} p99`, value: result.p99Ms, unit: 'ms' },
        )
      }
      await measure('GET /healthz', '/healthz', undefined, 200)
      // An error path through routing, zod validation and the error handler (nothing is stored,
      // so no rate limit is consumed and every request does the same work).
      await measure(
        'POST invalid body (400)',
        '/v1/auth/setup-link/verify',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"token":1}' },
        400,
      )
      return { rows }
    } finally {
      await server?.stop()
      await dir.remove()
    }
  },
}

function checkStatuses(name: string, result: LoadResult, expected: number): void {
  const others = Object.entries(result.statuses).filter(([status]) => Number(status) !== expected)
  if (others.length > 0) {
    throw new Error(`${name}: expected only ${expected}, got ${JSON.stringify(result.statuses)}`)
  }
}
