import { base64UrlDecode } from '../crypto.ts'
import type { App } from '../identity/types.ts'
import type { CoreServices } from '../services.ts'
import { tokenError } from './errors.ts'
import { findAppType } from './policy.ts'

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

/**
 * Identifies the calling app for the token and revocation endpoints: `client_id` in the body
 * or HTTP Basic. Confidential types must prove their secret; a secret sent by any client is
 * checked. Every failure is the same `invalid_client`, so nothing tells which part was wrong.
 */
export async function authenticateClient(
  core: CoreServices,
  body: ClientCredentials,
  authorization: string | undefined,
): Promise<App> {
  const basic = fromBasicHeader(authorization)
  if (basic && body.client_id && body.client_id !== basic.id)
    throw tokenError(core, 'invalid_client')
  const clientId = basic?.id ?? body.client_id
  const secret = basic?.secret ?? body.client_secret
  if (!clientId) throw tokenError(core, 'invalid_client', 'Name the app: send client_id.')
  const app = await core.identity.apps.get(clientId)
  const type = app ? findAppType(core, app.type) : undefined
  if (!app || !type) throw tokenError(core, 'invalid_client')
  if (type.clientKind === 'confidential' || secret !== undefined) {
    if (!secret || !(await core.identity.apps.verifySecret(clientId, secret))) {
      throw tokenError(core, 'invalid_client')
    }
  }
  if (!app.enabled) throw tokenError(core, 'app_disabled')
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
