import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose'
import { randomToken } from '../../kernel/crypto.ts'
import type { KeySet } from './keys.ts'
import { signingAlgorithms } from './keys.ts'

/** RFC 9068: access tokens say so in `typ`, so no other JWT of ours can pass for one. */
const accessTokenType = 'at+jwt'

export interface AccessTokenClaims {
  iss: string
  /** The app's client id. */
  aud: string
  client_id: string
  sub: string
  sid: string
  app_type: string
  roles: string[]
  /** The user's kind: `employee` or `customer`. */
  kind: string
  iat: number
  exp: number
  jti: string
}

export interface AccessTokenInput {
  issuer: string
  clientId: string
  userId: string
  sessionId: string
  appType: string
  roleIds: string[]
  userKind: string
  now: Date
  expiresAt: Date
}

export async function signAccessToken(keys: KeySet, input: AccessTokenInput): Promise<string> {
  const { signing } = keys
  return new SignJWT({
    client_id: input.clientId,
    sid: input.sessionId,
    app_type: input.appType,
    roles: input.roleIds,
    kind: input.userKind,
  })
    .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: accessTokenType })
    .setIssuer(input.issuer)
    .setAudience(input.clientId)
    .setSubject(input.userId)
    .setIssuedAt(Math.floor(input.now.getTime() / 1000))
    .setExpirationTime(Math.floor(input.expiresAt.getTime() / 1000))
    .setJti(randomToken(16))
    .sign(signing.privateKey)
}

/** Why a token was refused; callers answer 401 whatever the reason, but logs keep it. */
export class InvalidAccessToken extends Error {
  override readonly name = 'InvalidAccessToken'
}

function isClaims(payload: JWTPayload): payload is JWTPayload & AccessTokenClaims {
  return (
    typeof payload.sub === 'string' &&
    typeof payload.sid === 'string' &&
    typeof payload.aud === 'string' &&
    typeof payload.app_type === 'string' &&
    Array.isArray(payload.roles) &&
    typeof payload.exp === 'number' &&
    typeof payload.iat === 'number'
  )
}

/**
 * Verifies signature (published keys only, algorithm pinned to ES256/EdDSA and to the key's
 * own alg), `typ`, issuer, audience (when given) and lifetime at `now`.
 */
export async function verifyAccessToken(
  keys: KeySet,
  token: string,
  options: { issuer: string; audience?: string | string[]; now: Date },
): Promise<AccessTokenClaims> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => {
        const key = header.kid ? keys.byKid.get(header.kid) : undefined
        if (!key || key.alg !== header.alg) throw new InvalidAccessToken('unknown kid or alg')
        return key.publicKey
      },
      {
        algorithms: [...signingAlgorithms],
        typ: accessTokenType,
        issuer: options.issuer,
        ...(options.audience ? { audience: options.audience } : {}),
        currentDate: options.now,
        requiredClaims: ['sub', 'sid', 'aud', 'exp', 'iat', 'jti'],
      },
    )
    if (!isClaims(payload)) throw new InvalidAccessToken('missing claims')
    return payload
  } catch (error) {
    if (error instanceof InvalidAccessToken) throw error
    if (error instanceof joseErrors.JOSEError) throw new InvalidAccessToken(error.code)
    throw new InvalidAccessToken('malformed token')
  }
}
