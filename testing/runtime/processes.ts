/**
 * Child processes for the runtime tests: a server started in its own process group, so that
 * stopping it also stops what it spawned (`deno task` runs deno under a task shell), with its
 * output kept for failure messages. Every process is also killed when the test worker exits,
 * so a crashed or timed-out test never leaves a server behind on a port.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

export interface ServerProcess {
  baseUrl: string
  /** The spawned process (its memory is read from /proc by the soak suite). */
  pid: number | undefined
  /** Everything the process printed so far (stdout and stderr interleaved). */
  output(): string
  /** Resolves with the first match of `pattern` in the output (or rejects after `timeoutMs`). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL')
})

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

export interface StartServerOptions {
  command: string
  args: string[]
  /** The complete environment (see serverEnv). */
  env: Record<string, string>
  cwd: string
  port: number
  /** How long to wait for `GET /healthz` to answer 200. */
  readyTimeoutMs?: number
}

/** Spawns a server and waits until `GET /healthz` answers 200 on `port`. */
export async function startServer(options: StartServerOptions): Promise<ServerProcess> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true, // its own process group: stop() kills the whole tree
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let output = ''
  const listeners = new Set<() => void>()
  const append = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.once('exit', () => running.delete(child))

  const baseUrl = `http://127.0.0.1:${options.port}`
  const server: ServerProcess = {
    baseUrl,
    pid: child.pid,
    output: () => output,
    waitForOutput(pattern, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output)
          if (!match) return
          finish()
          resolve(match)
        }
        const timer = setTimeout(() => {
          finish()
          reject(new Error(`no ${pattern} in the output within ${timeoutMs} ms:\n${output}`))
        }, timeoutMs)
        const finish = () => {
          clearTimeout(timer)
          listeners.delete(check)
        }
        listeners.add(check)
        check()
      })
    },
    async stop() {
      killGroup(child, 'SIGTERM')
      const killed = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
      ])
      if (!killed) {
        killGroup(child, 'SIGKILL')
        await exited
      }
      // `deno task` may exit before the deno it started; make sure the group is gone.
      killGroup(child, 'SIGKILL')
    },
  }

  try {
    await waitForHealthy(baseUrl, options.readyTimeoutMs ?? 60_000, () => child.exitCode !== null)
  } catch (error) {
    await server.stop()
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`)
  }
  return server
}

async function waitForHealthy(baseUrl: string, timeoutMs: number, hasExited: () => boolean) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('the server exited before it became healthy')
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) })
      last = `${response.status} ${await response.text()}`
      if (response.status === 200) return
    } catch (error) {
      last = String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(
    `GET ${baseUrl}/healthz did not answer 200 within ${timeoutMs} ms (last: ${last})`,
  )
}

/**
 * Runs every cleanup step even when an earlier one fails (a Miniflare that never started can
 * throw from dispose), then reports the first failure.
 */
export async function cleanUp(...steps: Array<() => Promise<unknown>>): Promise<void> {
  const errors: unknown[] = []
  for (const step of steps) {
    try {
      await step()
    } catch (error) {
      errors.push(error)
    }
  }
  if (errors.length > 0) throw errors[0]
}
