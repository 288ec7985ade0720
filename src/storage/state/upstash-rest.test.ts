/**
 * The Upstash REST client against the Upstash bridge (a real redis-server behind it) for the
 * Redis behaviour, and against a bare HTTP listener for what the bridge does not model: the
 * read-your-writes token of global databases and an endpoint that never answers.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { createUpstashRest, UpstashError } from './upstash-rest.ts'

let server: Server | undefined

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = undefined
})

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler)
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('Upstash REST client', () => {
  const bridge = () =>
    createUpstashRest({ url: inject('upstashUrl'), token: inject('upstashToken') })

  it('runs a script by EVALSHA and falls back to EVAL once Redis has forgotten it', async () => {
    const rest = bridge()
    const key = `rest:${crypto.randomUUID()}`
    const source = "return redis.call('INCRBY', KEYS[1], ARGV[1])"
    expect(await rest.script(source, [key], ['2'])).toBe(2)
    expect(await rest.command(['SCRIPT', 'FLUSH'])).toBe('OK')
    expect(await rest.script(source, [key], ['3'])).toBe(5)
    expect(await rest.command(['GETDEL', key])).toBe('5')
  })

  it('keeps strings as strings and reports command errors as UpstashError', async () => {
    const rest = bridge()
    const key = `rest:${crypto.randomUUID()}`
    expect(await rest.command(['SET', key, '"123"', 'PX', '10000'])).toBe('OK')
    expect(await rest.command(['GET', key])).toBe('"123"')
    const error = await rest.command(['HGET', key, 'f']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UpstashError)
    expect((error as Error).message).toMatch(/^WRONGTYPE/)
    await rest.command(['DEL', key])
  })

  it('sends back the read-your-writes token of the previous answer', async () => {
    const seen: IncomingHttpHeaders[] = []
    const url = await listen((req, res) => {
      seen.push(req.headers)
      res.setHeader('upstash-sync-token', `sync-${seen.length}`)
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ result: 'OK' }))
    })
    const rest = createUpstashRest({ url, token: 'secret' })
    await rest.command(['SET', 'k', 'v'])
    await rest.command(['GET', 'k'])
    expect(seen.map((h) => h['upstash-sync-token'])).toEqual(['', 'sync-1'])
    expect(seen[0]?.authorization).toBe('Bearer secret')
  })

  it('gives up on an endpoint that never answers after timeoutMs', async () => {
    const url = await listen(() => {})
    const rest = createUpstashRest({ url, token: 't', timeoutMs: 200 })
    const started = Date.now()
    await expect(rest.command(['PING'])).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('treats a non-JSON or 5xx answer as an outage, not a command error', async () => {
    const url = await listen((_req, res) => {
      res.statusCode = 502
      res.end('<html>Bad gateway</html>')
    })
    const error = await createUpstashRest({ url, token: 't' })
      .command(['PING'])
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(UpstashError)
  })
})
