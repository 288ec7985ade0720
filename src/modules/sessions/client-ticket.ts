/**
 * Deferred client authentication for the hosted sign-in pages.
 *
 * Why this exists: on the hosted pages the person proves who they are through the sign-in
 * methods' own JSON routes (called in-process), which open the app session through
 * `sessions.signIn`, so every rule of direct sign-in applies unchanged (R7 above all). But in
 * the authorization code flow the CLIENT proves itself only later, at the token endpoint (its
 * secret and the PKCE verifier), and a confidential app's secret never reaches the browser.
 *
 * So the authorization server mints a ticket that stands in for the secret in that one
 * in-process call. It cannot let an outside caller skip a confidential client's secret: it is
 * random, never sent to a browser or a client, bound to one client id, lives 60 s, and the
 * tokens of a session opened with it are handed out only by the token endpoint, after the
 * client has authenticated with its real credentials and the PKCE verifier.
 */
import { randomToken, sha256Hex } from '../../kernel/crypto.ts'
import type { StateStore } from '../../kernel/ports/state.ts'

const prefix = 'azt_'
const ttlMs = 60_000
const key = (hash: string) => `oidc:ticket:${hash}`

export async function mintClientTicket(state: StateStore, clientId: string): Promise<string> {
  const ticket = prefix + randomToken()
  await state.set(key(await sha256Hex(ticket)), clientId, { ttlMs })
  return ticket
}

export async function dropClientTicket(state: StateStore, ticket: string): Promise<void> {
  await state.delete(key(await sha256Hex(ticket)))
}

/** Whether `secret` is a live ticket minted for this client (no state call for real secrets). */
export async function isClientTicket(
  state: StateStore,
  clientId: string,
  secret: string | null | undefined,
): Promise<boolean> {
  if (!secret?.startsWith(prefix)) return false
  return (await state.get(key(await sha256Hex(secret)))) === clientId
}
