/**
 * Run by Deno (test/deno.test.ts): signs in with the client, reads `me`, refreshes from three
 * callers at once, signs out, and prints what it saw as one JSON line.
 */
import { createPropuskClient, isPropuskError } from '../../src/index.ts'

const deno = (globalThis as unknown as { Deno: { args: string[] } }).Deno
const [baseUrl = '', clientId = '', login = '', password = ''] = deno.args
const requests: string[] = []
const client = createPropuskClient({
  baseUrl,
  clientId,
  fetch: (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${new URL(input).pathname}`)
    return fetch(input, init)
  },
})
const tokens = await client.passwordSignIn(login, password)
const me = await client.me()
const refreshed = await Promise.all([client.refresh(), client.refresh(), client.refresh()])
await client.signOut()
const after = await client.refresh().catch((e: unknown) => (isPropuskError(e) ? e.code : e))
console.log(
  JSON.stringify({
    sessionId: tokens.sessionId,
    meSessionId: me.sessionId,
    refreshTokens: new Set(refreshed.map((t) => t.refreshToken)).size,
    requests,
    after,
  }),
)
