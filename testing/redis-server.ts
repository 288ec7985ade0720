/**
 * Starts a throwaway `redis-server` for tests: loopback only, on a free port, with persistence
 * off so nothing is written to disk. Real Redis, no mocks: the state adapters' atomicity lives
 * in Lua scripts that only a real server can exercise.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string
  port: number
  stop(): Promise<void>
}

const REDIS_BINARY = process.env.REDIS_SERVER_BIN ?? 'redis-server'
/**
 * On Linux, `setpriv --pdeathsig` makes the kernel kill redis-server when this process dies even
 * by SIGKILL, which no exit handler can catch. It execs in place, so the pid stays redis'.
 */
const SETPRIV =
  process.platform === 'linux' && existsSync('/usr/bin/setpriv') ? '/usr/bin/setpriv' : null

/** Asks the OS for a free port. Another process could grab it before redis binds; we retry. */
async function freePort(): Promise<number> {
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

/**
 * Asks the server on `port` for its pid with one raw RESP command (no client library reconnect
 * loop or log noise while polling). Checking the pid matters: if another process grabbed the
 * port first, our redis-server exits and we must not mistake the other one for it.
 */
function isOurs(port: number, pid: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    let reply = ''
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('INFO server\r\n'))
    socket.on('data', (chunk) => {
      reply += chunk.toString()
      const match = /process_id:(\d+)\r\n/.exec(reply)
      if (match) done(Number(match[1]) === pid)
      else if (reply.startsWith('-')) done(false)
    })
  })
}

/** Processes still running; killed synchronously if the test process exits without teardown. */
const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

async function startOnce(port: number): Promise<RedisServer> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
  const child = spawn(
    SETPRIV ?? REDIS_BINARY,
    SETPRIV ? ['--pdeathsig', 'KILL', '--', REDIS_BINARY, ...args] : args,
    // cwd/dir in tmp so a stray dump can never land in the repository.
    { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] },
  )
  running.add(child)
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  let spawnError: Error | undefined
  child.once('error', (error) => (spawnError = error))

  const stop = async () => {
    if (!running.has(child)) return
    child.kill('SIGTERM')
    if (!(await waitForExit(child, 3000))) {
      child.kill('SIGKILL')
      await waitForExit(child, 3000)
    }
    running.delete(child)
  }

  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (spawnError) break
    if (child.exitCode !== null) break
    if (child.pid !== undefined && (await isOurs(port, child.pid))) {
      return { url: `redis://127.0.0.1:${port}`, port, stop }
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  await stop()
  throw new Error(
    `redis-server did not start on port ${port}` +
      (spawnError ? `: ${spawnError.message}` : '') +
      (output ? `\n${output}` : ''),
  )
}

export async function startRedisServer(): Promise<RedisServer> {
  let lastError: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort())
    } catch (error) {
      lastError = error
    }
  }
  throw lastError
}

export async function stopRedisServer(server: RedisServer): Promise<void> {
  await server.stop()
}
