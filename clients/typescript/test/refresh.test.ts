/**
 * Refresh and sign-out against a running Propusk, counted on the wire: concurrent callers share
 * one rotation, an expiring or rejected access token is refreshed once, a lost answer is retried
 * with the same refresh token inside the server's grace window, and a signed-out session's
 * refresh token is refused with a typed invalid_grant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryStorage, PropuskError, type Tokens } from '../src/index.ts'
import { startPropusk, type RunningPropusk } from './support/server.ts'
import { clientFor, password, registeredPerson, wire } from './support/wire.ts'

let propusk: RunningPropusk
let phone: string
beforeAll(async () => {
  propusk = await startPropusk()
  phone = await registeredPerson(propusk)
})
afterAll(async () => {
  await propusk?.stop()
})

const refreshRequest = 'POST /v1/token'

/** A client signed in by password (the sign-in itself is not counted on `fetch`). */
async function signedIn(fetch = wire().fetch) {
  const storage = memoryStorage()
  await clientFor(propusk, { storage }).passwordSignIn(phone, password)
  return { client: clientFor(propusk, { fetch, storage }), storage }
}

describe('refresh', () => {
  it('10 concurrent callers make 1 network refresh and all get its tokens', async () => {
    const net = wire()
    const { client, storage } = await signedIn(net.fetch)
    const before = (await storage.get()) as Tokens
    const results = await Promise.all(Array.from({ length: 10 }, () => client.refresh()))
    expect(net.count(refreshRequest)).toBe(1)
    expect(new Set(results.map((t) => t.refreshToken)).size).toBe(1)
    expect(results[0]?.refreshToken).not.toBe(before.refreshToken)
    expect(results[0]?.sessionId).toBe(before.sessionId)
    expect(await storage.get()).toEqual(results[0])
    expect((await client.me()).sessionId).toBe(before.sessionId)
  })

  it('an access token about to expire is refreshed once before 10 concurrent calls', async () => {
    const net = wire()
    const { client, storage } = await signedIn(net.fetch)
    const tokens = (await storage.get()) as Tokens
    await storage.set({ ...tokens, expiresAt: Date.now() + 5_000 }) // inside the 60 s margin
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.me()))
    expect(answers.every((me) => me.user.phone === phone)).toBe(true)
    expect(net.count(refreshRequest)).toBe(1)
    expect(net.count('GET /v1/me')).toBe(10)
    expect(net.requests[0]).toBe(refreshRequest)
  })

  it('a 401 from the server is refreshed once and the request repeated', async () => {
    const net = wire()
    const { client, storage } = await signedIn(net.fetch)
    const tokens = (await storage.get()) as Tokens
    await storage.set({ ...tokens, accessToken: `${tokens.accessToken.slice(0, -4)}AAAA` })
    const response = await client.authorizedFetch('/v1/me/sessions')
    expect(response.status).toBe(200)
    expect(net.requests).toEqual(['GET /v1/me/sessions', refreshRequest, 'GET /v1/me/sessions'])
  })

  it('a lost refresh answer is retried with the same token: same successor, session goes on', async () => {
    let lost: Tokens['refreshToken'] | undefined
    const net = wire(async (request, response) => {
      if (request !== refreshRequest || lost !== undefined) return
      // The server has rotated the token; its answer never reaches the app.
      lost = ((await response.clone().json()) as { refresh_token: string }).refresh_token
      throw new TypeError('fetch failed: connection reset')
    })
    const { client, storage } = await signedIn(net.fetch)
    const before = (await storage.get()) as Tokens
    const after = await client.refresh()
    expect(net.count(refreshRequest)).toBe(2)
    expect(after.refreshToken).toBe(lost)
    expect(after.sessionId).toBe(before.sessionId)
    expect((await client.me()).sessionId).toBe(before.sessionId)
    const next = await client.refresh() // the successor works: the session was not ended
    expect(next.refreshToken).not.toBe(after.refreshToken)
  })

  it('no answer at all: retried, then a typed network_error, and the tokens are kept', async () => {
    const tokens = (await (await signedIn()).storage.get()) as Tokens
    const net = wire()
    const storage = memoryStorage(tokens)
    const client = clientFor(
      { ...propusk, baseUrl: 'http://127.0.0.1:9' }, // the discard port: nothing listens
      { fetch: net.fetch, storage, refreshRetryDelaysMs: [10, 10] },
    )
    const error = await client.refresh().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PropuskError)
    expect(error).toMatchObject({ code: 'network_error', status: 0 })
    expect(net.count(refreshRequest)).toBe(3)
    expect(await storage.get()).toEqual(tokens)
  })
})

describe('sign-out', () => {
  it('ends the session: its refresh token is then a typed invalid_grant', async () => {
    const net = wire()
    const { client, storage } = await signedIn(net.fetch)
    const copy = (await storage.get()) as Tokens
    await client.signOut()
    expect(net.requests).toEqual(['POST /v1/token/revoke'])
    expect(await client.tokens()).toBeNull()
    await expect(client.refresh()).rejects.toMatchObject({ code: 'not_signed_in' })

    // A copy of the tokens (a background job's, a backup) is worthless now.
    const ended: PropuskError[] = []
    const stale = clientFor(propusk, {
      storage: memoryStorage(copy),
      onSessionEnded: (e) => ended.push(e),
    })
    const error = await stale.refresh().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PropuskError)
    expect(error).toMatchObject({ code: 'invalid_grant', status: 400 })
    expect(ended).toEqual([error])
    expect(await stale.tokens()).toBeNull()
  })
})
