import { base64UrlDecode, timingSafeEqual } from '../../kernel/crypto.ts'
import type { ClientAppTypePlugin } from '../../kernel/plugin.ts'
import type { App } from '../identity/index.ts'
import type { ClientsDeps } from './deps.ts'
import { tokenError } from './oauth-errors.ts'
import { findAppType } from './app-type-policy.ts'

export interface ClientCredentials {
  client_id?: string | undefined
  client_secret?: string | undefined
}

/** RFC 6749 §2.3.1: `Basic base64(urlencode(id):urlencode(secret))`. */
function fromBasicHeader(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic +([A-Za-z0-9+/=_-]+) *$/i.exec(header ?? '')
  if (!match?.[1]) return null
  try {
    const decoded = new TextDecoder().decode(base64UrlDecode(match[1].replace(/=+$/, '')))
    const colon = decoded.indexOf(':')
    if (colon < 0) return null
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    }
  } catch {
    return null
  }
}

export interface PresentedClient {
  id: string
  /** As sent, or undefined when the client sent none. */
  secret: string | undefined
}

/**
 * The client id and secret a token or revocation request presents: `client_id` in the body or
 * HTTP Basic (never two different ids). Reads nothing; `invalid_client` without an id.
 */
export function presentedClient(
  body: ClientCredentials,
  authorization: string | undefined,
): PresentedClient {
  const basic = fromBasicHeader(authorization)
  if (basic && body.client_id && body.client_id !== basic.id) throw tokenError('invalid_client')
  const id = basic?.id ?? body.client_id
  if (!id) throw tokenError('invalid_client', 'Name the app: send client_id.')
  return { id, secret: basic?.secret ?? body.client_secret }
}

/**
 * THE client-authentication rule, used by every entry point (token endpoint, revocation, sign-in
 * routes, code checks, refresh): a client of a confidential type must prove its secret, and a
 * secret sent by any client must be right. Whether a secret happens to be stored does not
 * matter: a confidential app without one cannot sign anyone in until an admin issues it one.
 */
export function mustProveSecret(type: Pick<ClientAppTypePlugin, 'clientKind'>, presented: boolean) {
  return type.clientKind === 'confidential' || presented
}

/** The ids of the loaded types that must prove a secret (for SQL that applies the same rule). */
export const confidentialTypeIds = (types: readonly ClientAppTypePlugin[]): string[] =>
  types.filter((type) => mustProveSecret(type, false)).map((type) => type.id)

/**
 * The rule with the secret checked by `verify` (the app registry's hash comparison): true when
 * the client may go on.
 */
export async function proveClient(
  type: Pick<ClientAppTypePlugin, 'clientKind'>,
  secret: string | null | undefined,
  verify: (secret: string) => Promise<boolean>,
): Promise<boolean> {
  const presented = secret !== undefined && secret !== null
  if (!mustProveSecret(type, presented)) return true
  return presented && (await verify(secret))
}

/**
 * Checks a presented client against its stored app (null: unknown), by `mustProveSecret`. Every
 * failure is the same `invalid_client`, so nothing tells which part was wrong.
 */
export function checkClient(
  core: Pick<ClientsDeps, 'plugins'>,
  stored: { app: App; secretHash: string | null } | null,
  /** SHA-256 of the presented secret, null when none was sent. */
  givenHash: string | null,
): App {
  const type = stored ? findAppType(core, stored.app.type) : undefined
  if (!stored || !type) throw tokenError('invalid_client')
  if (mustProveSecret(type, givenHash !== null)) {
    // Hashes, not secrets, compared in constant time: nothing about the stored value leaks.
    const matches =
      givenHash !== null &&
      stored.secretHash !== null &&
      timingSafeEqual(givenHash, stored.secretHash)
    if (!matches) throw tokenError('invalid_client')
  }
  if (!stored.app.enabled) throw tokenError('app_disabled')
  return stored.app
}

/** `presentedClient` and `checkClient` with the app read on its own (the revocation endpoint). */
export async function authenticateClient(
  core: ClientsDeps,
  body: ClientCredentials,
  authorization: string | undefined,
): Promise<App> {
  const { id, secret } = presentedClient(body, authorization)
  const app = await core.identity.apps.get(id)
  const type = app ? findAppType(core, app.type) : undefined
  if (!app || !type) throw tokenError('invalid_client')
  if (!(await proveClient(type, secret, (given) => core.identity.apps.verifySecret(id, given)))) {
    throw tokenError('invalid_client')
  }
  if (!app.enabled) throw tokenError('app_disabled')
  return app
}

/**
 * For sign-in routes, which name their app in the JSON body (`clientId`): the secret the client
 * presented, from the body (`clientSecret`) or HTTP Basic as at the token endpoint, or null when
 * none was sent. A Basic header naming another client is `mismatch`. The session service checks
 * the secret itself (`SignInRequest.clientSecret`).
 */
export function presentedClientSecret(
  clientId: string,
  bodySecret: string | null | undefined,
  authorization: string | undefined,
): { ok: true; secret: string | null } | { ok: false; reason: 'client_mismatch' } {
  const basic = fromBasicHeader(authorization)
  if (basic && basic.id !== clientId) return { ok: false, reason: 'client_mismatch' }
  if (basic && bodySecret != null && basic.secret !== bodySecret) {
    return { ok: false, reason: 'client_mismatch' }
  }
  return { ok: true, secret: basic?.secret ?? bodySecret ?? null }
}
