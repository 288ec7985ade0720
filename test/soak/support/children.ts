/**
 * The processes the soak and fault suites start, stop and freeze: redis-server on a fixed port
 * (so a restart keeps the server's REDIS_URL valid), the libSQL bridge in its own process, and
 * the memory of the server under test read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from 'node:net'
import { repoRoot } from '../../runtime/support/worker-bundle.ts'

const started = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL')
})

export interface Controlled {
  readonly pid: number | undefined
  /** SIGTERM, then SIGKILL after 3 s; resolves when it has exited. */
  stop(): Promise<void>
  pause(): void
  resume(): void
}

function control(child: ChildProcess): Controlled {
  started.add(child)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', () => started.delete(child))
  return {
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGCONT')
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
    },
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
  }
}

function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  return (async () => {
    while (Date.now() < deadline) {
      if (await check()) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`${what} did not start within ${timeoutMs} ms`)
  })()
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(300, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG')))
  })
}

/** A redis-server on `port` (loopback, no persistence: a restart loses every key). */
export async function startRedisOn(port: number): Promise<Controlled> {
  const bin = process.env.REDIS_SERVER_BIN ?? 'redis-server'
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
  const child = spawn(bin, args, { cwd: tmpdir(), stdio: 'ignore' })
  const redis = control(child)
  await waitFor(() => answersPing(port), `redis-server on ${port}`)
  return redis
}

/** The hrana bridge over `dbPath` on `port`, in a child process. */
export async function startBridgeOn(dbPath: string, port: number): Promise<Controlled> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join('test', 'soak', 'support', 'bridge-main.ts'), dbPath, String(port)],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const bridge = control(child)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await waitFor(async () => output.includes('bridge ready'), `bridge on ${port}`, 30_000)
  return bridge
}

/** Resident memory of a process in KiB (VmRSS), or 0 if it is gone. */
export function rssKiB(pid: number | undefined): number {
  if (pid === undefined) return 0
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}
