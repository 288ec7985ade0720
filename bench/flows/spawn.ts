/**
 * Starts a bench server as its own process, pinned to one CPU with `taskset` where it exists (so
 * the server and the load generator do not share a core, and runs compare), and waits for its
 * "listening" line. `taskset` execs the server, so the pid is the server's own (for /proc).
 */
import { spawn, spawnSync } from 'node:child_process'
import { freePort } from '../../testing/runtime/processes.ts'
import { repoRoot } from '../../testing/runtime/worker-bundle.ts'

export interface BenchServer {
  baseUrl: string
  pid: number
  pinned: boolean
  /** SIGKILL by default; SIGTERM lets a server exit normally (and write its --cpu-prof). */
  stop(signal?: NodeJS.Signals): Promise<void>
}

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0

/** Pins this process (the load generator) to CPU 0; the servers go to CPU 1. */
export function pinSelf(): boolean {
  return hasTaskset && spawnSync('taskset', ['-cp', '0', String(process.pid)]).status === 0
}

export async function startBenchServer(
  script: string,
  dir: string,
  env: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<BenchServer> {
  const port = await freePort()
  const node = [process.execPath, ...nodeFlags, '--import', 'tsx', script, String(port), dir]
  const [command, ...args] = hasTaskset ? ['taskset', '-c', '1', ...node] : node
  const child = spawn(command as string, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start:\n${output}`)),
      120_000,
    )
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (/listening on/.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code}:\n${output}`))
    })
  })
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    pinned: hasTaskset,
    async stop(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill(signal)
      await exited
    },
  }
}
