/**
 * A closed-loop load generator over keep-alive HTTP/1.1 (node:http, lighter than fetch on the
 * client side, which shares the machine with the server): `concurrency` virtual users each run
 * their flow in a loop until the time is up. Latency is recorded per labelled request; the
 * server's CPU time comes from /proc, so "CPU ms per request" is the server's alone.
 */
import { Agent, request as httpRequest } from 'node:http'
import { readFileSync } from 'node:fs'

export interface Answer {
  status: number
  body: Record<string, unknown>
}

export class Client {
  readonly agent: Agent
  readonly latencies = new Map<string, number[]>()
  constructor(
    readonly baseUrl: string,
    concurrency: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  }

  send(
    method: string,
    path: string,
    options: {
      json?: unknown
      form?: Record<string, string>
      headers?: Record<string, string>
      label?: string
    } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {
      'x-bench-ip': `10.${rnd()}.${rnd()}.${rnd()}`,
      ...options.headers,
    }
    let body: string | undefined
    if (options.json !== undefined) {
      body = JSON.stringify(options.json)
      headers['content-type'] = 'application/json'
    } else if (options.form) {
      body = new URLSearchParams(options.form).toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
    const url = new URL(path, this.baseUrl)
    const started = performance.now()
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          if (options.label) {
            const list = this.latencies.get(options.label) ?? []
            list.push(performance.now() - started)
            this.latencies.set(options.label, list)
          }
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed: Record<string, unknown> = {}
          try {
            parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {}
          } catch {
            parsed = { raw: text.slice(0, 200) }
          }
          resolve({ status: res.statusCode ?? 0, body: parsed })
        })
        res.on('error', reject)
      })
      req.on('error', reject)
      req.end(body)
    })
  }

  close(): void {
    this.agent.destroy()
  }
}

const rnd = () => Math.floor(Math.random() * 254) + 1

export function expectStatus(answer: Answer, status: number, what: string): Answer {
  if (answer.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
    )
  }
  return answer
}

/** CPU seconds (user + system) the process has used, from /proc (Linux only). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name; 100 Hz.
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** Resident memory in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kb / 1024
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

export interface RunResult {
  /** Iterations per second (requests, or whole flows for multi-request flows). */
  perSecond: number
  iterations: number
  cpuMsPerIteration: number
  p50Ms: number
  p99Ms: number
}

/** Runs `step` from `concurrency` users for `seconds`, measuring the server process `pid`. */
export async function closedLoop<S>(options: {
  client: Client
  pid: number
  concurrency: number
  seconds: number
  label: string
  setup: (vu: number) => Promise<S>
  step: (state: S) => Promise<void>
}): Promise<RunResult> {
  const states = await Promise.all(
    Array.from({ length: options.concurrency }, (_, vu) => options.setup(vu)),
  )
  options.client.latencies.clear()
  const cpu0 = cpuSeconds(options.pid)
  const t0 = performance.now()
  const deadline = t0 + options.seconds * 1000
  let iterations = 0
  await Promise.all(
    states.map(async (state) => {
      while (performance.now() < deadline) {
        await options.step(state)
        iterations++
      }
    }),
  )
  const elapsed = (performance.now() - t0) / 1000
  const cpu = cpuSeconds(options.pid) - cpu0
  const latencies = [...(options.client.latencies.get(options.label) ?? [])].sort((a, b) => a - b)
  return {
    perSecond: iterations / elapsed,
    iterations,
    cpuMsPerIteration: (cpu * 1000) / Math.max(1, iterations),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  }
}
