/** The OpenID Connect ID token (OIDC Core §2), signed with the server's current key. */
import { SignJWT } from 'jose'
import { base64UrlEncode, randomToken, sha256 } from '../../kernel/crypto.ts'
import type { KeySet } from '../sessions/index.ts'

export interface IdTokenInput {
  issuer: string
  clientId: string
  userId: string
  sessionId: string
  nonce: string | null
  authTime: number
  amr: string[]
  accessToken: string
  now: Date
  lifetimeSeconds: number
  /** Scope-dependent claims (`email`, `name`…), already filtered by scope. */
  claims: Record<string, unknown>
}

/** OIDC Core §3.1.3.6: the left half of the SHA-256 of the access token, base64url. */
export async function accessTokenHash(accessToken: string): Promise<string> {
  const digest = await sha256(accessToken)
  return base64UrlEncode(digest.slice(0, digest.length / 2))
}

export async function signIdToken(keys: KeySet, input: IdTokenInput): Promise<string> {
  const iat = Math.floor(input.now.getTime() / 1000)
  return new SignJWT({
    ...input.claims,
    ...(input.nonce ? { nonce: input.nonce } : {}),
    auth_time: input.authTime,
    amr: input.amr,
    sid: input.sessionId,
    azp: input.clientId,
    at_hash: await accessTokenHash(input.accessToken),
  })
    .setProtectedHeader({ alg: keys.signing.alg, kid: keys.signing.kid, typ: 'JWT' })
    .setIssuer(input.issuer)
    .setAudience(input.clientId)
    .setSubject(input.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + input.lifetimeSeconds)
    .setJti(randomToken(16))
    .sign(keys.signing.privateKey)
}
