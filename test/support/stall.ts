/**
 * Backing services that stop answering without going away: a redis-server frozen with SIGSTOP
 * (its socket stays open, the kernel still accepts connections, nothing replies) and a TCP
 * proxy that can stall every connection through it, for remote libSQL. This is the failure
 * that plain "connection refused" tests miss: only a deadline ends such a call.
 */
import { connect, createServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { Redis } from 'ioredis'

/** The pid of the redis-server at `url`, as it reports it (INFO server). */
export async function redisPid(url: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 })
  try {
    const info = await client.info('server')
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1])
    if (!pid) throw new Error(`no process_id in INFO from ${url}`)
    return pid
  } finally {
    client.disconnect()
  }
}

const frozen = new Set<number>()

/** SIGSTOP/SIGCONT one process. */
export function freezer(pid: number) {
  return {
    freeze() {
      process.kill(pid, 'SIGSTOP')
      frozen.add(pid)
    },
    thaw() {
      if (frozen.delete(pid)) process.kill(pid, 'SIGCONT')
    },
  }
}

/**
 * Continues every process still frozen. Run it first in `afterEach`: clients closing against a
 * frozen server (and a stopped process ignoring SIGTERM) would otherwise hang the teardown.
 */
export function thawAll(): void {
  for (const pid of frozen) process.kill(pid, 'SIGCONT')
  frozen.clear()
}

export interface StallableProxy {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** From now on nothing is forwarded either way, on open connections and new ones alike. */
  stall(): void
  /**
   * Stalls from the first request whose bytes contain `marker` (e.g. a table name), dropping
   * that request too: the service freezes mid-request, after the calls before it answered.
   */
  stallOn(marker: string): void
  resume(): void
  close(): Promise<void>
}

/** A TCP proxy to `target` (`http://host:port`) that can stop answering on demand. */
export async function startStallableProxy(target: string): Promise<StallableProxy> {
  const { hostname, port } = new URL(target)
  let stalled = false
  let marker: string | null = null
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const server = createServer((client) => {
    const upstream = connect({ host: hostname, port: Number(port) })
    track(client)
    track(upstream)
    // Bytes that arrive while stalled are dropped: the peer waits for an answer that never comes.
    client.on('data', (chunk: Buffer) => {
      if (marker !== null && chunk.includes(marker)) stalled = true
      if (!stalled) upstream.write(chunk)
    })
    upstream.on('data', (chunk) => void (stalled || client.write(chunk)))
    client.once('close', () => upstream.destroy())
    upstream.once('close', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    stall: () => void (stalled = true),
    stallOn: (text) => void (marker = text),
    resume: () => {
      stalled = false
      marker = null
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** Runs `request` and returns its response with how long it took. */
export async function timed<T>(request: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now()
  const value = await request()
  return { value, ms: performance.now() - started }
}

export interface SilentServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  close(): Promise<void>
}

/** Accepts TCP connections and never sends a byte. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => socket.destroy())
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
