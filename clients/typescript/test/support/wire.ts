/**
 * What the client puts on the wire: a fetch that records each request ("POST /v1/token") and
 * otherwise passes it to the real global fetch, and a person registered through the client.
 */
import { createPropuskClient, type FetchLike } from '../../src/index.ts'
import type { PropuskClientOptions } from '../../src/index.ts'
import { freshPhone, type RunningPropusk } from './server.ts'

export interface Wire {
  fetch: FetchLike
  requests: string[]
  count(request: string): number
}

/** `lose` may throw instead of answering (a response lost on the way back). */
export function wire(lose?: (request: string, response: Response) => Promise<void>): Wire {
  const requests: string[] = []
  return {
    requests,
    count: (request) => requests.filter((r) => r === request).length,
    async fetch(input, init) {
      const request = `${init?.method ?? 'GET'} ${new URL(input).pathname}`
      requests.push(request)
      const response = await fetch(input, init)
      await lose?.(request, response)
      return response
    },
  }
}

export const password = 'Lantern-Mosaic-7'

/**
 * An invited person who proves their phone by a flash call and creates their password (R4);
 * by call so that the tests may still send an SMS code to them at once (the resend wait is per
 * method).
 */
export async function registeredPerson(propusk: RunningPropusk): Promise<string> {
  const phone = freshPhone()
  await propusk.invite(phone)
  const client = createPropuskClient({ baseUrl: propusk.baseUrl, clientId: propusk.clientId })
  const { challengeId } = await client.sendCode('flash-call', phone)
  const result = await client.verifyCode('flash-call', challengeId, await propusk.callCode(phone))
  if (result.status !== 'password_required') throw new Error(`expected password_required`)
  await client.completeRegistration(result.setupToken, password)
  return phone
}

export function clientFor(propusk: RunningPropusk, options: Partial<PropuskClientOptions> = {}) {
  return createPropuskClient({
    baseUrl: propusk.baseUrl,
    clientId: propusk.clientId,
    deviceLabel: 'vitest',
    ...options,
  })
}
