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
 * Tokens this isolate has verified, per key set: a client sends the same access token with every
 * request for its lifetime, and the ES256 verification (~100 µs of CPU through webcrypto on Node)
 * was most of an authenticated read's own work. A hit is the identical token string, already
 * verified against this key set (a `SIGNING_KEYS` change makes a new set, so a removed key's tokens
 * are verified afresh and refused), for the same issuer and audience; its lifetime is checked again
 * at every `now`, so expiry holds to the second. Only tokens that passed are kept, so a cache hit
 * cannot be bought with a forged token; the oldest entry goes first once the bound is reached.
 */
const verifiedLimit = 1000
const verified = new WeakMap<KeySet, Map<string, AccessTokenClaims>>()

function stillValid(claims: AccessTokenClaims & { nbf?: unknown }, now: Date): void {
  // jose's own comparisons, in whole seconds and without clock tolerance.
  const seconds = Math.floor(now.getTime() / 1000)
  if (claims.exp <= seconds) throw new InvalidAccessToken('ERR_JWT_EXPIRED')
  if (typeof claims.nbf === 'number' && claims.nbf > seconds) {
    throw new InvalidAccessToken('ERR_JWT_CLAIM_VALIDATION_FAILED')
  }
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
  let cache = verified.get(keys)
  if (!cache) verified.set(keys, (cache = new Map()))
  const cacheKey = `${options.issuer}\n${JSON.stringify(options.audience ?? null)}\n${token}`
  const hit = cache.get(cacheKey)
  if (hit) {
    stillValid(hit, options.now)
    return hit
  }
  const claims = await verifyFully(keys, token, options)
  if (cache.size >= verifiedLimit) cache.delete(cache.keys().next().value as string)
  cache.set(cacheKey, Object.freeze(claims))
  return claims
}

async function verifyFully(
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
